//! Why a meeting is not in the schedule, in words an organiser can act on.

use serde::{Deserialize, Serialize};

use crate::domain::meeting_domains;
use crate::model::Problem;

/// A meeting that is not placed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    /// Meeting index.
    pub meeting: usize,
    /// The cause as a stable code, for interfaces to put into their own words.
    pub code: UnplacedCode,
    /// The cause in an English sentence (for the command line and logs).
    pub reason: String,
}

/// Why a meeting found no place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnplacedCode {
    /// Its fixed slot is forbidden or outside a participant's availability.
    FixedSlotUnavailable,
    /// No slot is free for all of its participants.
    NoCommonSlot,
    /// Every table in its participants' common free slots is taken.
    TablesFull,
    /// Its participants' common free slots are all full.
    SlotsFull,
    /// No schedule places every meeting under the hard rules (proven).
    Infeasible,
    /// Placing it would break a precedence or the fairness bound, or displace a
    /// meeting of higher priority.
    RulesOrPriority,
}

/// Explains every meeting whose slot is `None` in `slots`.
pub fn explain_unplaced(problem: &Problem, slots: &[Option<usize>]) -> Vec<Unplaced> {
    let domains = meeting_domains(problem);
    let mut per_slot = vec![0u32; problem.slots.len()];
    let mut busy = vec![vec![false; problem.slots.len()]; problem.participants.len()];
    for (m, s) in slots.iter().enumerate() {
        if let Some(s) = *s {
            per_slot[s] += 1;
            for &p in &problem.meetings[m].participants {
                busy[p][s] = true;
            }
        }
    }
    let mut out = Vec::new();
    for (m, s) in slots.iter().enumerate() {
        if s.is_some() {
            continue;
        }
        let meeting = &problem.meetings[m];
        let (code, reason) = if domains[m].is_empty() {
            match meeting.fixed_slot {
                Some(f) => (
                    UnplacedCode::FixedSlotUnavailable,
                    format!(
                        "its fixed slot {f} is forbidden or outside a participant's availability"
                    ),
                ),
                None => (
                    UnplacedCode::NoCommonSlot,
                    "no slot is free for all of its participants".to_string(),
                ),
            }
        } else {
            let full_tables = domains[m]
                .iter()
                .all(|&s| per_slot[s] >= problem.slots[s].tables);
            let all_blocked = domains[m].iter().all(|&s| {
                per_slot[s] >= problem.slots[s].tables
                    || meeting.participants.iter().any(|&p| {
                        (0..problem.slots.len())
                            .any(|o| busy[p][o] && (o == s || !problem.compatible_slots(o, s)))
                    })
            });
            if full_tables {
                (
                    UnplacedCode::TablesFull,
                    "every table in its participants' common free slots is taken".to_string(),
                )
            } else if all_blocked {
                (
                    UnplacedCode::SlotsFull,
                    "its participants' common free slots are all full (a participant has another meeting or no table is left)".to_string(),
                )
            } else if problem.require_all {
                (
                    UnplacedCode::Infeasible,
                    "no schedule places every meeting under the hard rules (proven infeasible)"
                        .to_string(),
                )
            } else {
                (
                    UnplacedCode::RulesOrPriority,
                    "placing it would break a precedence or the fairness bound, or displace a meeting of higher priority".to_string(),
                )
            }
        };
        out.push(Unplaced {
            meeting: m,
            code,
            reason,
        });
    }
    out
}
