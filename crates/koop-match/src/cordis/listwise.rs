//! A listwise ranker: per query, the softmax over its pool should put its mass on the
//! relevant candidates. The loss (mean over a query's relevant candidates of
//! `log Σ_pool e^s − s_relevant`, each query weighing the same) is convex, so Newton's method
//! finds the one optimum: unlike coordinate ascent on the metrics themselves, the result does
//! not swing with the start or the negative sample, and the softmax still aims at the head.

#![expect(
    clippy::needless_range_loop,
    reason = "matrix code reads best with explicit indices"
)]

use super::ascent::Pool;
use super::features::N_FEATURES;
use super::learn::{Linear, solve};

/// Fits the weights on the pools with an L2 penalty `l2` on standardised weights.
pub fn fit(pools: &[Pool], l2: f64) -> Linear {
    const F: usize = N_FEATURES;
    let n: usize = pools.iter().map(|p| p.feats.len()).sum();
    let (mut mean, mut sd) = ([0.0f64; F], [0.0f64; F]);
    for f in pools.iter().flat_map(|p| &p.feats) {
        for i in 0..F {
            mean[i] += f64::from(f[i]) / n.max(1) as f64;
        }
    }
    for f in pools.iter().flat_map(|p| &p.feats) {
        for i in 0..F {
            sd[i] += (f64::from(f[i]) - mean[i]).powi(2) / n.max(1) as f64;
        }
    }
    // A constant feature (the bias, or one switched off) cannot change a softmax: weight 0.
    let active: [bool; F] = std::array::from_fn(|i| sd[i] > 1e-12);
    for i in 0..F {
        sd[i] = if active[i] { sd[i].sqrt() } else { 1.0 };
    }
    let x: Vec<Vec<[f64; F]>> = pools
        .iter()
        .map(|p| {
            p.feats
                .iter()
                .map(|f| std::array::from_fn(|i| (f64::from(f[i]) - mean[i]) / sd[i]))
                .collect()
        })
        .collect();
    let queries = pools
        .iter()
        .filter(|p| p.relevant.contains(&true))
        .count()
        .max(1) as f64;
    let loss_grad_hess = |beta: &[f64; F], with_hess: bool| {
        let mut loss = 0.0;
        let mut grad = [0.0f64; F];
        let mut hess = [[0.0f64; F]; F];
        for (p, xs) in pools.iter().zip(&x) {
            let k = p.relevant.iter().filter(|r| **r).count();
            if k == 0 {
                continue;
            }
            let s: Vec<f64> = xs
                .iter()
                .map(|xi| xi.iter().zip(beta).map(|(a, b)| a * b).sum())
                .collect();
            let top = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let z: f64 = s.iter().map(|v| (v - top).exp()).sum();
            let lse = top + z.ln();
            let mut m = [0.0f64; F];
            let mut cov = [[0.0f64; F]; F];
            for (xi, si) in xs.iter().zip(&s) {
                let pr = (si - lse).exp();
                for a in 0..F {
                    m[a] += pr * xi[a];
                    if with_hess {
                        for b in 0..=a {
                            cov[a][b] += pr * xi[a] * xi[b];
                        }
                    }
                }
            }
            let w = 1.0 / (k as f64 * queries);
            for ((xi, si), r) in xs.iter().zip(&s).zip(&p.relevant) {
                if *r {
                    loss += w * (lse - si);
                    for a in 0..F {
                        grad[a] += w * (m[a] - xi[a]);
                    }
                }
            }
            if with_hess {
                for a in 0..F {
                    for b in 0..=a {
                        hess[a][b] += k as f64 * w * (cov[a][b] - m[a] * m[b]);
                    }
                }
            }
        }
        for a in 0..F {
            loss += 0.5 * l2 * beta[a] * beta[a];
            grad[a] += l2 * beta[a];
            hess[a][a] += l2;
            for b in 0..a {
                hess[b][a] = hess[a][b];
            }
            if !active[a] {
                grad[a] = 0.0;
                hess[a] = [0.0; F];
                for row in hess.iter_mut() {
                    row[a] = 0.0;
                }
                hess[a][a] = 1.0;
            }
        }
        (loss, grad, hess)
    };
    let mut beta = [0.0f64; F];
    for _ in 0..30 {
        let (loss, grad, hess) = loss_grad_hess(&beta, true);
        let Some(delta) = solve(hess, grad) else {
            break;
        };
        // Newton step, halved until the loss falls (it is convex, so this ends).
        let mut t = 1.0;
        let mut moved = false;
        while t > 1e-4 {
            let next: [f64; F] = std::array::from_fn(|i| beta[i] - t * delta[i]);
            if loss_grad_hess(&next, false).0 < loss - 1e-12 {
                beta = next;
                moved = true;
                break;
            }
            t /= 2.0;
        }
        if !moved || delta.iter().map(|d| d.abs()).sum::<f64>() * t < 1e-7 {
            break;
        }
    }
    let mut w = [0.0f32; F];
    for i in 0..F {
        w[i] = (beta[i] / sd[i]) as f32;
    }
    Linear { w }
}
