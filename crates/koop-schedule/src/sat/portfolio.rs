//! Two core-guided runs on two threads, with a winner that does not depend on
//! which thread happens to be faster.
//!
//! Each run has its own CaDiCaL instance, encoding variant and option preset
//! (see `solve.rs` for why two). A run works in *rounds*: it advances its OLL
//! optimiser until a solve uses up the round's conflict budget, which doubles
//! every round. Conflicts, not seconds, end a round, so the round in which a
//! run reaches its answer is the same on every machine and under any load.
//!
//! The winner is the run that answers in the earliest round; on a tie, the
//! run listed first. The portfolio stops a run as soon as it can no longer
//! win: when another run has answered and this one has finished every round
//! that would have beaten it. Only the time limit and the caller's cancel
//! flag make the result depend on the clock.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use super::Sat;
use super::encode::encode;
use super::oll::{Oll, Step};
use crate::model::Problem;

/// Conflicts a run may use in its first round; the budget doubles every round.
const FIRST_BUDGET: i32 = 20_000;

/// One run of the portfolio.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    /// Add the redundant "busy cap" constraint (see `encode`).
    pub busy_cap: bool,
    /// CaDiCaL option preset.
    pub config: &'static str,
    /// First look for any schedule (without the objective's assumptions): it gives
    /// a fallback schedule and the quickest proofs of infeasibility, but on some
    /// instances it sends the later search elsewhere.
    pub any_schedule_first: bool,
}

/// A run's answer, in the round it was reached.
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
    /// A run finished a round.
    Round { run: usize, lb: u32, end: RoundEnd },
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
    let (tx, rx) = mpsc::channel::<Report>();
    std::thread::scope(|scope| {
        for (index, run) in runs.iter().enumerate() {
            let tx = tx.clone();
            let halt = &halt;
            scope.spawn(move || run_one(problem, index, *run, deadline, cancel, halt, &tx));
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
/// each round.
fn run_one(
    problem: &Problem,
    index: usize,
    run: Run,
    deadline: Instant,
    cancel: Option<&AtomicBool>,
    halt: &AtomicBool,
    tx: &mpsc::Sender<Report>,
) {
    let started = Instant::now();
    let trace = |what: &str| {
        if std::env::var_os("KOOP_SCHEDULE_TRACE").is_some() {
            eprintln!(
                "run {index} {:>8.2}s {what}",
                started.elapsed().as_secs_f64()
            );
        }
    };
    let mut sat = Sat::new(deadline, cancel, Some(halt), run.config);
    let enc = encode(problem, &mut sat, run.busy_cap);
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
                    Step::Core => trace(&format!("core, lb {}", oll.lb)),
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
        trace(&format!("round of {budget} conflicts: {}", end.name()));
        let more = matches!(end, RoundEnd::Stalled);
        let report = Report::Round {
            run: index,
            lb: oll.lb,
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
    /// Rounds each run has finished without an answer.
    stalled_rounds: Vec<u32>,
    /// The round in which a run answered, with the answer.
    answered: Vec<Option<(u32, Answer)>>,
    /// Runs that stopped (deadline, cancel, halt) without answering.
    stopped: Vec<bool>,
    decided: bool,
    found: Found,
}

impl Judge {
    fn new(runs: usize) -> Self {
        Judge {
            stalled_rounds: vec![0; runs],
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
            Report::Round { run, lb, end } => {
                self.found.lower_bound = self.found.lower_bound.max(lb);
                match end {
                    RoundEnd::Stalled => self.stalled_rounds[run] += 1,
                    RoundEnd::Answered(answer) => {
                        self.answered[run] = Some((self.stalled_rounds[run], answer));
                    }
                    RoundEnd::Stopped => self.stopped[run] = true,
                }
            }
        }
        self.decide()
    }

    /// The earliest answer (round, then run order) wins once no other run
    /// can still answer in an earlier position.
    fn decide(&mut self) -> bool {
        let best = (0..self.answered.len())
            .filter_map(|run| self.answered[run].as_ref().map(|a| ((a.0, run), run)))
            .min();
        let Some((key, winner)) = best else {
            return false;
        };
        let settled = (0..self.answered.len()).all(|run| {
            run == winner
                || self.answered[run].is_some()
                || self.stopped[run]
                || (self.stalled_rounds[run], run) > key
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

    fn round(run: usize, end: RoundEnd) -> Report {
        Report::Round { run, lb: 1, end }
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
    fn the_earliest_round_wins_whichever_thread_reports_first() {
        // Run 1 answers in round 1; run 0 answers in round 2. Either order of arrival
        // gives run 1's schedule.
        let fast_second = vec![
            round(0, RoundEnd::Stalled),
            round(0, RoundEnd::Stalled),
            round(0, optimal(0)),
            round(1, RoundEnd::Stalled),
            round(1, optimal(1)),
        ];
        let fast_first = vec![
            round(1, RoundEnd::Stalled),
            round(1, optimal(1)),
            round(0, RoundEnd::Stalled),
            round(0, RoundEnd::Stalled),
        ];
        assert_eq!(judge(fast_second).0, Some(1));
        // Run 1's answer in round 1 is settled once run 0 has stalled in rounds 0 and 1.
        assert_eq!(judge(fast_first), (Some(1), Some(3)));
    }

    #[test]
    fn a_tie_goes_to_the_first_run_and_infeasibility_ends_at_once() {
        let tie = vec![round(1, optimal(1)), round(0, optimal(0))];
        assert_eq!(judge(tie), (Some(0), Some(1)));
        // Run 0 answering in round 0 needs nobody else.
        assert_eq!(judge(vec![round(0, optimal(0))]), (Some(0), Some(0)));
        let mut j = Judge::new(2);
        assert!(j.take(round(1, RoundEnd::Answered(Answer::Infeasible))));
        assert!(matches!(j.found.answer, Some(Answer::Infeasible)));
    }

    #[test]
    fn a_stopped_run_cannot_hold_up_the_answer() {
        let reports = vec![round(1, optimal(1)), round(0, RoundEnd::Stopped)];
        assert_eq!(judge(reports), (Some(1), Some(1)));
    }
}
