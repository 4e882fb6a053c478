//! Structural checks on a [`Problem`]: every index in range, slots in time order,
//! sessions contiguous. The readers call this, so the solver and validator can
//! index without bounds worries.

use crate::model::Problem;

/// A problem that does not make sense, with the offending field and value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ProblemError {
    /// JSON-path-like name of the field, e.g. `meetings[3].participants[1]`.
    pub field: String,
    /// What is wrong, naming the value.
    pub message: String,
}

fn err(field: impl Into<String>, message: impl Into<String>) -> ProblemError {
    ProblemError {
        field: field.into(),
        message: message.into(),
    }
}

impl Problem {
    /// Checks that every index is in range and the time structure is sound.
    pub fn check(&self) -> Result<(), ProblemError> {
        let (np, ns, nm) = (
            self.participants.len(),
            self.slots.len(),
            self.meetings.len(),
        );
        if self.venues.is_empty() {
            return Err(err("venues", "at least one venue is needed"));
        }
        for (a, row) in self.travel.iter().enumerate() {
            if row.len() != self.venues.len() {
                return Err(err(
                    format!("travel[{a}]"),
                    format!("has {} entries, expected {}", row.len(), self.venues.len()),
                ));
            }
        }
        if !self.travel.is_empty() && self.travel.len() != self.venues.len() {
            return Err(err("travel", "needs one row per venue"));
        }
        for (i, s) in self.sessions.iter().enumerate() {
            if s.venue >= self.venues.len() {
                return Err(err(
                    format!("sessions[{i}].venue"),
                    format!("venue {} does not exist", s.venue),
                ));
            }
        }
        let mut last_session = None;
        for (i, slot) in self.slots.iter().enumerate() {
            let f = |name: &str| format!("slots[{i}].{name}");
            if slot.session >= self.sessions.len() {
                return Err(err(
                    f("session"),
                    format!("session {} does not exist", slot.session),
                ));
            }
            if slot.duration == 0 {
                return Err(err(f("duration"), "must be at least 1 minute"));
            }
            if i > 0 {
                let prev = &self.slots[i - 1];
                if (slot.day, slot.start) < (prev.day, prev.start) {
                    return Err(err(f("start"), "slots must be listed in time order"));
                }
                if slot.session != prev.session && last_session.is_some_and(|s| s > slot.session) {
                    return Err(err(f("session"), "sessions must be in order"));
                }
                if slot.session == prev.session
                    && (slot.day != prev.day || prev.start + prev.duration > slot.start)
                {
                    return Err(err(
                        f("start"),
                        "slots of one session must follow each other on one day",
                    ));
                }
            }
            last_session = Some(slot.session);
        }
        // A session's slots must be contiguous in the list, or breaks would be
        // counted across another session's slots.
        let mut seen = vec![false; self.sessions.len()];
        for (i, slot) in self.slots.iter().enumerate() {
            if i > 0 && self.slots[i - 1].session != slot.session && seen[slot.session] {
                return Err(err(
                    format!("slots[{i}].session"),
                    format!("session {} is split into parts", slot.session),
                ));
            }
            seen[slot.session] = true;
        }
        for (p, part) in self.participants.iter().enumerate() {
            for (k, &s) in part.unavailable.iter().enumerate() {
                if s >= ns {
                    return Err(err(
                        format!("participants[{p}].unavailable[{k}]"),
                        format!("slot {s} does not exist (there are {ns})"),
                    ));
                }
            }
        }
        for (m, meeting) in self.meetings.iter().enumerate() {
            let f = |name: &str| format!("meetings[{m}].{name}");
            if meeting.participants.len() < 2 {
                return Err(err(f("participants"), "a meeting needs two participants"));
            }
            for (k, &p) in meeting.participants.iter().enumerate() {
                if p >= np {
                    return Err(err(
                        format!("meetings[{m}].participants[{k}]"),
                        format!("participant {p} does not exist (there are {np})"),
                    ));
                }
                if meeting.participants[..k].contains(&p) {
                    return Err(err(
                        format!("meetings[{m}].participants[{k}]"),
                        format!("participant {p} is listed twice"),
                    ));
                }
            }
            if let Some(s) = meeting.fixed_slot
                && s >= ns
            {
                return Err(err(f("fixed_slot"), format!("slot {s} does not exist")));
            }
            for &s in &meeting.forbidden_slots {
                if s >= ns {
                    return Err(err(
                        f("forbidden_slots"),
                        format!("slot {s} does not exist"),
                    ));
                }
            }
            for &a in &meeting.after {
                if a >= nm || a == m {
                    return Err(err(
                        f("after"),
                        format!("meeting {a} does not exist or is this meeting"),
                    ));
                }
            }
        }
        Ok(())
    }
}
