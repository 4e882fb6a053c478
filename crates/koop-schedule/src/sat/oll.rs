//! Core-guided minimisation of the number of true "cost" literals (OLL, as in
//! RC2; Morgado et al. 2014, Ignatiev et al. 2019), for unit weights.
//!
//! We assume every cost literal false. When that is unsatisfiable, the solver
//! names a core: a set of assumptions that cannot all hold, so at least one of
//! those literals is true and the lower bound rises by one. We then drop those
//! assumptions and instead assume "at most one of them is true", through a
//! totalizer over the core. If such an "at most k" assumption shows up in a
//! later core, it is relaxed to "at most k+1". The first satisfiable answer is
//! optimal: every unit of cost it pays was proven necessary by a core.
//!
//! The caller drives the run one solve at a time ([`Oll::step`]), which lets
//! it interleave two runs on differently encoded solvers (see `solve.rs`).
//!
//! Cores are trimmed (re-solved under the core alone, a few times) because
//! smaller cores give smaller totalizers and tighter relaxations.

use super::Sat;
use super::card::Totalizer;

/// What one step of the optimiser found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// A core: the lower bound rose by one.
    Core,
    /// The solver's current model has minimum cost, equal to the lower bound.
    Optimal,
    /// The hard clauses alone are unsatisfiable.
    Infeasible,
    /// The solve used up its conflict budget; calling again continues it
    /// (CaDiCaL keeps what it learnt).
    Stalled,
    /// Stopped by the deadline or cancel flag.
    Stopped,
}

/// The state of one OLL run, so it can be advanced one solve at a time and
/// interleaved with another run.
pub(crate) struct Oll {
    /// Proven lower bound on the cost.
    pub lb: u32,
    /// Assumptions, each with the totalizer bound it stands for (if any):
    /// assuming `-lit` where lit = "totalizer t has ≥ k true inputs".
    assumed: Vec<(i32, Option<(usize, usize)>)>,
    totalizers: Vec<Totalizer>,
}

impl Oll {
    /// Starts minimising the number of true literals in `cost`.
    pub fn new(cost: &[i32]) -> Self {
        Oll {
            lb: 0,
            assumed: cost.iter().map(|&c| (-c, None)).collect(),
            totalizers: Vec::new(),
        }
    }

    /// One solve under the current assumptions, with a conflict budget.
    pub fn step(&mut self, sat: &mut Sat, conflicts: Option<i32>) -> Step {
        let lits: Vec<i32> = self.assumed.iter().map(|a| a.0).collect();
        match sat.solve_limited(&lits, conflicts) {
            None if sat.out_of_time() => return Step::Stopped,
            None => return Step::Stalled,
            Some(true) => return Step::Optimal,
            Some(false) => {}
        }
        let mut core: Vec<i32> = lits.iter().copied().filter(|&l| sat.failed(l)).collect();
        if core.is_empty() {
            return Step::Infeasible;
        }
        trim(sat, &mut core);
        self.lb += 1;
        let (in_core, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.assumed)
            .into_iter()
            .partition(|a| core.contains(&a.0));
        self.assumed = rest;
        for (_, bound) in &in_core {
            if let Some((t, k)) = *bound
                && let Some(next) = self.totalizers[t].at_least(sat, k + 1)
            {
                self.assumed.push((-next, Some((t, k + 1))));
            }
        }
        if core.len() == 1 {
            // That one literal is certainly true: make it a fact.
            sat.clause(&[-core[0]]);
        } else {
            let violations: Vec<i32> = core.iter().map(|&a| -a).collect();
            let mut t = Totalizer::new(sat, &violations, 2, false);
            if let Some(at2) = t.at_least(sat, 2) {
                self.assumed.push((-at2, Some((self.totalizers.len(), 2))));
            }
            self.totalizers.push(t);
        }
        Step::Core
    }
}

/// Shrinks a core by solving under it alone: CaDiCaL's new core is often
/// smaller. Stops when it no longer shrinks, after a few rounds, or when a
/// solve is interrupted (the old core is still a valid core).
fn trim(sat: &mut Sat, core: &mut Vec<i32>) {
    for _ in 0..5 {
        if core.len() <= 1 {
            return;
        }
        if sat.solve_limited(core, Some(20_000)) != Some(false) {
            return;
        }
        let smaller: Vec<i32> = core.iter().copied().filter(|&l| sat.failed(l)).collect();
        if smaller.is_empty() || smaller.len() >= core.len() {
            return;
        }
        *core = smaller;
    }
}
