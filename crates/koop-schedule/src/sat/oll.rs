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
//! Cores are trimmed (re-solved under the core alone, a few times) because
//! smaller cores give smaller totalizers and tighter relaxations.

use super::Sat;
use super::card::Totalizer;

/// How the minimisation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OllEnd {
    /// The solver's current model has minimum cost, equal to the lower bound.
    Optimal,
    /// The hard clauses alone are unsatisfiable.
    Infeasible,
    /// Stopped by the deadline or cancel flag; the lower bound is still valid.
    Stopped,
}

/// Minimises the number of true literals in `cost`. Returns how it ended and
/// the proven lower bound. On `Optimal` the solver holds an optimal model.
pub(crate) fn minimise(sat: &mut Sat, cost: &[i32]) -> (OllEnd, u32) {
    let mut lb = 0u32;
    // Assumptions, each with the totalizer bound it stands for (if any):
    // assuming `-lit` where lit = "totalizer t has ≥ k true inputs".
    let mut assumed: Vec<(i32, Option<(usize, usize)>)> =
        cost.iter().map(|&c| (-c, None)).collect();
    let mut totalizers: Vec<Totalizer> = Vec::new();
    loop {
        let lits: Vec<i32> = assumed.iter().map(|a| a.0).collect();
        match sat.solve(&lits) {
            None => return (OllEnd::Stopped, lb),
            Some(true) => return (OllEnd::Optimal, lb),
            Some(false) => {}
        }
        let mut core: Vec<i32> = lits.iter().copied().filter(|&l| sat.failed(l)).collect();
        if core.is_empty() {
            return (OllEnd::Infeasible, lb);
        }
        trim(sat, &mut core);
        lb += 1;
        let (in_core, rest): (Vec<_>, Vec<_>) =
            assumed.into_iter().partition(|a| core.contains(&a.0));
        assumed = rest;
        for (_, bound) in &in_core {
            if let Some((t, k)) = *bound
                && let Some(next) = totalizers[t].at_least(sat, k + 1)
            {
                assumed.push((-next, Some((t, k + 1))));
            }
        }
        if core.len() == 1 {
            // That one literal is certainly true: make it a fact.
            sat.clause(&[-core[0]]);
        } else {
            let violations: Vec<i32> = core.iter().map(|&a| -a).collect();
            let mut t = Totalizer::new(sat, &violations, 2, false);
            if let Some(at2) = t.at_least(sat, 2) {
                assumed.push((-at2, Some((totalizers.len(), 2))));
            }
            totalizers.push(t);
        }
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
        if sat.solve(core) != Some(false) {
            return;
        }
        let smaller: Vec<i32> = core.iter().copied().filter(|&l| sat.failed(l)).collect();
        if smaller.is_empty() || smaller.len() >= core.len() {
            return;
        }
        *core = smaller;
    }
}
