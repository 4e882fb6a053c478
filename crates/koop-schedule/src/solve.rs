//! The entry point: [`solve`] picks a method, runs it within the time limit and
//! reports an honest status.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::domain::meeting_domains;
use crate::heuristic;
use crate::model::{Problem, Schedule};
use crate::sat::Phase;
use crate::sat::encode::Redundant;
use crate::sat::portfolio::{Answer, Run, run_portfolio};
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
///
/// Small problems (up to [`EXACT_SIZE`] meeting-slot pairs) go to the exact
/// SAT route. When meetings are optional, that route is first asked to place
/// them all; if it proves that impossible, the heuristic decides which to
/// drop. Larger problems go to the heuristic directly.
pub fn solve(problem: &Problem, options: &SolveOptions) -> Outcome {
    let started = Instant::now();
    let deadline = started + options.time_limit;
    let size: usize = meeting_domains(problem).iter().map(Vec::len).sum();
    let mut out = if size <= EXACT_SIZE {
        if problem.require_all {
            solve_exact(problem, options, started)
        } else {
            let mut all = problem.clone();
            all.require_all = true;
            // Half the budget to try placing everything; the heuristic keeps
            // the rest if that is impossible or too slow.
            let half = SolveOptions {
                time_limit: options.time_limit / 2,
                ..*options
            };
            let exact = solve_exact(&all, &half, started);
            match exact.status {
                Status::Optimal | Status::Feasible => exact,
                _ => run_heuristic(problem, options, deadline),
            }
        }
    } else {
        run_heuristic(problem, options, deadline)
    };
    out.elapsed_ms = started.elapsed().as_millis() as u64;
    out
}

/// The largest problem (meeting-slot pairs) the exact route takes on.
pub const EXACT_SIZE: usize = 40_000;

fn run_heuristic(problem: &Problem, options: &SolveOptions, deadline: Instant) -> Outcome {
    let mut state = heuristic::State::new(problem);
    heuristic::run(
        problem,
        &mut state,
        options.seed,
        deadline,
        50,
        options.cancel,
    );
    heuristic::outcome(problem, &state, "greedy+local-search")
}

/// The two runs of the exact route, in order of preference on a tie (see
/// [`solve_exact`]). The order and the stages were chosen by measurement
/// (docs/algorithms/scheduler.md).
const RUNS: [Run; 2] = [
    // Without the cap, with CaDiCaL's preset for satisfiable formulas, after a
    // plain search for any schedule (the fallback if time runs out). It wins
    // ties (equal conflicts). The partner-block clauses speed up its proofs; in
    // the other run they slowed the final, satisfiable call of the hardest
    // instances (measured, docs/algorithms/scheduler.md).
    Run {
        redundant: Redundant {
            busy_cap: false,
            partner_blocks: true,
        },
        config: "sat",
        phase: Phase::True,
        any_schedule_first: true,
    },
    // With the busy cap, straight to the optimiser: proves lower bounds much
    // sooner on some instances, and reaches the final schedule of the hardest
    // ones first. An empty core proves infeasibility here too. Trying "false"
    // first (no meeting, no break) finds the last, zero- or few-break schedule
    // of the `14` instances 2-4x sooner. The `sat` preset does more conflicts
    // per second here and, since pacing, took all 200 published cases 6 %
    // faster than the default options (measured, docs/algorithms/scheduler.md).
    Run {
        redundant: Redundant {
            busy_cap: true,
            partner_blocks: false,
        },
        config: "sat",
        phase: Phase::False,
        any_schedule_first: false,
    },
];

/// The SAT route.
///
/// 1. Any schedule that meets every hard rule: an upper bound, kept if the
///    optimiser runs out of time. UNSAT here means infeasible.
/// 2. Core-guided minimisation (OLL) of the breaks, run on two solvers whose
///    encodings differ only in redundant constraints: at most twice as many
///    busy participants as tables per slot in one, partners' no-break blocks
///    meet in the other. The first makes some lower bounds provable in a second
///    instead of never, but on other instances it slows the final, satisfiable
///    call (the run without it uses CaDiCaL's `sat` preset). Neither wins everywhere, so both run, on two threads
///    [`crate::sat::portfolio`]. The winner is decided by conflict budgets,
///    not by which thread is faster, so the result does not depend on machine
///    load. Either run's bound is valid; the winner's model is optimal.
fn solve_exact(problem: &Problem, options: &SolveOptions, started: Instant) -> Outcome {
    let deadline = started + options.time_limit;
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
    let found = run_portfolio(problem, &RUNS, deadline, options.cancel);
    let (slots, proven) = match found.answer {
        Some(Answer::Infeasible) => {
            outcome.status = Status::Infeasible;
            outcome.unplaced = explain_unplaced(problem, &vec![None; problem.meetings.len()]);
            return outcome;
        }
        Some(Answer::Optimal(slots)) => (slots, true),
        None => match found.fallback {
            Some(slots) => (slots, false),
            None => return outcome,
        },
    };
    let schedule = Schedule::from_slots(&slots, problem.slots.len());
    let breaks = count_breaks(problem, &schedule);
    outcome.breaks = breaks.iter().sum();
    outcome.breaks_per_participant = breaks;
    outcome.lower_bound_breaks = found.lower_bound.min(outcome.breaks);
    outcome.unplaced = explain_unplaced(problem, &slots);
    outcome.schedule = Some(schedule);
    // OLL's model has cost equal to its bound; checking that against the
    // validator's own count guards against an encoding bug.
    outcome.status = if proven && found.lower_bound == outcome.breaks {
        Status::Optimal
    } else {
        Status::Feasible
    };
    outcome
}
