//! The heuristic route for problems too large for the SAT model, or where not
//! every meeting fits: a greedy construction by priority, a repair step that
//! moves one blocking meeting to make room, and a local search that moves
//! meetings to slots that close idle gaps. It proves nothing about breaks
//! (its lower bound is 0), so its status is `feasible` unless everything is
//! placed without a single break.
//!
//! The same machinery reschedules: published meetings are pre-placed where
//! they were, and only moved when a new meeting cannot be placed otherwise
//! (see [`crate::reschedule`]).

mod state;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

pub(crate) use state::State;

use crate::model::Problem;

/// A small, fast, seedable generator (SplitMix64), so results depend only on
/// the seed and not on a crate's version.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Ruin-and-recreate tries per meeting after the local search (at most
/// `MAX_RUIN_ROUNDS` in all); bounded so that a small problem does not spin
/// until its time limit, and so that the result depends only on the seed
/// when the time limit does not cut it.
const RUIN_ROUNDS_PER_MEETING: usize = 4;
const MAX_RUIN_ROUNDS: usize = 60_000;

/// Places meetings greedily, then repairs and improves until `deadline`; with
/// `ruin`, spends what is left on ruin-and-recreate (the search of
/// [`crate::lns`] does better with that time, so its start goes without).
/// Meetings already placed in `state` stay (rescheduling pre-places the
/// published ones and pins them); `state` may start empty.
pub(crate) fn run(
    problem: &Problem,
    state: &mut State,
    seed: u64,
    deadline: Instant,
    max_passes: usize,
    ruin: bool,
    cancel: Option<&AtomicBool>,
) {
    let stop = || Instant::now() >= deadline || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let mut rng = Rng::new(seed);
    // Order: priority first, then the most constrained meetings (fewest
    // slots, busiest participants), with a seeded tie-break.
    let mut order: Vec<usize> = (0..problem.meetings.len())
        .filter(|&m| state.slot_of[m].is_none())
        .collect();
    let key: Vec<(u32, usize, usize, u64)> = (0..problem.meetings.len())
        .map(|m| {
            let busiest = problem.meetings[m]
                .participants
                .iter()
                .map(|&p| state.meetings_of[p].len())
                .max()
                .unwrap_or(0);
            (
                problem.meetings[m].priority,
                state.domains[m].len(),
                busiest,
                rng.next(),
            )
        })
        .collect();
    order.sort_by(|&a, &b| {
        let (ka, kb) = (key[a], key[b]);
        kb.0.cmp(&ka.0)
            .then(ka.1.cmp(&kb.1))
            .then(kb.2.cmp(&ka.2))
            .then(ka.3.cmp(&kb.3))
    });
    for &m in &order {
        if let Some(t) = state.best_slot(m, None) {
            state.place(m, t);
        }
    }
    for pass in 0..max_passes {
        if stop() {
            break;
        }
        let repaired = state.repair_unplaced(&order, deadline);
        let improved = state.improve_breaks(&mut rng, deadline);
        if !repaired && !improved && pass > 0 {
            break;
        }
    }
    if !ruin {
        return;
    }
    // Spend what is left of the budget on ruin-and-recreate around
    // participants with breaks.
    let rounds = (problem.meetings.len() * RUIN_ROUNDS_PER_MEETING).min(MAX_RUIN_ROUNDS);
    for round in 0..rounds {
        if round % 64 == 0 && stop() {
            break;
        }
        state.ruin_and_recreate(&mut rng);
    }
}

/// Builds the outcome for a heuristic schedule. Breaks get no proof (lower
/// bound 0), so the status is `optimal` only for a schedule that places the
/// upper bound of meetings with no break at all.
pub(crate) fn outcome(problem: &Problem, state: &State, method: &str) -> crate::solve::Outcome {
    use crate::model::Schedule;
    use crate::solve::Status;
    let slots = state.slot_of.clone();
    let schedule = Schedule::from_slots(&slots, problem.slots.len());
    let breaks = crate::validate::count_breaks(problem, &schedule);
    let total: u32 = breaks.iter().sum();
    let placed = schedule.placed();
    let upper = crate::domain::placeable_upper_bound(problem);
    let status = if placed == upper && total == 0 {
        Status::Optimal
    } else if problem.require_all && placed < problem.meetings.len() {
        // Not all placed, but nothing proves that impossible.
        Status::Unknown
    } else {
        Status::Feasible
    };
    crate::solve::Outcome {
        status,
        unplaced: crate::unplaced::explain_unplaced(problem, &slots),
        schedule: Some(schedule),
        breaks_per_participant: breaks,
        breaks: total,
        lower_bound_breaks: 0,
        placeable_upper_bound: upper,
        method: method.into(),
        elapsed_ms: 0,
    }
}
