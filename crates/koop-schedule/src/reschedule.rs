//! Rescheduling after a change to a published schedule.
//!
//! People plan around a published schedule, so a change (meetings cancelled,
//! new meetings accepted, a participant leaving) should move as few published
//! meetings as possible. We pre-place every published meeting that is still
//! valid in its old slot and pin it; new meetings then go into the gaps. A
//! pinned meeting moves only when a new one cannot be placed otherwise (the
//! repair step tries unpinned blockers first), and local search for breaks
//! never moves a pinned meeting. The answer counts the published meetings
//! that moved or were dropped.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::heuristic::{self, State};
use crate::model::{Meeting, Placement, Problem, Schedule};
use crate::solve::{Outcome, SolveOptions};

/// What changed since the schedule was published.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Indices (in the old problem) of meetings that are cancelled.
    #[serde(default)]
    pub cancelled: Vec<usize>,
    /// Newly accepted meetings (participant indices as in the old problem).
    #[serde(default)]
    pub added: Vec<Meeting>,
    /// Participants who leave: all their meetings are cancelled.
    #[serde(default)]
    pub leaving: Vec<usize>,
}

/// The rescheduled answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rescheduled {
    /// The problem after the change: the old meetings that remain, in their
    /// old order, then the added ones.
    pub problem: Problem,
    /// For each meeting of `problem`, its index in the old problem (`None`
    /// for an added meeting).
    pub old_index: Vec<Option<usize>>,
    /// The new schedule and its figures.
    pub outcome: Outcome,
    /// Published meetings that remain after the change.
    pub remaining_published: usize,
    /// Of those, how many are now in another slot or unplaced.
    pub moved: usize,
}

/// Applies `change` to `problem` and reschedules, keeping `published` as
/// stable as possible.
pub fn reschedule(
    problem: &Problem,
    published: &Schedule,
    change: &Change,
    options: &SolveOptions,
) -> Rescheduled {
    let started = Instant::now();
    let deadline = started + options.time_limit;
    let mut next = problem.clone();
    let gone = |m: usize| {
        change.cancelled.contains(&m)
            || problem.meetings[m]
                .participants
                .iter()
                .any(|p| change.leaving.contains(p))
    };
    let kept: Vec<usize> = (0..problem.meetings.len()).filter(|&m| !gone(m)).collect();
    let mut renumber = vec![None; problem.meetings.len()];
    for (new, &old) in kept.iter().enumerate() {
        renumber[old] = Some(new);
    }
    next.meetings = kept
        .iter()
        .map(|&m| {
            let mut meeting = problem.meetings[m].clone();
            // A precedence on a cancelled meeting no longer applies.
            meeting.after = meeting.after.iter().filter_map(|&a| renumber[a]).collect();
            meeting
        })
        .collect();
    next.meetings.extend(change.added.iter().cloned());
    for &p in &change.leaving {
        if let Some(part) = next.participants.get_mut(p) {
            part.unavailable = (0..next.slots.len()).collect();
        }
    }
    let mut old_index: Vec<Option<usize>> = kept.iter().map(|&m| Some(m)).collect();
    old_index.extend(change.added.iter().map(|_| None));

    let mut state = State::new(&next);
    let before: Vec<Option<usize>> = old_index
        .iter()
        .map(|o| {
            o.and_then(|m| {
                published
                    .placements
                    .get(m)
                    .copied()
                    .flatten()
                    .map(|p| p.slot)
            })
        })
        .collect();
    // Highest priority first, so if two published meetings now clash the
    // more important one keeps its slot.
    let mut order: Vec<usize> = (0..next.meetings.len())
        .filter(|&m| before[m].is_some())
        .collect();
    order.sort_by_key(|&m| std::cmp::Reverse(next.meetings[m].priority));
    for m in order {
        let Some(t) = before[m] else { continue };
        if state.domains[m].contains(&t) && state.feasible(m, t, None) {
            state.place(m, t);
            state.pinned[m] = true;
        }
    }
    heuristic::run(
        &next,
        &mut state,
        options.seed,
        deadline,
        50,
        true,
        options.cancel,
    );
    let mut outcome = heuristic::outcome(&next, &state, "reschedule");
    let old_tables: Vec<Option<Placement>> = old_index
        .iter()
        .map(|o| o.and_then(|m| published.placements.get(m).copied().flatten()))
        .collect();
    outcome.schedule = Some(keep_tables(&state.slot_of, &old_tables, &next));
    outcome.elapsed_ms = started.elapsed().as_millis() as u64;
    let remaining_published = before.iter().filter(|b| b.is_some()).count();
    let moved = before
        .iter()
        .zip(&state.slot_of)
        .filter(|(b, now)| b.is_some() && *b != *now)
        .count();
    Rescheduled {
        problem: next,
        old_index,
        outcome,
        remaining_published,
        moved,
    }
}

/// Numbers the tables so that a meeting still in its published slot keeps
/// its published table; the others take the lowest free tables.
fn keep_tables(slots: &[Option<usize>], old: &[Option<Placement>], problem: &Problem) -> Schedule {
    let mut taken: Vec<Vec<bool>> = problem
        .slots
        .iter()
        .map(|s| vec![false; s.tables as usize])
        .collect();
    let mut placements = vec![None; slots.len()];
    for (m, slot) in slots.iter().enumerate() {
        if let (Some(s), Some(o)) = (*slot, old[m])
            && o.slot == s
            && let Some(free) = taken[s].get_mut(o.table as usize)
            && !*free
        {
            *free = true;
            placements[m] = Some(Placement {
                slot: s,
                table: o.table,
            });
        }
    }
    for (m, slot) in slots.iter().enumerate() {
        if let Some(s) = *slot
            && placements[m].is_none()
            && let Some(t) = taken[s].iter().position(|x| !x)
        {
            taken[s][t] = true;
            placements[m] = Some(Placement {
                slot: s,
                table: t as u32,
            });
        }
    }
    Schedule { placements }
}
