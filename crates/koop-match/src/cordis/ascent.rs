//! A two-stage ranker tuned for the head of the list: the walk-based base score picks a pool
//! of candidates per query, and a linear model over all features, whose weights are found by
//! coordinate ascent directly on MRR + Recall@10 (as in RankLib's coordinate ascent), orders
//! the pool. Candidates outside the pool keep their base order behind it.

use super::features::{Context, N_FEATURES};
use super::learn::Linear;

/// Candidates per query that the model reorders.
pub const POOL: usize = 1000;

/// The index of the base feature (3-step walk) that chooses the pool.
pub const BASE: usize = 4;

/// One query's pool: feature vectors and whether each is relevant, and the relevant count.
pub struct Pool {
    pub(crate) feats: Vec<[f32; N_FEATURES]>,
    pub(crate) relevant: Vec<bool>,
    n_relevant: usize,
}

/// The pool of one query: the top [`POOL`] eligible candidates by the base feature.
pub fn pool(ctx: &Context, q: u32, relevant: &[u32]) -> Pool {
    let s = ctx.split;
    let g = ctx.query_graph(q);
    let known = &s.partners[q as usize];
    let mut all: Vec<(f32, u32, [f32; N_FEATURES])> = (0..s.ds.orgs.len() as u32)
        .filter(|&c| c != q && s.is_candidate(c) && known.binary_search(&c).is_err())
        .map(|c| {
            let f = ctx.features(q, c, &g);
            (f[BASE], c, f)
        })
        .collect();
    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    all.truncate(POOL);
    Pool {
        relevant: all.iter().map(|e| relevant.contains(&e.1)).collect(),
        feats: all.into_iter().map(|e| e.2).collect(),
        n_relevant: relevant.len(),
    }
}

/// Mean (MRR, Recall@10, Recall@50) of a model over pools; relevant candidates outside a
/// pool count as not found.
pub fn metrics(pools: &[Pool], m: &Linear) -> (f64, f64, f64) {
    let (mut mrr, mut r10, mut r50) = (0.0, 0.0, 0.0);
    let mut scored: Vec<(f32, usize)> = Vec::with_capacity(POOL);
    for p in pools {
        scored.clear();
        scored.extend(p.feats.iter().enumerate().map(|(i, f)| (m.score(f), i)));
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut first = None;
        let (mut h10, mut h50) = (0, 0);
        for (rank, (_, i)) in scored.iter().enumerate() {
            if p.relevant[*i] {
                first.get_or_insert(rank + 1);
                if rank < 10 {
                    h10 += 1;
                }
                if rank < 50 {
                    h50 += 1;
                }
            }
            if rank >= 50 && first.is_some() {
                break;
            }
        }
        mrr += first.map(|r| 1.0 / r as f64).unwrap_or(0.0);
        r10 += h10 as f64 / p.n_relevant as f64;
        r50 += h50 as f64 / p.n_relevant as f64;
    }
    let n = pools.len().max(1) as f64;
    (mrr / n, r10 / n, r50 / n)
}

/// Coordinate ascent on MRR + Recall@10 from `start`, with steps relative to each feature's
/// spread; deterministic.
#[expect(clippy::needless_range_loop, reason = "one weight per feature index")]
pub fn fit(pools: &[Pool], start: &Linear, rounds: usize) -> Linear {
    let objective = |m: &Linear| {
        let (mrr, r10, _) = metrics(pools, m);
        mrr + r10
    };
    let mut sd = [1.0f32; N_FEATURES];
    let n: usize = pools.iter().map(|p| p.feats.len()).sum();
    for (i, s) in sd.iter_mut().enumerate() {
        let mean = pools
            .iter()
            .flat_map(|p| p.feats.iter().map(move |f| f[i]))
            .sum::<f32>()
            / n.max(1) as f32;
        let var = pools
            .iter()
            .flat_map(|p| p.feats.iter().map(move |f| (f[i] - mean).powi(2)))
            .sum::<f32>()
            / n.max(1) as f32;
        *s = if var.sqrt() > 1e-6 { var.sqrt() } else { 1.0 };
    }
    let mut best = start.clone();
    let mut best_obj = objective(&best);
    for _ in 0..rounds {
        let before = best_obj;
        for i in 0..N_FEATURES {
            for step in [2.0f32, -2.0, 0.5, -0.5, 0.1, -0.1] {
                loop {
                    let mut m = best.clone();
                    m.w[i] += step / sd[i];
                    let o = objective(&m);
                    if o > best_obj + 1e-6 {
                        best = m;
                        best_obj = o;
                    } else {
                        break;
                    }
                }
            }
        }
        if best_obj <= before + 1e-6 {
            break;
        }
    }
    best
}
