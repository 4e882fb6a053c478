//! What the organisers of an event do, split so that an owning agency can let a
//! co-organising organisation's staff do part of it: the chamber checks people in on
//! the day, the EEN partner validates registrations, and only the owner plans.

use crate::text_enum;

text_enum!(
    /// One part of running an event.
    Task, "task" {
        /// Setting it up: fields, venues, sessions, registration questions, terms and
        /// the matchmaking settings.
        Programme = "programme",
        /// Registrations and profiles: validating them, editing them in a
        /// participant's name, writing to participants.
        Registrations = "registrations",
        /// The schedule: running the optimiser, publishing it, placing, moving and
        /// cancelling meetings, assigning company visits.
        Schedule = "schedule",
        /// On the day: check-in, held and no-show, refilling from standby, printouts.
        OnTheDay = "on_the_day",
        /// Afterwards: the feedback survey and the follow-up.
        FollowUp = "follow_up",
    }
);

/// A set of [`Task`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tasks(u8);

impl Tasks {
    /// Every task: what the owning agency's staff and the event's organisers may do.
    pub fn all() -> Tasks {
        Tasks::from_iter(Task::ALL.iter().copied())
    }

    /// No task: a co-organiser that is named but does nothing in koop.
    pub fn none() -> Tasks {
        Tasks(0)
    }

    /// Whether `task` is in the set.
    pub fn contains(self, task: Task) -> bool {
        self.0 & bit(task) != 0
    }

    /// The union of two sets.
    pub fn union(self, other: Tasks) -> Tasks {
        Tasks(self.0 | other.0)
    }

    /// The tasks in the set, in the order of [`Task::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Task> {
        Task::ALL.iter().copied().filter(move |t| self.contains(*t))
    }

    /// As stored: the task codes, comma-separated.
    pub fn to_text(self) -> String {
        self.iter().map(Task::as_str).collect::<Vec<_>>().join(",")
    }

    /// Reads the stored form back; an unknown code is an error that names it.
    pub fn parse(text: &str) -> Result<Tasks, crate::DomainError> {
        text.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Task::parse)
            .collect()
    }
}

fn bit(task: Task) -> u8 {
    let index = Task::ALL.iter().position(|t| *t == task).unwrap_or(0);
    1 << index
}

impl FromIterator<Task> for Tasks {
    fn from_iter<I: IntoIterator<Item = Task>>(iter: I) -> Tasks {
        Tasks(iter.into_iter().fold(0, |acc, t| acc | bit(t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_reads_back_as_stored_and_unknown_codes_are_named() {
        let some: Tasks = [Task::OnTheDay, Task::Registrations].into_iter().collect();
        assert_eq!(some.to_text(), "registrations,on_the_day");
        assert_eq!(Tasks::parse(&some.to_text()), Ok(some));
        assert!(some.contains(Task::OnTheDay) && !some.contains(Task::Schedule));
        assert_eq!(Tasks::parse(""), Ok(Tasks::none()));
        assert_eq!(Tasks::parse(&Tasks::all().to_text()), Ok(Tasks::all()));
        let bad = Tasks::parse("schedule,everything").unwrap_err();
        assert!(bad.to_string().contains("everything"), "{bad}");
    }
}
