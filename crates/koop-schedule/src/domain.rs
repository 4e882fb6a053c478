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

/// An upper bound on how many meetings any schedule can place: meetings with
/// an empty domain never fit; no more than the tables of all slots; and a
/// participant with more meetings than usable slots loses the excess, where
/// one unplaced meeting removes at most (its size) units of excess.
pub fn placeable_upper_bound(problem: &Problem) -> usize {
    let domains = meeting_domains(problem);
    let with_domain = domains.iter().filter(|d| !d.is_empty()).count();
    let tables: usize = problem.slots.iter().map(|s| s.tables as usize).sum();
    let mut excess = 0usize;
    for meetings in problem.meetings_of() {
        let live: Vec<usize> = meetings
            .into_iter()
            .filter(|&m| !domains[m].is_empty())
            .collect();
        let mut usable = vec![false; problem.slots.len()];
        for &m in &live {
            for &s in &domains[m] {
                usable[s] = true;
            }
        }
        let usable = usable.iter().filter(|&&u| u).count();
        excess += live.len().saturating_sub(usable);
    }
    let group = problem
        .meetings
        .iter()
        .map(|m| m.participants.len())
        .max()
        .unwrap_or(2)
        .max(1);
    with_domain
        .saturating_sub(excess.div_ceil(group))
        .min(tables)
}
