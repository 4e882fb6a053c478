//! The partner-recommendation benchmark on CORDIS H2020 co-participations, exactly as its
//! README specifies: temporal split at 2019-01-01, German queries with new test partners,
//! candidates with a train project, known partners removed, Recall@10/50 and MRR.
//!
//! The ranker is a two-stage linear model over graph, activity and prior features (see
//! [`ascent`]). Its weights are learned on earlier splits carved out of the train period only
//! (history before each of [`BenchOptions::inner_cutoffs`], future up to 2019-01-01), so no
//! test information is used.

pub mod ascent;
pub mod data;
pub mod eval;
pub mod features;
pub mod learn;
pub mod listwise;
pub mod split;

use data::Dataset;
pub use eval::{Metrics, evaluate, evaluate_two_stage};
use features::{Context, N_FEATURES};
use learn::{Linear, SplitMix};
use split::Split;

/// Settings of a benchmark run.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Only company queries (`PRC`), the README's second variant.
    pub companies_only: bool,
    /// The inner cut-offs (months since year 0) of the splits used to learn weights; the
    /// logistic start is fitted on the last one, coordinate ascent on all of them pooled.
    pub inner_cutoffs: Vec<u32>,
    /// Random negatives sampled per inner query.
    pub negatives: usize,
    /// Seed of the negative sampling.
    pub seed: u64,
    /// Features switched off (bit `i` zeroes feature `i`), for ablations.
    pub disabled: u64,
    /// Rounds of coordinate ascent after the start model (0: the start model alone).
    pub ascent_rounds: usize,
    /// How the start model is learned.
    pub learner: Learner,
    /// L2 penalty of the listwise learner (on standardised weights).
    pub l2: f64,
}

/// The learner of the start model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learner {
    /// Logistic regression on relevant and random pairs of the last inner split.
    Logistic,
    /// The listwise softmax loss on the pools of all inner splits.
    Listwise,
}

impl Default for BenchOptions {
    fn default() -> Self {
        Self {
            companies_only: false,
            inner_cutoffs: vec![2016 * 12, 2017 * 12],
            negatives: 400,
            seed: 1,
            disabled: 0,
            ascent_rounds: 10,
            learner: Learner::Logistic,
            l2: 1e-2,
        }
    }
}

/// The learned model and its metrics.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// Metrics on the benchmark's test period.
    pub metrics: Metrics,
    /// The model learned on the inner split.
    pub model: Linear,
    /// Queries of the inner (learning) splits, summed.
    pub inner_queries: usize,
}

/// Runs the benchmark: learn on the inner splits, then rank for the benchmark queries.
pub fn run(ds: &Dataset, opt: &BenchOptions) -> BenchReport {
    let (model, inner_queries) = fit(ds, opt);
    let split = Split::benchmark(ds);
    let mut ctx = Context::new(&split);
    ctx.disabled = opt.disabled;
    let queries = benchmark_queries(ds, opt.companies_only);
    let metrics = evaluate_two_stage(&ctx, &queries, &model);
    BenchReport {
        metrics,
        model,
        inner_queries,
    }
}

/// Model selection without the test period: learn on `opt.inner_cutoffs`, then score the
/// queries of a later inner split (history before `cutoff`, future up to 2019-01-01).
pub fn validate(ds: &Dataset, opt: &BenchOptions, cutoff: u32) -> BenchReport {
    let (model, inner_queries) = fit(ds, opt);
    let split = Split::inner(ds, cutoff);
    let mut ctx = Context::new(&split);
    ctx.disabled = opt.disabled;
    let queries = inner_queries_of(&split, opt.companies_only);
    let metrics = evaluate_two_stage(&ctx, &queries, &model);
    BenchReport {
        metrics,
        model,
        inner_queries,
    }
}

// The German queries of an inner split (companies only if asked), defined as the README
// defines the benchmark's.
fn inner_queries_of(split: &Split, companies_only: bool) -> Vec<(u32, Vec<u32>)> {
    split
        .derive_queries(*b"DE")
        .into_iter()
        .filter(|(q, _)| {
            !companies_only || split.ds.orgs[*q as usize].kind == data::ActivityType::Prc
        })
        .collect()
}

// Learns the model on the inner splits: logistic start on the last, ascent on all pooled.
fn fit(ds: &Dataset, opt: &BenchOptions) -> (Linear, usize) {
    let mut pools: Vec<ascent::Pool> = Vec::new();
    let mut start = None;
    let mut inner_queries = 0;
    for &cutoff in &opt.inner_cutoffs {
        let inner = Split::inner(ds, cutoff);
        let mut ctx = Context::new(&inner);
        ctx.disabled = opt.disabled;
        let queries = inner_queries_of(&inner, opt.companies_only);
        if opt.learner == Learner::Logistic {
            start = Some(learn(&ctx, &queries, opt));
        }
        pools.extend(queries.iter().map(|(q, r)| ascent::pool(&ctx, *q, r)));
        inner_queries += queries.len();
    }
    let start = match opt.learner {
        Learner::Listwise => listwise::fit(&pools, opt.l2),
        Learner::Logistic => start.unwrap_or(Linear {
            w: [0.0; N_FEATURES],
        }),
    };
    (
        ascent::fit(&pools, &start, opt.ascent_rounds),
        inner_queries,
    )
}

/// The benchmark queries (all, or companies only) with their relevant candidates.
pub fn benchmark_queries(ds: &Dataset, companies_only: bool) -> Vec<(u32, Vec<u32>)> {
    ds.queries
        .iter()
        .zip(&ds.relevant)
        .filter(|((_, company), _)| !companies_only || *company)
        .map(|((q, _), r)| (*q, r.clone()))
        .collect()
}

/// The README's strongest baseline, Adamic-Adar on the train graph, recomputed here so that
/// the comparison runs on the same code path and tie-breaking as the ranker.
pub fn adamic_adar_baseline(ds: &Dataset, companies_only: bool) -> Metrics {
    let split = Split::benchmark(ds);
    let ctx = Context::new(&split);
    evaluate(&ctx, &benchmark_queries(ds, companies_only), |f| f[0])
}

/// Fits the ranker on labelled pairs of a split: every relevant candidate, and random others.
pub fn learn(ctx: &Context, queries: &[(u32, Vec<u32>)], opt: &BenchOptions) -> Linear {
    let s = ctx.split;
    let candidates: Vec<u32> = (0..s.ds.orgs.len() as u32)
        .filter(|&o| s.is_candidate(o))
        .collect();
    let mut rng = SplitMix(opt.seed);
    let mut samples: Vec<([f32; N_FEATURES], bool)> = Vec::new();
    for (q, rel) in queries {
        let g = ctx.query_graph(*q);
        for &r in rel {
            samples.push((ctx.features(*q, r, &g), true));
        }
        let known = &s.partners[*q as usize];
        let mut drawn = 0;
        while drawn < opt.negatives {
            let c = candidates[rng.below(candidates.len())];
            if c == *q || known.binary_search(&c).is_ok() || rel.contains(&c) {
                continue;
            }
            samples.push((ctx.features(*q, c, &g), false));
            drawn += 1;
        }
    }
    Linear::fit(&samples, 1e-4)
}
