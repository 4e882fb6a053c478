//! The independent validator: checks every hard rule of a schedule and counts
//! breaks from the definition.
//!
//! This module must not share code with the solvers. Its break counting is the
//! plain definition (sort a participant's slots within each session and count
//! gaps), so a bug in a solver's encoding shows up here as a mismatch instead
//! of being repeated. Every test and benchmark runs it on every schedule.

use crate::model::{Problem, Schedule};

/// The result of validating a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    /// Every broken hard rule, as a sentence naming meeting, participant and slot.
    pub violations: Vec<String>,
    /// Breaks per participant, counted from the definition.
    pub breaks: Vec<u32>,
    /// Sum of `breaks`.
    pub total_breaks: u32,
    /// Meetings placed.
    pub placed: usize,
}

impl Validation {
    /// True when no hard rule is broken.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Counts breaks per participant: within each session, a maximal run of idle
/// slots between two of the participant's meetings is one break.
pub fn count_breaks(problem: &Problem, schedule: &Schedule) -> Vec<u32> {
    let mut busy: Vec<Vec<usize>> = vec![Vec::new(); problem.participants.len()];
    for (m, placement) in schedule.placements.iter().enumerate() {
        let (Some(pl), Some(meeting)) = (placement, problem.meetings.get(m)) else {
            continue;
        };
        for &p in &meeting.participants {
            if let Some(b) = busy.get_mut(p) {
                b.push(pl.slot);
            }
        }
    }
    busy.iter_mut()
        .map(|slots| {
            slots.sort_unstable();
            slots.dedup();
            slots
                .windows(2)
                .filter(|w| {
                    let (a, b) = (w[0], w[1]);
                    let same_session = problem.slots.get(a).map(|s| s.session)
                        == problem.slots.get(b).map(|s| s.session);
                    same_session && b > a + 1
                })
                .count() as u32
        })
        .collect()
}

/// Checks every hard rule of `schedule` against `problem`.
pub fn validate(problem: &Problem, schedule: &Schedule) -> Validation {
    let mut v = Vec::new();
    let nm = problem.meetings.len();
    let ns = problem.slots.len();
    if schedule.placements.len() != nm {
        v.push(format!(
            "the schedule has {} entries but the problem has {nm} meetings",
            schedule.placements.len()
        ));
    }
    let mut per_slot = vec![0u32; ns];
    let mut tables_used = std::collections::HashSet::new();
    // (participant, slot, meeting) triples, to find double bookings.
    let mut busy: Vec<Vec<(usize, usize)>> = vec![Vec::new(); problem.participants.len()];
    for (m, placement) in schedule.placements.iter().enumerate().take(nm) {
        let meeting = &problem.meetings[m];
        let Some(pl) = placement else {
            if problem.require_all {
                v.push(format!(
                    "meeting {m} is not placed, but all meetings must be"
                ));
            }
            continue;
        };
        let Some(slot) = problem.slots.get(pl.slot) else {
            v.push(format!(
                "meeting {m} is in slot {}, which does not exist",
                pl.slot
            ));
            continue;
        };
        per_slot[pl.slot] += 1;
        if pl.table >= slot.tables {
            v.push(format!(
                "meeting {m} is at table {} of slot {}, which has {} tables",
                pl.table, pl.slot, slot.tables
            ));
        }
        if !tables_used.insert((pl.slot, pl.table)) {
            v.push(format!(
                "table {} of slot {} holds two meetings (one is meeting {m})",
                pl.table, pl.slot
            ));
        }
        if let Some(f) = meeting.fixed_slot
            && f != pl.slot
        {
            v.push(format!(
                "meeting {m} is fixed to slot {f} but is in slot {}",
                pl.slot
            ));
        }
        if meeting.forbidden_slots.contains(&pl.slot) {
            v.push(format!("meeting {m} is in its forbidden slot {}", pl.slot));
        }
        if meeting.only.is_some_and(|part| part != slot.part) {
            v.push(format!(
                "meeting {m} must be in the {:?} but slot {} is not",
                meeting.only, pl.slot
            ));
        }
        for &a in &meeting.after {
            if let Some(Some(pa)) = schedule.placements.get(a)
                && !problem.earlier(pa.slot, pl.slot)
            {
                v.push(format!(
                    "meeting {m} (slot {}) must come after meeting {a} (slot {})",
                    pl.slot, pa.slot
                ));
            }
        }
        for &p in &meeting.participants {
            let part = &problem.participants[p];
            if part.unavailable.contains(&pl.slot) {
                v.push(format!(
                    "participant {p} ({}) is unavailable in slot {} but has meeting {m}",
                    part.name, pl.slot
                ));
            }
            if part.only.is_some_and(|only| only != slot.part) {
                v.push(format!(
                    "participant {p} ({}) meets only in the {:?}, but meeting {m} is in slot {}",
                    part.name, part.only, pl.slot
                ));
            }
            busy[p].push((pl.slot, m));
        }
    }
    for (s, &count) in per_slot.iter().enumerate() {
        if count > problem.slots[s].tables {
            v.push(format!(
                "slot {s} holds {count} meetings but has {} tables",
                problem.slots[s].tables
            ));
        }
    }
    for (p, list) in busy.iter().enumerate() {
        for (i, &(sa, ma)) in list.iter().enumerate() {
            for &(sb, mb) in &list[i + 1..] {
                if sa == sb {
                    v.push(format!(
                        "participant {p} is in meetings {ma} and {mb} at once (slot {sa})"
                    ));
                } else if !slots_compatible(problem, sa, sb) {
                    v.push(format!(
                        "participant {p} cannot attend meeting {ma} (slot {sa}) and meeting {mb} (slot {sb}): they overlap or leave too little travel time"
                    ));
                }
            }
        }
    }
    let breaks = count_breaks(problem, schedule);
    if let Some(d) = problem.fairness {
        let min = breaks.iter().copied().min().unwrap_or(0);
        for (p, &b) in breaks.iter().enumerate() {
            if b - min > d {
                v.push(format!(
                    "participant {p} has {b} breaks, more than {d} above the minimum {min}"
                ));
            }
        }
    }
    Validation {
        violations: v,
        total_breaks: breaks.iter().sum(),
        breaks,
        placed: schedule.placed(),
    }
}

/// Own re-statement of the time rule, deliberately not calling
/// `Problem::compatible_slots` (which the solvers use): two slots are compatible
/// when they are on different days, or one ends, plus travel between their
/// venues, no later than the other starts.
fn slots_compatible(problem: &Problem, a: usize, b: usize) -> bool {
    let (x, y) = (&problem.slots[a], &problem.slots[b]);
    if x.day != y.day {
        return true;
    }
    let venue_of = |session: usize| problem.sessions.get(session).map_or(0, |s| s.venue);
    let (va, vb) = (venue_of(x.session), venue_of(y.session));
    let minutes = |from: usize, to: usize| {
        if from == to {
            0
        } else {
            problem
                .travel
                .get(from)
                .and_then(|r| r.get(to))
                .copied()
                .unwrap_or(0)
        }
    };
    let x_then_y = x.start + x.duration + minutes(va, vb) <= y.start;
    let y_then_x = y.start + y.duration + minutes(vb, va) <= x.start;
    x_then_y || y_then_x
}
