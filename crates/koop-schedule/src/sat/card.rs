//! Cardinality encodings.
//!
//! - `at_most_one`: pairwise for short lists, a sequential "ladder" for long
//!   ones (linear size, and unit propagation is still complete).
//! - [`Totalizer`]: a unary counter (Bailleux & Boufkhad 2003), truncated at
//!   `cap` outputs. `out[k-1]` means "at least k inputs are true". Upward
//!   clauses make the outputs follow the inputs (enough to bound a sum from
//!   above with `¬out[k]`); downward clauses, when asked for, also make an output
//!   false when fewer inputs are true (needed to bound a sum from below).

use super::Sat;

/// At most one of `lits` is true.
pub(crate) fn at_most_one(sat: &mut Sat, lits: &[i32]) {
    if lits.len() <= 6 {
        for (i, &a) in lits.iter().enumerate() {
            for &b in &lits[i + 1..] {
                sat.clause(&[-a, -b]);
            }
        }
        return;
    }
    // s[i] = "one of lits[0..=i] is true".
    let mut prev = lits[0];
    for &x in &lits[1..lits.len() - 1] {
        let s = sat.var();
        sat.clause(&[-prev, s]);
        sat.clause(&[-x, s]);
        sat.clause(&[-prev, -x]);
        prev = s;
    }
    let last = lits[lits.len() - 1];
    sat.clause(&[-prev, -last]);
}

/// A truncated totalizer over some input literals.
#[derive(Debug, Clone)]
pub(crate) struct Totalizer {
    /// The inputs, kept so the counter can be rebuilt with a larger cap.
    pub inputs: Vec<i32>,
    /// `out[k-1]` ⇐ "at least k inputs are true", for k in 1..=out.len().
    pub out: Vec<i32>,
}

impl Totalizer {
    /// Builds a counter with `min(cap, inputs.len())` outputs.
    pub fn new(sat: &mut Sat, inputs: &[i32], cap: usize, down: bool) -> Self {
        let out = if inputs.is_empty() {
            Vec::new()
        } else {
            build(sat, inputs, cap.max(1), down)
        };
        Totalizer {
            inputs: inputs.to_vec(),
            out,
        }
    }

    /// The literal "at least k inputs are true" (k ≥ 1), rebuilding with a
    /// larger cap when needed. `None` when k exceeds the number of inputs (the
    /// statement is then false).
    pub fn at_least(&mut self, sat: &mut Sat, k: usize) -> Option<i32> {
        if k == 0 {
            return Some(sat.truth);
        }
        if k > self.inputs.len() {
            return None;
        }
        if k > self.out.len() {
            // A second counter over the same inputs is sound: its upward
            // clauses force its outputs from the same inputs.
            let cap = (k * 2).min(self.inputs.len());
            self.out = build(sat, &self.inputs, cap, false);
        }
        Some(self.out[k - 1])
    }
}

fn build(sat: &mut Sat, inputs: &[i32], cap: usize, down: bool) -> Vec<i32> {
    if inputs.len() == 1 {
        return vec![inputs[0]];
    }
    let mid = inputs.len() / 2;
    let a = build(sat, &inputs[..mid], cap, down);
    let b = build(sat, &inputs[mid..], cap, down);
    let n = (a.len() + b.len()).min(cap);
    let r: Vec<i32> = (0..n).map(|_| sat.var()).collect();
    // Upward: A≥i ∧ B≥j → R≥i+j.
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            let k = i + j;
            if k == 0 || k > n {
                continue;
            }
            let mut c = Vec::with_capacity(3);
            if i > 0 {
                c.push(-a[i - 1]);
            }
            if j > 0 {
                c.push(-b[j - 1]);
            }
            c.push(r[k - 1]);
            sat.clause(&c);
        }
    }
    if down {
        // Downward: R≥i+j+1 → A≥i+1 ∨ B≥j+1.
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                let k = i + j + 1;
                if k > n {
                    continue;
                }
                let mut c = vec![-r[k - 1]];
                if i < a.len() {
                    c.push(a[i]);
                }
                if j < b.len() {
                    c.push(b[j]);
                }
                sat.clause(&c);
            }
        }
    }
    r
}

/// At most `k` of `lits` are true.
pub(crate) fn at_most(sat: &mut Sat, lits: &[i32], k: usize) {
    if lits.len() <= k {
        return;
    }
    if k == 0 {
        for &l in lits {
            sat.clause(&[-l]);
        }
        return;
    }
    if k == 1 {
        at_most_one(sat, lits);
        return;
    }
    let t = Totalizer::new(sat, lits, k + 1, false);
    sat.clause(&[-t.out[k]]);
}
