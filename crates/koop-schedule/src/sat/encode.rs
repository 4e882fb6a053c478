//! The SAT model of the scheduling problem.
//!
//! Variables:
//! - `x[m,s]`: meeting `m` is held in slot `s` (only for slots in its domain);
//! - `u[p,s]`: participant `p` is busy in slot `s`, i.e. exactly one of its
//!   meetings is there (at-most-one over those `x`, and `u` ⇔ their disjunction);
//! - `suf[p,s]`: `p` has a meeting in slot `s` or later in the same session;
//! - `bs[p,s]`: a break of `p` starts at slot `s`: busy at `s-1`, idle at `s`,
//!   busy again later in the session. Every maximal idle run between two
//!   meetings has exactly one start, so `Σ_s bs[p,s]` is `p`'s break count.
//!
//! Each participant's break starts feed a totalizer whose outputs "≥ k breaks"
//! are the objective's soft literals (one per possible break, so the optimiser
//! works on a few hundred literals instead of every slot) and carry the
//! fairness bound. It counts no further than fairness lets anyone go: every
//! output is work for the solver whenever a break start changes.
//!
//! Redundant clauses that help the solver prune: each participant is busy in
//! exactly as many slots as it has meetings (when all must be placed), and a
//! participant without breaks is busy in one block of that many slots.

use std::ops::Range;

use super::Sat;
use super::card::{Totalizer, at_most, at_most_one};
use crate::domain::{first_same_time, meeting_domains, never_breaks};
use crate::model::Problem;

/// The variables the optimiser and the decoder need.
pub(crate) struct Encoding {
    /// Per meeting: (slot, literal) for each slot in its domain.
    pub x: Vec<Vec<(usize, i32)>>,
    /// Literals whose number of true ones is the total break count (each is
    /// "participant p has at least k breaks"); the optimiser wants them false.
    pub cost: Vec<i32>,
}

impl Encoding {
    /// The slot of each meeting in the solver's current model.
    pub fn decode(&self, sat: &Sat) -> Vec<Option<usize>> {
        self.x
            .iter()
            .map(|xs| xs.iter().find(|&&(_, l)| sat.value(l)).map(|&(s, _)| s))
            .collect()
    }
}

/// Ways of stating the rules that speed up one run of the portfolio and slow
/// down the other, so each run chooses (see `solve.rs`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Redundant {
    /// When every meeting is a pair: the table limit stated as "at most twice
    /// as many busy participants as tables in a slot", on the `u` instead of
    /// the `x`.
    pub busy_cap: bool,
    /// Partners' no-break blocks share a slot of their meeting
    /// ([`partners_blocks_meet`]).
    pub partner_blocks: bool,
}

/// Adds the model of `problem` to `sat`.
pub(crate) fn encode(problem: &Problem, sat: &mut Sat, redundant: Redundant) -> Encoding {
    let ns = problem.slots.len();
    let np = problem.participants.len();
    let domains = meeting_domains(problem);
    let meetings_of = problem.meetings_of();

    let x: Vec<Vec<(usize, i32)>> = domains
        .iter()
        .map(|d| d.iter().map(|&s| (s, sat.var())).collect())
        .collect();
    let mut placed = Vec::with_capacity(x.len());
    for xs in &x {
        let lits: Vec<i32> = xs.iter().map(|&(_, l)| l).collect();
        if problem.require_all {
            sat.clause(&lits);
            placed.push(sat.truth);
        } else {
            let pl = sat.var();
            let mut c = vec![-pl];
            c.extend(&lits);
            sat.clause(&c);
            for &l in &lits {
                sat.clause(&[-l, pl]);
            }
            placed.push(pl);
        }
        at_most_one(sat, &lits);
    }

    // Meetings per (slot), per (participant, slot).
    let mut by_slot: Vec<Vec<i32>> = vec![Vec::new(); ns];
    let mut by_ps: Vec<Vec<Vec<i32>>> = vec![vec![Vec::new(); ns]; np];
    for (m, xs) in x.iter().enumerate() {
        for &(s, l) in xs {
            by_slot[s].push(l);
            for &p in &problem.meetings[m].participants {
                by_ps[p][s].push(l);
            }
        }
    }
    let u: Vec<Vec<i32>> = by_ps
        .iter()
        .map(|row| row.iter().map(|lits| busy_literal(sat, lits)).collect())
        .collect();
    // Up to here every run encodes the same variables in the same order.
    sat.share_up_to(sat.next_var - 1);

    // Tables. When every meeting is a pair, the participants busy in a slot
    // number twice its meetings, so "at most twice its tables busy" says the
    // same on the busy literals the breaks are built from. The busy-cap run
    // states it only that way.
    let pairs = problem.meetings.iter().all(|m| m.participants.len() == 2);
    for (s, lits) in by_slot.iter().enumerate() {
        if redundant.busy_cap && pairs {
            let col: Vec<i32> = u
                .iter()
                .map(|row| row[s])
                .filter(|&l| l != -sat.truth)
                .collect();
            at_most(sat, &col, 2 * problem.slots[s].tables as usize);
        } else {
            at_most(sat, lits, problem.slots[s].tables as usize);
        }
    }

    if problem.has_slot_conflicts() {
        for row in &u {
            for a in 0..ns {
                for b in a + 1..ns {
                    if !problem.compatible_slots(a, b) {
                        sat.clause(&[-row[a], -row[b]]);
                    }
                }
            }
        }
    }

    encode_precedences(problem, sat, &x, &placed);

    if problem.require_all {
        for (p, row) in u.iter().enumerate() {
            let n = meetings_of[p].len();
            if n == 0 {
                continue;
            }
            let mut t = Totalizer::new(sat, row, n + 1, true);
            if let Some(l) = t.at_least(sat, n) {
                sat.clause(&[l]);
            }
            if let Some(l) = t.at_least(sat, n + 1) {
                sat.clause(&[-l]);
            }
        }
    }

    let cost = encode_breaks(problem, sat, &u, &meetings_of, &domains, redundant);
    Encoding { x, cost }
}

/// `u` ⇔ one of `lits`, with at most one of them true.
fn busy_literal(sat: &mut Sat, lits: &[i32]) -> i32 {
    match lits {
        [] => -sat.truth,
        [l] => *l,
        _ => {
            at_most_one(sat, lits);
            let u = sat.var();
            let mut c = vec![-u];
            c.extend(lits);
            sat.clause(&c);
            for &l in lits {
                sat.clause(&[-l, u]);
            }
            u
        }
    }
}

/// `x[m,s]` → some `after` meeting `a` is in a slot strictly earlier than `s`,
/// through prefix literals `le[a][k]` = "a is in one of slots 0..=k".
fn encode_precedences(problem: &Problem, sat: &mut Sat, x: &[Vec<(usize, i32)>], placed: &[i32]) {
    let first = first_same_time(problem);
    let ns = problem.slots.len();
    let mut prefix: Vec<Option<Vec<i32>>> = vec![None; x.len()];
    for (m, meeting) in problem.meetings.iter().enumerate() {
        for &a in &meeting.after {
            let le = prefix[a].get_or_insert_with(|| {
                let mut at = vec![-sat.truth; ns];
                for &(s, l) in &x[a] {
                    at[s] = l;
                }
                let mut le = Vec::with_capacity(ns);
                let mut prev = -sat.truth;
                for &l in &at {
                    let v = sat.var();
                    sat.clause(&[-prev, v]);
                    sat.clause(&[-l, v]);
                    sat.clause(&[-v, prev, l]);
                    le.push(v);
                    prev = v;
                }
                le
            });
            for &(s, l) in &x[m] {
                let mut c = vec![-l];
                if first[s] > 0 {
                    c.push(le[first[s] - 1]);
                }
                if !problem.require_all {
                    c.push(-placed[a]);
                }
                sat.clause(&c);
            }
        }
    }
}

/// Break-start literals per participant, their counters, fairness, and the
/// objective's literals.
fn encode_breaks(
    problem: &Problem,
    sat: &mut Sat,
    u: &[Vec<i32>],
    meetings_of: &[Vec<usize>],
    domains: &[Vec<usize>],
    redundant: Redundant,
) -> Vec<i32> {
    let ns = problem.slots.len();
    let zero_exists = meetings_of.iter().any(|m| never_breaks(m));
    // With a participant who never breaks, fairness caps everyone at d breaks,
    // so the counters need to count only up to d + 1. Higher outputs would
    // constrain nothing, yet every break start would push values up through
    // them: on the slow benchmark cases this cap made the solver ~30 % faster.
    // General fairness needs exact counters (downward clauses too).
    let (count_up_to, exact) = match problem.fairness {
        Some(d) if zero_exists => (Some(d as usize + 1), false),
        Some(_) => (None, true),
        None => (None, false),
    };
    let mut counters: Vec<Totalizer> = Vec::with_capacity(u.len());
    for (p, row) in u.iter().enumerate() {
        let mut starts = Vec::new();
        if !never_breaks(&meetings_of[p]) {
            let mut s0 = 0;
            while s0 < ns {
                let mut s1 = s0;
                while s1 + 1 < ns && problem.slots[s1 + 1].session == problem.slots[s0].session {
                    s1 += 1;
                }
                session_breaks(sat, &row[s0..=s1], &mut starts);
                s0 = s1 + 1;
            }
        }
        let cap = count_up_to.unwrap_or(starts.len());
        counters.push(Totalizer::new(sat, &starts, cap, exact));
    }
    let mut cost = Vec::new();
    match problem.fairness {
        Some(d) if zero_exists => {
            // min_q breaks(q) = 0, so fairness is simply breaks(p) ≤ d.
            for c in &mut counters {
                if let Some(l) = c.at_least(sat, d as usize + 1) {
                    sat.clause(&[-l]);
                }
                cost.extend(c.out.iter().take(d as usize));
            }
        }
        Some(d) => {
            // General form: breaks(p) ≥ k + d implies breaks(q) ≥ k for all q
            // (the counters are exact).
            let d = d as usize;
            let outs: Vec<Vec<i32>> = counters.iter().map(|c| c.out.clone()).collect();
            for hi_out in &outs {
                for k in 1..=hi_out.len().saturating_sub(d) {
                    let hi = hi_out[k + d - 1];
                    for lo_out in &outs {
                        match lo_out.get(k - 1) {
                            Some(&lo) => sat.clause(&[-hi, lo]),
                            None => sat.clause(&[-hi]),
                        }
                    }
                }
            }
            for c in &counters {
                cost.extend(&c.out);
            }
        }
        None => {
            for c in &counters {
                cost.extend(&c.out);
            }
        }
    }
    if problem.require_all {
        let blocks: Vec<Option<Blocks>> = counters
            .iter()
            .enumerate()
            .map(|(p, counter)| {
                let &some_break = counter.out.first()?;
                no_break_block(problem, sat, &u[p], meetings_of[p].len(), some_break)
            })
            .collect();
        if redundant.partner_blocks {
            partners_blocks_meet(problem, sat, domains, &blocks);
        }
    }
    cost
}

/// Redundant: a participant with `n` meetings, all in one session, and no
/// break is busy in one block of `n` consecutive slots. The break clauses
/// imply this only through search (fill the gap, then overflow the busy
/// count). Stated directly, in two forms:
/// - span: no two busy slots are `n` or more apart, so one placed meeting
///   rules out every slot too far from it;
/// - block starts: "some break, or the block starts at one of these slots",
///   each start fixing the participant's busy slots. The solver then learns
///   about a few starts instead of many busy patterns.
///
/// Measured alternating builds on the 51 published cases over 2 s: span 364 s
/// → 335 s, then block starts 382 s → 347 s (docs/algorithms/scheduler.md).
fn no_break_block(
    problem: &Problem,
    sat: &mut Sat,
    busy: &[i32],
    n: usize,
    some_break: i32,
) -> Option<Blocks> {
    let possible: Vec<usize> = (0..busy.len()).filter(|&s| busy[s] != -sat.truth).collect();
    let (&first, &last) = (possible.first()?, possible.last()?);
    if problem.slots[first].session != problem.slots[last].session {
        return None;
    }
    for &a in &possible {
        for &b in possible.iter().filter(|&&b| b >= a + n) {
            sat.clause(&[some_break, -busy[a], -busy[b]]);
        }
    }
    let mut blocks = Blocks {
        some_break,
        starts: Vec::new(),
    };
    // No block fits when the participant has fewer possible slots than meetings;
    // then the clause below says "some break" (the hard rules fail anyway).
    for block in (first..=last)
        .filter(|&f| f + n <= last + 1)
        .map(|f| f..f + n)
    {
        if block.clone().any(|s| busy[s] == -sat.truth) {
            continue;
        }
        let start = sat.var();
        blocks.starts.push((block.clone(), start));
        for &s in &possible {
            let inside = if block.contains(&s) {
                busy[s]
            } else {
                -busy[s]
            };
            sat.clause(&[-start, inside]);
        }
    }
    let mut clause = vec![some_break];
    clause.extend(blocks.starts.iter().map(|&(_, start)| start));
    sat.clause(&clause);
    Some(blocks)
}

/// A participant's block starts (see [`no_break_block`]).
struct Blocks {
    /// "This participant has a break" (`o_p[1]`).
    some_break: i32,
    /// Each block of slots that fits, with its start literal.
    starts: Vec<(Range<usize>, i32)>,
}

/// Redundant: the blocks of two participants who share a meeting must overlap
/// in a slot the meeting may use. For each meeting, each participant p in it
/// and each block start of p: the start is impossible when its block holds
/// none of the meeting's slots; otherwise, each other participant q of the
/// meeting has a break or starts a block that shares such a slot with p's.
/// The other clauses imply this only after choosing the meeting's slot, so
/// without it the solver pairs up blocks by trial and error.
fn partners_blocks_meet(
    problem: &Problem,
    sat: &mut Sat,
    domains: &[Vec<usize>],
    blocks: &[Option<Blocks>],
) {
    for (m, meeting) in problem.meetings.iter().enumerate() {
        let domain = &domains[m];
        for &p in &meeting.participants {
            let Some(bp) = &blocks[p] else { continue };
            for (range, start) in &bp.starts {
                let usable: Vec<usize> = domain
                    .iter()
                    .copied()
                    .filter(|s| range.contains(s))
                    .collect();
                if usable.is_empty() {
                    sat.clause(&[-start]);
                    continue;
                }
                for &q in meeting.participants.iter().filter(|&&q| q != p) {
                    let Some(bq) = &blocks[q] else { continue };
                    let mut clause = vec![-start, bq.some_break];
                    clause.extend(
                        bq.starts
                            .iter()
                            .filter(|(r, _)| usable.iter().any(|s| r.contains(s)))
                            .map(|&(_, l)| l),
                    );
                    sat.clause(&clause);
                }
            }
        }
    }
}

/// Break starts of one participant in one session, given its busy literals.
fn session_breaks(sat: &mut Sat, busy: &[i32], starts: &mut Vec<i32>) {
    let n = busy.len();
    if n < 3 {
        return;
    }
    // suf[i] ⇔ busy[i] ∨ suf[i+1].
    let mut suf = vec![0; n];
    suf[n - 1] = busy[n - 1];
    for i in (0..n - 1).rev() {
        let v = sat.var();
        sat.clause(&[-busy[i], v]);
        sat.clause(&[-suf[i + 1], v]);
        sat.clause(&[-v, busy[i], suf[i + 1]]);
        suf[i] = v;
    }
    for i in 1..n - 1 {
        // bs ⇔ busy[i-1] ∧ ¬busy[i] ∧ suf[i+1].
        let bs = sat.var();
        sat.clause(&[-busy[i - 1], busy[i], -suf[i + 1], bs]);
        sat.clause(&[-bs, busy[i - 1]]);
        sat.clause(&[-bs, -busy[i]]);
        sat.clause(&[-bs, suf[i + 1]]);
        starts.push(bs);
    }
}
