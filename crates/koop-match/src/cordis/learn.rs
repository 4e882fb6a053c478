//! A logistic-regression ranker: weights learned by Newton's method with a small L2 penalty,
//! on standardised features; deterministic for a given sample.

#![expect(
    clippy::needless_range_loop,
    reason = "matrix code reads best with explicit indices"
)]

use super::features::N_FEATURES;

/// A linear model over the features, in the original (unstandardised) feature scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    /// One weight per feature.
    pub w: [f32; N_FEATURES],
}

impl Linear {
    /// The model's score of a feature vector.
    pub fn score(&self, f: &[f32; N_FEATURES]) -> f32 {
        self.w.iter().zip(f).map(|(w, x)| w * x).sum()
    }

    /// Fits `P(relevant | f)` to the labelled samples; the last feature must be the constant 1.
    pub fn fit(samples: &[([f32; N_FEATURES], bool)], l2: f64) -> Self {
        const F: usize = N_FEATURES;
        let n = samples.len().max(1) as f64;
        let mut mean = [0.0f64; F];
        let mut sd = [0.0f64; F];
        for (f, _) in samples {
            for i in 0..F {
                mean[i] += f64::from(f[i]) / n;
            }
        }
        for (f, _) in samples {
            for i in 0..F {
                sd[i] += (f64::from(f[i]) - mean[i]).powi(2) / n;
            }
        }
        // The bias stays unstandardised; a constant feature would otherwise divide by zero.
        for i in 0..F {
            sd[i] = sd[i].sqrt();
            if sd[i] < 1e-9 {
                mean[i] = 0.0;
                sd[i] = 1.0;
            }
        }
        let x: Vec<[f64; F]> = samples
            .iter()
            .map(|(f, _)| std::array::from_fn(|i| (f64::from(f[i]) - mean[i]) / sd[i]))
            .collect();
        let mut beta = [0.0f64; F];
        for _ in 0..25 {
            let mut grad = [0.0f64; F];
            let mut hess = [[0.0f64; F]; F];
            for (xi, (_, y)) in x.iter().zip(samples) {
                let z: f64 = xi.iter().zip(&beta).map(|(a, b)| a * b).sum();
                let p = 1.0 / (1.0 + (-z).exp());
                let r = p - f64::from(u8::from(*y));
                let wgt = (p * (1.0 - p)).max(1e-9);
                for i in 0..F {
                    grad[i] += r * xi[i];
                    for j in 0..=i {
                        hess[i][j] += wgt * xi[i] * xi[j];
                    }
                }
            }
            for i in 0..F {
                grad[i] += l2 * n * beta[i];
                hess[i][i] += l2 * n;
                for j in 0..i {
                    hess[j][i] = hess[i][j];
                }
            }
            let Some(delta) = solve(hess, grad) else {
                break;
            };
            let mut change = 0.0;
            for i in 0..F {
                beta[i] -= delta[i];
                change += delta[i].abs();
            }
            if change < 1e-8 {
                break;
            }
        }
        let mut w = [0.0f32; F];
        for i in 0..F {
            w[i] = (beta[i] / sd[i]) as f32;
        }
        Self { w }
    }
}

// Gaussian elimination with partial pivoting; `None` if singular.
pub(crate) fn solve<const F: usize>(mut a: [[f64; F]; F], mut b: [f64; F]) -> Option<[f64; F]> {
    for c in 0..F {
        let piv = (c..F).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        if a[piv][c].abs() < 1e-12 {
            return None;
        }
        a.swap(c, piv);
        b.swap(c, piv);
        for r in c + 1..F {
            let k = a[r][c] / a[c][c];
            for j in c..F {
                a[r][j] -= k * a[c][j];
            }
            b[r] -= k * b[c];
        }
    }
    let mut x = [0.0; F];
    for r in (0..F).rev() {
        let s: f64 = (r + 1..F).map(|j| a[r][j] * x[j]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Some(x)
}

/// A small deterministic generator (SplitMix64) for sampling negatives.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
