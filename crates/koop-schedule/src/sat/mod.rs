//! The exact solver: a SAT encoding of the problem, solved with CaDiCaL, and a
//! core-guided optimiser on top.
//!
//! - [`Sat`] wraps the solver: fresh variables, clauses, solving under
//!   assumptions with a deadline and a cancel flag.
//! - [`card`] holds the cardinality encodings (at-most-one, totalizer).
//! - [`encode`] turns a [`crate::Problem`] into clauses.
//! - [`oll`] minimises the number of breaks (the OLL core-guided algorithm).

pub(crate) mod card;
pub(crate) mod encode;
pub(crate) mod oll;
pub(crate) mod portfolio;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When a solver gives up.
#[derive(Clone, Copy)]
pub(crate) struct StopWhen<'a> {
    /// Wall-clock deadline.
    pub deadline: Instant,
    /// The caller's cancel flag.
    pub cancel: Option<&'a AtomicBool>,
    /// The portfolio's "the result is decided".
    pub halt: Option<&'a AtomicBool>,
    /// Stop once this solver's work exceeds this value.
    pub work_limit: Option<&'a AtomicU64>,
    /// Keep pace with the other runs of a portfolio.
    pub pace: Option<Pace<'a>>,
}

/// Conflicts a run may be ahead of a slower run before it waits.
const PACE_SLACK: u64 = 1_000;

/// Keeps the runs of a portfolio within [`PACE_SLACK`] conflicts of each other.
///
/// The portfolio's answer is final only once every other run has passed the
/// winner's work (see `portfolio.rs`), so the time to the answer is set by the
/// run that is slower per conflict. A run that is further ahead in conflicts
/// gains nothing; it burns a core that the server may need for other work and
/// competes with the slower run for cache and memory. So a run that is ahead
/// waits: on the slow benchmark cases this saves 10-20 % of the CPU time at the
/// same wall time (docs/algorithms/scheduler.md). Waiting changes when a run
/// works, never what it does, so the answer stays the same.
#[derive(Clone, Copy)]
pub(crate) struct Pace<'a> {
    /// This run's index.
    pub me: usize,
    /// Every run's work so far.
    pub work: &'a [AtomicU64],
    /// Every run's "finished": a finished run is not waited for.
    pub done: &'a [AtomicBool],
    /// Every run's short learnt clauses over the variables all runs share,
    /// in our literals, each with the run's work when it was learnt. Such a
    /// clause follows from the hard rules alone (each run's own clauses are
    /// implied by them or only define new variables), so it is valid in every
    /// run; taking them in measured −6.5 % on the slow benchmark cases.
    pub learnt: &'a [Mutex<Vec<(u64, Vec<i32>)>>],
}

/// Longest learnt clause handed to the other runs: units and binary clauses
/// are cheap to take in and prune the most; ternary ones measured slower.
const SHARE_LEN: usize = 2;

impl Pace<'_> {
    fn ahead(&self, work: u64) -> bool {
        (0..self.work.len()).any(|run| {
            run != self.me
                && !self.done[run].load(Ordering::Relaxed)
                && work > self.work[run].load(Ordering::Relaxed) + PACE_SLACK
        })
    }
}

/// CaDiCaL's callbacks: stop as [`StopWhen`] says, and count work. CaDiCaL
/// polls `terminate` regularly during search.
///
/// Work is counted in conflicts: CaDiCaL hands every clause it learns from a
/// conflict to `learn`. Unlike seconds, that count is the same on every
/// machine and under any load, which is what lets the portfolio compare two
/// runs deterministically.
pub(crate) struct Stop<'a> {
    when: StopWhen<'a>,
    work: u64,
    /// Variables 1..=shared are the same in every run (0: share nothing yet).
    shared: i32,
    sign: i32,
}

impl Stop<'_> {
    /// Sleeps while `busy` holds. False when it gave up because it should stop.
    fn wait_while(&self, busy: impl Fn() -> bool) -> bool {
        while busy() {
            if self.stop_now() {
                return false;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        true
    }

    fn stop_now(&self) -> bool {
        let w = &self.when;
        Instant::now() >= w.deadline
            || [w.cancel, w.halt]
                .iter()
                .flatten()
                .any(|c| c.load(Ordering::Relaxed))
            || w.work_limit
                .is_some_and(|limit| self.work > limit.load(Ordering::Relaxed))
    }
}

impl cadical::Callbacks for Stop<'_> {
    fn terminate(&mut self) -> bool {
        if self.stop_now() {
            return true;
        }
        match self.when.pace {
            Some(pace) => !self.wait_while(|| pace.ahead(self.work)),
            None => false,
        }
    }

    fn max_length(&self) -> i32 {
        // Every learnt clause, so that every conflict is counted.
        i32::MAX
    }

    fn learn(&mut self, clause: &[i32]) {
        self.work += 1;
        if let Some(pace) = self.when.pace {
            if clause.len() <= SHARE_LEN && clause.iter().all(|l| l.abs() <= self.shared) {
                let ours = clause.iter().map(|l| l * self.sign).collect();
                if let Ok(mut pool) = pace.learnt[pace.me].lock() {
                    pool.push((self.work, ours));
                }
            }
            // Published after the clause, so that a run that sees this work
            // also sees every clause learnt up to it (see `Sat::import`).
            pace.work[pace.me].store(self.work, Ordering::Release);
        }
    }
}

/// Which value CaDiCaL first tries for a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    /// CaDiCaL's own choice: true ("meeting here, participant busy, break here").
    True,
    /// False ("no meeting here, no break"). CaDiCaL cannot be told this directly
    /// through the binding, so every variable is handed to it negated.
    False,
}

/// A CaDiCaL instance plus a variable counter. Literals are DIMACS integers.
pub(crate) struct Sat<'a> {
    solver: cadical::Solver<Stop<'a>>,
    /// 1, or -1 when every literal is handed to CaDiCaL negated ([`Phase::False`]).
    sign: i32,
    next_var: i32,
    /// A literal fixed to true, so encoders can use constants uniformly.
    pub truth: i32,
    /// Clauses added (for statistics).
    pub clauses: usize,
    /// How many of each run's shared clauses this run has taken in.
    imported: Vec<usize>,
}

impl<'a> Sat<'a> {
    /// A fresh solver with one of CaDiCaL's option presets (`default`, `sat`,
    /// `unsat`), trying `phase` first for every variable, that gives up as
    /// `when` says.
    pub fn new(config: &str, phase: Phase, when: StopWhen<'a>) -> Self {
        let mut solver = cadical::Solver::with_config(config).unwrap_or_default();
        let sign = if phase == Phase::False { -1 } else { 1 };
        solver.set_callbacks(Some(Stop {
            when,
            work: 0,
            shared: 0,
            sign,
        }));
        let mut sat = Sat {
            solver,
            sign,
            next_var: 1,
            truth: 0,
            clauses: 0,
            imported: when.pace.map_or(Vec::new(), |p| vec![0; p.learnt.len()]),
        };
        sat.truth = sat.var();
        sat.clause(&[sat.truth]);
        sat
    }

    /// A fresh variable.
    pub fn var(&mut self) -> i32 {
        let v = self.next_var;
        self.next_var += 1;
        v
    }

    /// Adds a clause. Constant-true literals satisfy it (skipped) and
    /// constant-false ones are dropped, which keeps encodings simple.
    pub fn clause(&mut self, lits: &[i32]) {
        if self.truth != 0 && lits.contains(&self.truth) {
            return;
        }
        let (t, sign) = (self.truth, self.sign);
        self.solver.add_clause(
            lits.iter()
                .filter(|&&l| t == 0 || l != -t)
                .map(|&l| l * sign),
        );
        self.clauses += 1;
    }

    /// Marks variables `1..=max` as the same in every run of the portfolio:
    /// from now on, short learnt clauses over them are shared.
    pub fn share_up_to(&mut self, max: i32) {
        if let Some(stop) = self.solver.get_callbacks() {
            stop.shared = max;
        }
    }

    /// Solves under assumptions: `Some(true)` SAT, `Some(false)` UNSAT, `None`
    /// stopped by the deadline, a flag, or after `conflicts` conflicts.
    /// Conflict counts, unlike seconds, make the give-up point reproducible.
    ///
    /// In a portfolio, it first takes in the other runs' short clauses learnt
    /// up to this run's work (see [`Pace::learnt`]).
    pub fn solve_limited(&mut self, assumptions: &[i32], conflicts: Option<i32>) -> Option<bool> {
        let work = self.work();
        self.import(work);
        // CaDiCaL resets its limits after every solve, so set it each time.
        let _ = self.solver.set_limit("conflicts", conflicts.unwrap_or(-1));
        // Every variable we handed out must be known to CaDiCaL before we ask
        // for its value, even one that ended up in no clause.
        self.solver.reserve(self.next_var - 1);
        let sign = self.sign;
        self.solver
            .solve_with(assumptions.iter().map(|&l| l * sign))
    }

    /// Takes in the other runs' shared clauses learnt up to `work`.
    fn import(&mut self, work: u64) {
        let Some(stop) = self.solver.get_callbacks() else {
            return;
        };
        let Some(pace) = stop.when.pace.filter(|_| stop.shared > 0) else {
            return;
        };
        let mut new: Vec<Vec<i32>> = Vec::new();
        for run in (0..pace.learnt.len()).filter(|&run| run != pace.me) {
            // Wait until the other run has learnt everything up to our work (or
            // finished): then what we take in does not depend on thread timing.
            let caught_up = stop.wait_while(|| {
                !pace.done[run].load(Ordering::Acquire)
                    && pace.work[run].load(Ordering::Acquire) < work
            });
            if !caught_up {
                break;
            }
            let Ok(pool) = pace.learnt[run].lock() else {
                continue;
            };
            let from = self.imported[run];
            let taken = pool[from..].iter().take_while(|(w, _)| *w <= work);
            let before = new.len();
            new.extend(taken.map(|(_, clause)| clause.clone()));
            self.imported[run] = from + (new.len() - before);
        }
        for clause in new {
            self.clause(&clause);
        }
    }

    /// The value of a literal in the last model.
    pub fn value(&self, lit: i32) -> bool {
        // The binding reports the value of the variable, not of the literal.
        let lit = lit * self.sign;
        let var_true = self.solver.value(lit.abs()) == Some(true);
        if lit > 0 { var_true } else { !var_true }
    }

    /// Conflicts so far, over every solve of this solver.
    pub fn work(&mut self) -> u64 {
        self.solver.get_callbacks().map_or(0, |stop| stop.work)
    }

    /// Whether the deadline has passed, a flag was raised or the work limit
    /// was exceeded.
    pub fn out_of_time(&mut self) -> bool {
        self.solver
            .get_callbacks()
            .is_some_and(|stop| stop.stop_now())
    }

    /// Whether an assumption took part in the last UNSAT answer.
    pub fn failed(&self, lit: i32) -> bool {
        self.solver.failed(lit * self.sign)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solver(phase: Phase) -> Sat<'static> {
        let when = StopWhen {
            deadline: Instant::now() + Duration::from_secs(10),
            cancel: None,
            halt: None,
            work_limit: None,
            pace: None,
        };
        Sat::new("default", phase, when)
    }

    #[test]
    fn a_run_waits_only_while_ahead_of_an_unfinished_run() {
        let work = [AtomicU64::new(0), AtomicU64::new(5_000)];
        let done = [AtomicBool::new(false), AtomicBool::new(false)];
        let learnt = [Mutex::default(), Mutex::default()];
        let pace = |me| Pace {
            me,
            work: &work,
            done: &done,
            learnt: &learnt,
        };
        // Run 1 is 5,000 conflicts ahead of run 0: it waits, run 0 does not.
        assert!(pace(1).ahead(5_000));
        assert!(!pace(0).ahead(0));
        // Within the slack, nobody waits.
        work[0].store(5_000 - PACE_SLACK, Ordering::Relaxed);
        assert!(!pace(1).ahead(5_000));
        // A finished run is not waited for, however far behind.
        work[0].store(0, Ordering::Relaxed);
        done[0].store(true, Ordering::Relaxed);
        assert!(!pace(1).ahead(5_000));
    }

    #[test]
    fn a_run_takes_in_only_clauses_learnt_up_to_its_own_work() {
        let work = [AtomicU64::new(100), AtomicU64::new(0)];
        let done = [AtomicBool::new(false), AtomicBool::new(false)];
        let learnt = [Mutex::default(), Mutex::default()];
        let when = StopWhen {
            deadline: Instant::now() + Duration::from_secs(10),
            cancel: None,
            halt: None,
            work_limit: None,
            pace: Some(Pace {
                me: 1,
                work: &work,
                done: &done,
                learnt: &learnt,
            }),
        };
        let mut sat = Sat::new("default", Phase::False, when);
        let (a, b) = (sat.var(), sat.var());
        sat.share_up_to(b);
        // Run 0 learnt "not a" at its work 5 and "not b" at its work 50.
        learnt[0]
            .lock()
            .unwrap()
            .extend([(5, vec![-a]), (50, vec![-b])]);
        sat.import(10);
        assert_eq!(sat.solve_limited(&[a], None), Some(false));
        assert_eq!(sat.solve_limited(&[b], None), Some(true));
        sat.import(60);
        assert_eq!(sat.solve_limited(&[b], None), Some(false));
    }

    #[test]
    fn a_negated_solver_answers_in_our_literals() {
        for phase in [Phase::True, Phase::False] {
            let mut sat = solver(phase);
            let (a, b, c) = (sat.var(), sat.var(), sat.var());
            // Exactly one of a, b; c implies a; c is true.
            sat.clause(&[a, b]);
            sat.clause(&[-a, -b]);
            sat.clause(&[-c, a]);
            sat.clause(&[c]);
            assert_eq!(sat.solve_limited(&[], None), Some(true), "{phase:?}");
            assert!(sat.value(a) && !sat.value(b) && sat.value(c), "{phase:?}");
            assert!(!sat.value(-a) && sat.value(-b), "{phase:?}");
            // Assuming b contradicts c → a; the failed assumption is b, as we wrote it.
            assert_eq!(sat.solve_limited(&[b], None), Some(false), "{phase:?}");
            assert!(sat.failed(b), "{phase:?}");
            // The constant-true literal works in both.
            assert_eq!(
                sat.solve_limited(&[sat.truth], None),
                Some(true),
                "{phase:?}"
            );
        }
    }
}
