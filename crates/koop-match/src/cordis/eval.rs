//! Ranking all candidates of each query and averaging Recall@10, Recall@50 and MRR.

use serde::Serialize;

use super::ascent;
use super::features::{Context, N_FEATURES};
use super::learn::Linear;

/// The metrics of a run over one set of queries.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Metrics {
    /// Number of queries.
    pub queries: usize,
    /// Mean Recall@10.
    pub recall_at_10: f64,
    /// Mean Recall@50.
    pub recall_at_50: f64,
    /// Mean reciprocal rank of the first relevant candidate.
    pub mrr: f64,
}

/// Ranks all candidates for each query with `score` and averages the metrics.
pub fn evaluate(
    ctx: &Context,
    queries: &[(u32, Vec<u32>)],
    score: impl Fn(&[f32; N_FEATURES]) -> f32,
) -> Metrics {
    evaluate_with(ctx, queries, |fs| fs.iter().map(&score).collect())
}

/// Ranks all candidates for each query: the pool of [`ascent::POOL`] best by the base feature,
/// ordered by `model`, then everyone else in base order.
pub fn evaluate_two_stage(ctx: &Context, queries: &[(u32, Vec<u32>)], model: &Linear) -> Metrics {
    evaluate_with(ctx, queries, |fs| {
        let mut order: Vec<usize> = (0..fs.len()).collect();
        order.sort_by(|&a, &b| {
            fs[b][ascent::BASE]
                .total_cmp(&fs[a][ascent::BASE])
                .then(a.cmp(&b))
        });
        let mut s: Vec<f32> = vec![f32::NEG_INFINITY; fs.len()];
        let mut floor = f32::INFINITY;
        for &i in order.iter().take(ascent::POOL) {
            s[i] = model.score(&fs[i]);
            floor = floor.min(s[i]);
        }
        // Everyone outside the pool ranks below it, in base order (coarsely: ties fall back
        // to organisation order, and these ranks are far beyond 50).
        for (k, &i) in order.iter().enumerate().skip(ascent::POOL) {
            s[i] = floor - 1.0 - (k - ascent::POOL) as f32 * 1e-3;
        }
        s
    })
}

// The protocol: drop the query and its known (history) partners, rank every other candidate.
fn evaluate_with(
    ctx: &Context,
    queries: &[(u32, Vec<u32>)],
    score_all: impl Fn(&[[f32; N_FEATURES]]) -> Vec<f32>,
) -> Metrics {
    let s = ctx.split;
    let n = s.ds.orgs.len();
    let mut scores = vec![f32::NEG_INFINITY; n];
    let mut ranks = Vec::with_capacity(queries.len());
    for (q, rel) in queries {
        let g = ctx.query_graph(*q);
        let known = &s.partners[*q as usize];
        let eligible: Vec<u32> = (0..n as u32)
            .filter(|&c| c != *q && s.is_candidate(c) && known.binary_search(&c).is_err())
            .collect();
        let feats: Vec<[f32; N_FEATURES]> =
            eligible.iter().map(|&c| ctx.features(*q, c, &g)).collect();
        scores.fill(f32::NEG_INFINITY);
        for (c, v) in eligible.iter().zip(score_all(&feats)) {
            scores[*c as usize] = v;
        }
        ranks.push(ranks_of(&scores, rel));
    }
    average(&ranks)
}

/// 1-based ranks of the relevant candidates, ascending. Ties are broken by organisation
/// order, so the figures are reproducible.
pub fn ranks_of(scores: &[f32], relevant: &[u32]) -> Vec<usize> {
    let mut ranks: Vec<usize> = relevant
        .iter()
        .map(|&r| {
            let sr = scores[r as usize];
            1 + scores
                .iter()
                .enumerate()
                .filter(|(c, sc)| **sc > sr || (**sc == sr && (*c as u32) < r))
                .count()
        })
        .collect();
    ranks.sort_unstable();
    ranks
}

/// Averages per-query metrics from the ranks of each query's relevant candidates.
pub fn average(ranks: &[Vec<usize>]) -> Metrics {
    let (mut r10, mut r50, mut mrr) = (0.0, 0.0, 0.0);
    for rk in ranks {
        let k = rk.len().max(1) as f64;
        r10 += rk.iter().filter(|&&r| r <= 10).count() as f64 / k;
        r50 += rk.iter().filter(|&&r| r <= 50).count() as f64 / k;
        mrr += rk.first().map(|&r| 1.0 / r as f64).unwrap_or(0.0);
    }
    let m = ranks.len().max(1) as f64;
    Metrics {
        queries: ranks.len(),
        recall_at_10: r10 / m,
        recall_at_50: r50 / m,
        mrr: mrr / m,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_follow_the_readme_definitions() {
        // Query 1: relevant at ranks 1 and 12 of 60; query 2: relevant at rank 4 only.
        let m = average(&[vec![1, 12], vec![4]]);
        assert_eq!(m.queries, 2);
        assert!((m.mrr - (1.0 + 0.25) / 2.0).abs() < 1e-12);
        assert!((m.recall_at_10 - (0.5 + 1.0) / 2.0).abs() < 1e-12);
        assert!((m.recall_at_50 - 1.0).abs() < 1e-12);
        assert_eq!(
            ranks_of(&[0.5, 0.9, 0.5, f32::NEG_INFINITY], &[2, 0]),
            vec![2, 3]
        );
    }
}
