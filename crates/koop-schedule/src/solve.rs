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
/// Problems up to [`EXACT_SIZE`] meeting-slot pairs go to the exact SAT route
/// first. When it proves its answer (optimal, or infeasible) that is the
/// answer; the published cases all end here. When meetings are optional, that
/// route is first asked to place them all; if it proves that impossible, the
/// heuristic decides which to drop. Otherwise, and for larger problems from the
/// start, the large-neighbourhood search ([`crate::lns`]) improves the best
/// schedule so far part by part until the time is up, keeping the exact route's
/// lower bound.
pub fn solve(problem: &Problem, options: &SolveOptions) -> Outcome {
    let started = Instant::now();
    let deadline = started + options.time_limit;
    let size: usize = meeting_domains(problem).iter().map(Vec::len).sum();
    // A third of the budget for the exact route, so that the search has the
    // rest. The published cases take at most 13 s of 60 s to prove.
    let half = SolveOptions {
        time_limit: options.time_limit / EXACT_SHARE,
        ..*options
    };
    let mut out = if size > EXACT_SIZE {
        improve(problem, None, options, deadline)
    } else if problem.require_all {
        let exact = solve_exact(problem, &half, started);
        match exact.status {
            Status::Optimal | Status::Infeasible => exact,
            _ => improve(problem, Some(exact), options, deadline),
        }
    } else {
        let mut all = problem.clone();
        all.require_all = true;
        let exact = solve_exact(&all, &half, started);
        match exact.status {
            Status::Optimal => exact,
            Status::Feasible => improve(problem, Some(exact), options, deadline),
            _ => improve(problem, None, options, deadline),
        }
    };
    out.elapsed_ms = started.elapsed().as_millis() as u64;
    out
}

/// The largest problem (meeting-slot pairs) the exact route takes on.
pub const EXACT_SIZE: usize = 40_000;

/// The exact route gets this fraction (1 / n) of the time limit before the
/// search takes over.
const EXACT_SHARE: u32 = 3;

/// The share (1 / n) of what is left that the heuristic may spend on the first
/// schedule, before the search takes over; it stops sooner when it has placed
/// what it can.
const START_SHARE: u32 = 2;

/// Improves `from` (the exact route's schedule and bound, when it found one; else
/// the heuristic's) with the large-neighbourhood search until `deadline`.
fn improve(
    problem: &Problem,
    from: Option<Outcome>,
    options: &SolveOptions,
    deadline: Instant,
) -> Outcome {
    let lower_bound = from.as_ref().map_or(0, |o| o.lower_bound_breaks);
    let (start, method) = match from.and_then(|o| o.schedule) {
        Some(s) => (s.slots(), "sat-oll+lns"),
        None => {
            let left = deadline.saturating_duration_since(Instant::now());
            (
                start_schedule(problem, options, Instant::now() + left / START_SHARE),
                "greedy+lns",
            )
        }
    };
    let searched = crate::lns::search(
        problem,
        start,
        lower_bound,
        &RUNS,
        options.seed,
        deadline,
        options.cancel,
    );
    let mut out = finish(problem, searched.slots, lower_bound);
    out.method = format!(
        "{method} ({} steps, {} improved)",
        searched.steps, searched.improved
    );
    out
}

/// A first schedule that places as many meetings as the heuristic can, by
/// priority, with the fairness bound left to the search: held to it from the
/// start, the greedy leaves meetings out that the search could fit.
fn start_schedule(problem: &Problem, options: &SolveOptions, until: Instant) -> Vec<Option<usize>> {
    let mut loose = problem.clone();
    loose.fairness = None;
    let mut state = heuristic::State::new(&loose);
    heuristic::run(
        &loose,
        &mut state,
        options.seed,
        until,
        50,
        true,
        options.cancel,
    );
    state.slot_of.clone()
}

/// The outcome for a schedule the search ends with. A schedule still over the
/// fairness bound (the time ran out first) loses meetings of those over it,
/// one by one, until it holds, so that every schedule handed out is valid; the
/// status then says that not everything was placed.
fn finish(problem: &Problem, mut slots: Vec<Option<usize>>, lower_bound: u32) -> Outcome {
    let meetings_of = problem.meetings_of();
    while let Some(d) = problem.fairness {
        let breaks = count_breaks(problem, &Schedule::from_slots(&slots, problem.slots.len()));
        let min = breaks.iter().copied().min().unwrap_or(0);
        let Some(p) = (0..breaks.len()).find(|&p| breaks[p] > min + d) else {
            break;
        };
        // Its last meeting in time goes: that closes its latest gap.
        let Some(&m) = meetings_of[p]
            .iter()
            .filter(|&&m| slots[m].is_some())
            .max_by_key(|&&m| slots[m])
        else {
            break;
        };
        slots[m] = None;
    }
    let schedule = Schedule::from_slots(&slots, problem.slots.len());
    let breaks = count_breaks(problem, &schedule);
    let total: u32 = breaks.iter().sum();
    let placed = schedule.placed();
    let upper = crate::domain::placeable_upper_bound(problem);
    let lower = lower_bound.min(total);
    let status = if problem.require_all && placed < problem.meetings.len() {
        Status::Unknown
    } else if placed == upper && total == lower {
        Status::Optimal
    } else {
        Status::Feasible
    };
    Outcome {
        status,
        unplaced: explain_unplaced(problem, &slots),
        schedule: Some(schedule),
        breaks_per_participant: breaks,
        breaks: total,
        lower_bound_breaks: lower,
        placeable_upper_bound: upper,
        method: String::new(),
        elapsed_ms: 0,
    }
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
