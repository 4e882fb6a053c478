//! Two core-guided runs on two threads, with a winner that does not depend on
//! which thread happens to be faster.
//!
//! Each run has its own CaDiCaL instance, encoding variant and option preset
//! (see `solve.rs` for why two). A run works in *rounds*: it advances its OLL
//! optimiser until a solve uses up the round's conflict budget, which doubles
//! every round. Conflicts, not seconds, end a round, so a run's trajectory is
//! the same on every machine and under any load.
//!
//! Each run also counts its *work*: the conflicts of all its solves so far
//! (see [`super::Stop`]). The winner is the run that answers with the least
//! work; on a tie, the run listed first. When a run answers, every other run
//! may go on only until its own work exceeds the answer's: up to there it
//! could still win, beyond it it cannot. So the schedule does not depend on
//! thread speed, and a run that answers early does not wait for the other
//! run's round to end. A run that gets more than a few conflicts ahead of
//! another waits for it ([`super::Pace`]): it could not make the answer come
//! sooner. At the start of each solve, a run takes in the units and binary
//! clauses the other run learnt up to the same work, over the variables both
//! encodings share ([`super::Sat::solve_limited`]). Only the time limit and
//! the caller's cancel flag make the result depend on the clock.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Instant;

use super::encode::{Redundant, encode};
use super::oll::{Oll, Step};
use super::{Pace, Phase, Sat, StopWhen};
use crate::model::Problem;

/// Conflicts a run may use in its first round; the budget doubles every round.
const FIRST_BUDGET: i32 = 20_000;

/// One run of the portfolio.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    /// Which redundant clauses to add.
    pub redundant: Redundant,
    /// CaDiCaL option preset.
    pub config: &'static str,
    /// The value CaDiCaL tries first for every variable.
    pub phase: Phase,
    /// First look for any schedule (without the objective's assumptions): it gives
    /// a fallback schedule and the quickest proofs of infeasibility, but on some
    /// instances it sends the later search elsewhere.
    pub any_schedule_first: bool,
}

/// A run's answer.
#[derive(Debug)]
pub(crate) enum Answer {
    /// A schedule with as many breaks as the run's proven lower bound.
    Optimal(Vec<Option<usize>>),
    /// The hard rules cannot all hold.
    Infeasible,
}

/// What the portfolio found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The winning answer, if any run answered in time.
    pub answer: Option<Answer>,
    /// Some schedule that meets the hard rules (the first one any run found),
    /// kept in case no run proves optimality in time.
    pub fallback: Option<Vec<Option<usize>>>,
    /// The best proven lower bound on breaks.
    pub lower_bound: u32,
}

enum Report {
    /// A run found some schedule that meets the hard rules.
    Fallback(Vec<Option<usize>>),
    /// A run finished a round, or stopped; `work` is its conflicts so far.
    Round {
        run: usize,
        lb: u32,
        work: u64,
        end: RoundEnd,
    },
}

enum RoundEnd {
    Stalled,
    Answered(Answer),
    Stopped,
}

impl RoundEnd {
    fn name(&self) -> &'static str {
        match self {
            RoundEnd::Stalled => "stalled",
            RoundEnd::Answered(Answer::Optimal(_)) => "optimal",
            RoundEnd::Answered(Answer::Infeasible) => "infeasible",
            RoundEnd::Stopped => "stopped",
        }
    }
}

/// Runs `runs` in parallel on `problem` and returns the deterministic winner.
pub(crate) fn run_portfolio(
    problem: &Problem,
    runs: &[Run],
    deadline: Instant,
    cancel: Option<&AtomicBool>,
) -> Found {
    let halt = AtomicBool::new(false);
    // The least work any run has answered with: no run needs to go beyond it.
    let least_answer = AtomicU64::new(u64::MAX);
    let work: Vec<AtomicU64> = runs.iter().map(|_| AtomicU64::new(0)).collect();
    let done: Vec<AtomicBool> = runs.iter().map(|_| AtomicBool::new(false)).collect();
    let learnt: Vec<Mutex<Vec<(u64, Vec<i32>)>>> = runs.iter().map(|_| Mutex::default()).collect();
    let (tx, rx) = mpsc::channel::<Report>();
    std::thread::scope(|scope| {
        for (index, run) in runs.iter().enumerate() {
            let tx = tx.clone();
            let when = StopWhen {
                deadline,
                cancel,
                halt: Some(&halt),
                work_limit: Some(&least_answer),
                pace: Some(Pace {
                    me: index,
                    work: &work,
                    done: &done,
                    learnt: &learnt,
                }),
            };
            let finished = &done[index];
            scope.spawn(move || {
                run_one(problem, index, *run, when, &tx);
                // The other runs no longer wait for this one.
                finished.store(true, Ordering::Release);
            });
        }
        drop(tx);
        let mut judge = Judge::new(runs.len());
        for report in rx {
            if judge.take(report) {
                halt.store(true, Ordering::Relaxed);
            }
        }
        judge.found
    })
}

/// One thread: encode, find any schedule, then advance OLL, reporting after
/// each round. `when.work_limit` is the portfolio's least answer so far; this
/// run lowers it when it answers.
fn run_one(problem: &Problem, index: usize, run: Run, when: StopWhen, tx: &mpsc::Sender<Report>) {
    let started = Instant::now();
    let trace = |what: &str| {
        if std::env::var_os("KOOP_SCHEDULE_TRACE").is_some() {
            eprintln!(
                "run {index} {:>8.2}s {what}",
                started.elapsed().as_secs_f64()
            );
        }
    };
    let mut sat = Sat::new(run.config, run.phase, when);
    let enc = encode(problem, &mut sat, run.redundant);
    trace("encoded");
    let mut oll = Oll::new(&enc.cost);
    let mut budget = FIRST_BUDGET;
    // Optionally first any schedule at all (a fallback if the optimiser runs out of
    // time), then the optimiser. A round ends at the first solve that uses up the
    // round's budget, in either stage.
    let mut found_any = !run.any_schedule_first;
    loop {
        let end = if found_any {
            let step = loop {
                match oll.step(&mut sat, Some(budget)) {
                    Step::Core => trace(&format!("core, lb {}, work {}", oll.lb, sat.work())),
                    other => break other,
                }
            };
            match step {
                Step::Stalled => RoundEnd::Stalled,
                Step::Optimal => RoundEnd::Answered(Answer::Optimal(enc.decode(&sat))),
                Step::Infeasible => RoundEnd::Answered(Answer::Infeasible),
                Step::Stopped | Step::Core => RoundEnd::Stopped,
            }
        } else {
            match sat.solve_limited(&[], Some(budget)) {
                Some(true) => {
                    found_any = true;
                    trace("a schedule exists");
                    if tx.send(Report::Fallback(enc.decode(&sat))).is_err() {
                        return;
                    }
                    continue;
                }
                Some(false) => RoundEnd::Answered(Answer::Infeasible),
                None if sat.out_of_time() => RoundEnd::Stopped,
                None => RoundEnd::Stalled,
            }
        };
        let work = sat.work();
        trace(&format!(
            "round of {budget} conflicts: {}, work {work}",
            end.name()
        ));
        if let (RoundEnd::Answered(_), Some(least)) = (&end, when.work_limit) {
            least.fetch_min(work, Ordering::Relaxed);
        }
        let more = matches!(end, RoundEnd::Stalled);
        let report = Report::Round {
            run: index,
            lb: oll.lb,
            work,
            end,
        };
        if tx.send(report).is_err() || !more {
            return;
        }
        budget = budget.saturating_mul(2);
    }
}

/// Collects the reports and decides the winner.
struct Judge {
    /// Work each run has done without answering.
    passed: Vec<u64>,
    /// The work with which a run answered, and the answer.
    answered: Vec<Option<(u64, Answer)>>,
    /// Runs that stopped without answering: beyond the least answer's work,
    /// or by the deadline or cancel flag.
    stopped: Vec<bool>,
    decided: bool,
    found: Found,
}

impl Judge {
    fn new(runs: usize) -> Self {
        Judge {
            passed: vec![0; runs],
            answered: (0..runs).map(|_| None).collect(),
            stopped: vec![false; runs],
            decided: false,
            found: Found::default(),
        }
    }

    /// Records one report; true when every run should stop now.
    fn take(&mut self, report: Report) -> bool {
        if self.decided {
            return true;
        }
        match report {
            // The first schedule found is kept; later ones add nothing.
            Report::Fallback(model) => {
                self.found.fallback.get_or_insert(model);
            }
            // A proof of infeasibility ends the search at once: no run can find a
            // schedule, so which run proved it does not change the result.
            Report::Round {
                end: RoundEnd::Answered(Answer::Infeasible),
                ..
            } => {
                self.found.answer = Some(Answer::Infeasible);
                self.decided = true;
                return true;
            }
            Report::Round { run, lb, work, end } => {
                self.found.lower_bound = self.found.lower_bound.max(lb);
                match end {
                    RoundEnd::Stalled => self.passed[run] = work,
                    RoundEnd::Answered(answer) => self.answered[run] = Some((work, answer)),
                    RoundEnd::Stopped => {
                        self.passed[run] = work;
                        self.stopped[run] = true;
                    }
                }
            }
        }
        self.decide()
    }

    /// The answer with the least work (then the earlier run) wins once no
    /// other run can still answer with less.
    fn decide(&mut self) -> bool {
        let best = (0..self.answered.len())
            .filter_map(|run| self.answered[run].as_ref().map(|a| (a.0, run)))
            .min();
        let Some(key @ (_, winner)) = best else {
            return false;
        };
        let settled = (0..self.answered.len()).all(|run| {
            run == winner
                || self.answered[run].is_some()
                || self.stopped[run]
                || (self.passed[run], run) > key
        });
        if settled && let Some((_, answer)) = self.answered[winner].take() {
            self.found.answer = Some(answer);
            self.decided = true;
        }
        settled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(run: usize, work: u64, end: RoundEnd) -> Report {
        Report::Round {
            run,
            lb: 1,
            work,
            end,
        }
    }

    fn optimal(slot: usize) -> RoundEnd {
        RoundEnd::Answered(Answer::Optimal(vec![Some(slot)]))
    }

    /// Feeds reports in order and returns the winning slot and when it was decided.
    fn judge(reports: Vec<Report>) -> (Option<usize>, Option<usize>) {
        let mut j = Judge::new(2);
        let mut decided_at = None;
        for (i, r) in reports.into_iter().enumerate() {
            if j.take(r) && decided_at.is_none() {
                decided_at = Some(i);
            }
        }
        let slot = match j.found.answer {
            Some(Answer::Optimal(s)) => s[0],
            _ => None,
        };
        (slot, decided_at)
    }

    #[test]
    fn the_least_work_wins_whichever_thread_reports_first() {
        // Run 1 answers after 30 conflicts; run 0 after 50. Either order of arrival
        // gives run 1's schedule.
        let slow_first = vec![
            round(0, 20, RoundEnd::Stalled),
            round(0, 50, optimal(0)),
            round(1, 30, optimal(1)),
        ];
        let fast_first = vec![
            round(1, 30, optimal(1)),
            round(0, 20, RoundEnd::Stalled),
            // Run 0 was stopped once beyond 30 conflicts.
            round(0, 31, RoundEnd::Stopped),
        ];
        assert_eq!(judge(slow_first), (Some(1), Some(2)));
        assert_eq!(judge(fast_first), (Some(1), Some(2)));
    }

    #[test]
    fn a_tie_goes_to_the_first_run_and_infeasibility_ends_at_once() {
        let tie = vec![round(1, 30, optimal(1)), round(0, 30, optimal(0))];
        assert_eq!(judge(tie), (Some(0), Some(1)));
        // Run 0 having done exactly 30 conflicts could still tie, and win.
        let not_yet = vec![round(1, 30, optimal(1)), round(0, 30, RoundEnd::Stalled)];
        assert_eq!(judge(not_yet), (None, None));
        // Run 1 having done 30 conflicts cannot beat run 0's answer after 30.
        let settled = vec![round(0, 30, optimal(0)), round(1, 30, RoundEnd::Stalled)];
        assert_eq!(judge(settled), (Some(0), Some(1)));
        let mut j = Judge::new(2);
        assert!(j.take(round(1, 5, RoundEnd::Answered(Answer::Infeasible))));
        assert!(matches!(j.found.answer, Some(Answer::Infeasible)));
    }

    #[test]
    fn a_stopped_run_cannot_hold_up_the_answer() {
        let reports = vec![round(1, 30, optimal(1)), round(0, 10, RoundEnd::Stopped)];
        assert_eq!(judge(reports), (Some(1), Some(1)));
    }
}
