//! Which slots each meeting may use, from the unary rules alone: availability,
//! fixed and forbidden slots, morning/afternoon restrictions. The solvers start
//! from these domains; pairwise rules (double booking, tables, precedence,
//! travel) are theirs to enforce.

use crate::model::Problem;

/// For each meeting, the slots it may use, in increasing order.
pub fn meeting_domains(problem: &Problem) -> Vec<Vec<usize>> {
    problem
        .meetings
        .iter()
        .map(|m| {
            (0..problem.slots.len())
                .filter(|&s| {
                    let slot = &problem.slots[s];
                    m.fixed_slot.is_none_or(|f| f == s)
                        && !m.forbidden_slots.contains(&s)
                        && m.only.is_none_or(|part| part == slot.part)
                        && slot.tables > 0
                        && m.participants.iter().all(|&p| {
                            let part = &problem.participants[p];
                            !part.unavailable.contains(&s)
                                && part.only.is_none_or(|only| only == slot.part)
                        })
                })
                .collect()
        })
        .collect()
}

/// For each slot, the index of the first slot that starts at the same time:
/// the slots strictly earlier than `s` are exactly `0..first_same_time[s]`
/// (slots are sorted by day and start).
pub fn first_same_time(problem: &Problem) -> Vec<usize> {
    let mut out = Vec::with_capacity(problem.slots.len());
    for (s, slot) in problem.slots.iter().enumerate() {
        let first = if s > 0 {
            let prev = &problem.slots[s - 1];
            if (prev.day, prev.start) == (slot.day, slot.start) {
                out[s - 1]
            } else {
                s
            }
        } else {
            0
        };
        out.push(first);
    }
    out
}

/// Whether participant `p` can never have a break in any schedule: one meeting
/// or none. Such a participant makes the fairness minimum 0.
pub fn never_breaks(meetings_of_p: &[usize]) -> bool {
    meetings_of_p.len() <= 1
}
