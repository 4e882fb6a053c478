//! The entry point: [`solve`] picks a method, runs it within the time limit and
//! reports an honest status.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::model::{Problem, Schedule};
use crate::sat::{Sat, encode::encode, oll};
use crate::unplaced::{Unplaced, explain_unplaced};
use crate::validate::count_breaks;

/// How a solve ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The schedule is proven best: the break lower bound equals its breaks.
    Optimal,
    /// A valid schedule, not proven best.
    Feasible,
    /// Proven: no schedule satisfies the hard rules.
    Infeasible,
    /// Stopped before any schedule was found or disproved.
    Unknown,
}

/// Inputs that are not part of the problem: budget, seed, cancellation.
#[derive(Clone, Copy, Debug)]
pub struct SolveOptions<'a> {
    /// Wall-clock budget.
    pub time_limit: Duration,
    /// Seed for any randomised choice. The same seed gives the same result.
    pub seed: u64,
    /// Raised by the caller to stop early; the best result so far is returned.
    pub cancel: Option<&'a AtomicBool>,
}

impl Default for SolveOptions<'_> {
    fn default() -> Self {
        SolveOptions {
            time_limit: Duration::from_secs(60),
            seed: 0,
            cancel: None,
        }
    }
}

/// The answer to a problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// How the solve ended.
    pub status: Status,
    /// The schedule, when one was found.
    pub schedule: Option<Schedule>,
    /// Meetings not placed, each with a reason.
    pub unplaced: Vec<Unplaced>,
    /// Breaks per participant in the schedule.
    pub breaks_per_participant: Vec<u32>,
    /// Total breaks in the schedule.
    pub breaks: u32,
    /// Proven lower bound on the total breaks of any valid schedule (that
    /// places the same meetings).
    pub lower_bound_breaks: u32,
    /// Upper bound on how many meetings any schedule can place.
    pub placeable_upper_bound: usize,
    /// Which method produced the schedule.
    pub method: String,
    /// Wall-clock milliseconds spent.
    pub elapsed_ms: u64,
}

/// Solves `problem` within `options.time_limit`.
pub fn solve(problem: &Problem, options: &SolveOptions) -> Outcome {
    let started = Instant::now();
    let mut out = solve_exact(problem, options, started);
    out.elapsed_ms = started.elapsed().as_millis() as u64;
    out
}

/// The SAT route: first any schedule that meets every hard rule (an upper
/// bound, kept if the optimiser runs out of time), then OLL on the breaks.
fn solve_exact(problem: &Problem, options: &SolveOptions, started: Instant) -> Outcome {
    let deadline = started + options.time_limit;
    let mut sat = Sat::new(deadline, options.cancel);
    let enc = encode(problem, &mut sat);
    let mut outcome = Outcome {
        status: Status::Unknown,
        schedule: None,
        unplaced: Vec::new(),
        breaks_per_participant: Vec::new(),
        breaks: 0,
        lower_bound_breaks: 0,
        placeable_upper_bound: problem.meetings.len(),
        method: "sat-oll".into(),
        elapsed_ms: 0,
    };
    match sat.solve(&[]) {
        None => return outcome,
        Some(false) => {
            outcome.status = Status::Infeasible;
            outcome.unplaced = explain_unplaced(problem, &vec![None; problem.meetings.len()]);
            return outcome;
        }
        Some(true) => {}
    }
    let first = enc.decode(&sat);
    let (end, lb) = oll::minimise(&mut sat, &enc.cost);
    let slots = if end == oll::OllEnd::Optimal {
        enc.decode(&sat)
    } else {
        first
    };
    let schedule = Schedule::from_slots(&slots, problem.slots.len());
    let breaks = count_breaks(problem, &schedule);
    outcome.breaks = breaks.iter().sum();
    outcome.breaks_per_participant = breaks;
    outcome.lower_bound_breaks = lb.min(outcome.breaks);
    outcome.unplaced = explain_unplaced(problem, &slots);
    outcome.schedule = Some(schedule);
    outcome.status = match end {
        // OLL's first model has cost equal to the bound; checking it against
        // the validator's own count guards against an encoding bug.
        oll::OllEnd::Optimal if lb == outcome.breaks => Status::Optimal,
        oll::OllEnd::Infeasible => Status::Infeasible,
        _ => Status::Feasible,
    };
    outcome
}
