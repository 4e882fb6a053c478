//! A partial schedule with the bookkeeping needed to test and score moves in
//! constant-ish time: who is busy in which slot, how full each slot is, and
//! each participant's break count.

use std::time::Instant;

use super::Rng;
use crate::domain::meeting_domains;
use crate::model::Problem;

const FREE: u32 = u32::MAX;

/// A partial schedule under construction.
pub(crate) struct State<'a> {
    problem: &'a Problem,
    /// Slots each meeting may use (unary rules only).
    pub domains: Vec<Vec<usize>>,
    /// Meetings of each participant.
    pub meetings_of: Vec<Vec<usize>>,
    /// Current slot of each meeting.
    pub slot_of: Vec<Option<usize>>,
    /// `busy[p][t]`: the meeting `p` has in slot `t`, or `FREE`.
    busy: Vec<Vec<u32>>,
    /// Meetings per slot.
    load: Vec<u32>,
    /// First and last slot of each slot's session.
    session_span: Vec<(usize, usize)>,
    /// Slots a participant cannot combine with each slot (overlap or travel).
    incompatible: Vec<Vec<usize>>,
    /// Meetings that must come after each meeting.
    successors: Vec<Vec<usize>>,
    /// Breaks per participant.
    pub breaks: Vec<u32>,
    /// The most breaks a participant may have (the fairness bound, applied as
    /// if the least-broken participant had none: stricter, so always fair).
    limit: u32,
    /// Meetings that should stay where they are unless a new meeting needs
    /// room (rescheduling). Local search never moves them.
    pub pinned: Vec<bool>,
}

impl<'a> State<'a> {
    /// An empty schedule for `problem`.
    pub fn new(problem: &'a Problem) -> Self {
        let ns = problem.slots.len();
        // Each slot's session as (first slot, last slot).
        let mut session_span = Vec::with_capacity(ns);
        let mut lo = 0;
        for t in 0..ns {
            if t > 0 && problem.slots[t].session != problem.slots[t - 1].session {
                lo = t;
            }
            let mut hi = t;
            while hi + 1 < ns && problem.slots[hi + 1].session == problem.slots[t].session {
                hi += 1;
            }
            session_span.push((lo, hi));
        }
        let incompatible = if problem.has_slot_conflicts() {
            (0..ns)
                .map(|a| {
                    (0..ns)
                        .filter(|&b| a != b && !problem.compatible_slots(a, b))
                        .collect()
                })
                .collect()
        } else {
            vec![Vec::new(); ns]
        };
        let mut successors = vec![Vec::new(); problem.meetings.len()];
        for (m, meeting) in problem.meetings.iter().enumerate() {
            for &a in &meeting.after {
                successors[a].push(m);
            }
        }
        State {
            problem,
            domains: meeting_domains(problem),
            meetings_of: problem.meetings_of(),
            slot_of: vec![None; problem.meetings.len()],
            busy: vec![vec![FREE; ns]; problem.participants.len()],
            load: vec![0; ns],
            session_span,
            incompatible,
            successors,
            breaks: vec![0; problem.participants.len()],
            limit: problem.fairness.unwrap_or(u32::MAX),
            pinned: vec![false; problem.meetings.len()],
        }
    }

    /// Whether `m` could be held in `t`, treating meeting `ignore` (and `m`
    /// itself) as absent.
    pub fn feasible(&self, m: usize, t: usize, ignore: Option<usize>) -> bool {
        let absent = |x: u32| x == FREE || x as usize == m || Some(x as usize) == ignore;
        let here = |x: Option<usize>| x == Some(m) || x == ignore;
        let at_t_already =
            self.slot_of[m] == Some(t) || ignore.is_some_and(|i| self.slot_of[i] == Some(t));
        if !at_t_already && self.load[t] >= self.problem.slots[t].tables {
            return false;
        }
        for &p in &self.problem.meetings[m].participants {
            if !absent(self.busy[p][t]) {
                return false;
            }
            if self.incompatible[t]
                .iter()
                .any(|&o| !absent(self.busy[p][o]))
            {
                return false;
            }
        }
        let before_ok = self.problem.meetings[m].after.iter().all(|&a| {
            here(Some(a)) || self.slot_of[a].is_none_or(|sa| self.problem.earlier(sa, t))
        });
        let after_ok = self.successors[m].iter().all(|&s| {
            here(Some(s)) || self.slot_of[s].is_none_or(|ss| self.problem.earlier(t, ss))
        });
        before_ok && after_ok
    }

    /// Idle gaps of `p` in the session `[lo, hi]`, with slot `add` counted as
    /// busy and `remove` as free.
    fn gaps(
        &self,
        p: usize,
        (lo, hi): (usize, usize),
        add: Option<usize>,
        remove: Option<usize>,
    ) -> u32 {
        let mut gaps = 0;
        let mut seen_busy = false;
        let mut idle = false;
        for t in lo..=hi {
            let busy = (self.busy[p][t] != FREE && Some(t) != remove) || Some(t) == add;
            if busy {
                if seen_busy && idle {
                    gaps += 1;
                }
                seen_busy = true;
                idle = false;
            } else {
                idle = true;
            }
        }
        gaps
    }

    /// Change in total breaks if `m` moves from its slot to `to` (or is
    /// removed when `to` is `None`); `None` when a participant would exceed
    /// the fairness limit.
    pub fn delta(&self, m: usize, to: Option<usize>) -> Option<i64> {
        let from = self.slot_of[m];
        let mut total = 0i64;
        for &p in &self.problem.meetings[m].participants {
            let mut spans = Vec::with_capacity(2);
            for t in [from, to].into_iter().flatten() {
                let span = self.session_span[t];
                if !spans.contains(&span) {
                    spans.push(span);
                }
            }
            let mut after = i64::from(self.breaks[p]);
            for &span in &spans {
                after -= i64::from(self.gaps(p, span, None, None));
                after += i64::from(self.gaps(p, span, to, from));
            }
            if after > i64::from(self.limit) && after > i64::from(self.breaks[p]) {
                return None;
            }
            total += after - i64::from(self.breaks[p]);
        }
        Some(total)
    }

    /// The feasible slot for unplaced-or-moving `m` with the smallest break
    /// change; ties go to the fuller slot (packing leaves room elsewhere),
    /// then the earlier one.
    pub fn best_slot(&self, m: usize, ignore: Option<usize>) -> Option<usize> {
        let mut best: Option<(i64, u32, usize)> = None;
        for &t in &self.domains[m] {
            if Some(t) == self.slot_of[m] || !self.feasible(m, t, ignore) {
                continue;
            }
            let Some(d) = self.delta(m, Some(t)) else {
                continue;
            };
            let key = (d, u32::MAX - self.load[t], t);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
        best.map(|b| b.2)
    }

    /// Puts unplaced `m` in slot `t`.
    pub fn place(&mut self, m: usize, t: usize) {
        debug_assert!(self.slot_of[m].is_none());
        for &p in &self.problem.meetings[m].participants {
            let span = self.session_span[t];
            let before = self.gaps(p, span, None, None);
            self.busy[p][t] = m as u32;
            let after = self.gaps(p, span, None, None);
            self.breaks[p] = self.breaks[p] + after - before;
        }
        self.load[t] += 1;
        self.slot_of[m] = Some(t);
    }

    /// Takes `m` out of the schedule.
    pub fn unplace(&mut self, m: usize) {
        let Some(t) = self.slot_of[m] else { return };
        for &p in &self.problem.meetings[m].participants {
            let span = self.session_span[t];
            let before = self.gaps(p, span, None, None);
            self.busy[p][t] = FREE;
            let after = self.gaps(p, span, None, None);
            self.breaks[p] = self.breaks[p] + after - before;
        }
        self.load[t] -= 1;
        self.slot_of[m] = None;
    }

    /// For each unplaced meeting, tries to make room by moving one meeting
    /// that blocks a participant in one of its slots. Unpinned blockers are
    /// tried before pinned ones. Returns whether anything was placed.
    pub fn repair_unplaced(&mut self, order: &[usize], deadline: Instant) -> bool {
        let mut any = false;
        for &m in order {
            if self.slot_of[m].is_some() {
                continue;
            }
            if Instant::now() >= deadline {
                break;
            }
            if let Some(t) = self.best_slot(m, None) {
                self.place(m, t);
                any = true;
                continue;
            }
            'pinned: for allow_pinned in [false, true] {
                for i in 0..self.domains[m].len() {
                    let t = self.domains[m][i];
                    let Some(b) = self.single_blocker(m, t) else {
                        continue;
                    };
                    if self.pinned[b] != allow_pinned || !self.feasible(m, t, Some(b)) {
                        continue;
                    }
                    let old = self.slot_of[b];
                    self.unplace(b);
                    if self.delta(m, Some(t)).is_some() {
                        self.place(m, t);
                        if let Some(nt) = self.best_slot(b, None) {
                            self.place(b, nt);
                            any = true;
                            break 'pinned;
                        }
                        self.unplace(m);
                    }
                    if let Some(o) = old {
                        self.place(b, o);
                    }
                }
            }
        }
        any
    }

    /// The one meeting keeping `m`'s participants out of slot `t`, if exactly
    /// one does (and the slot has a free table).
    fn single_blocker(&self, m: usize, t: usize) -> Option<usize> {
        if self.load[t] >= self.problem.slots[t].tables {
            return None;
        }
        let mut blocker = None;
        for &p in &self.problem.meetings[m].participants {
            for o in std::iter::once(t).chain(self.incompatible[t].iter().copied()) {
                let x = self.busy[p][o];
                if x != FREE {
                    match blocker {
                        None => blocker = Some(x as usize),
                        Some(b) if b == x as usize => {}
                        Some(_) => return None,
                    }
                }
            }
        }
        blocker
    }

    /// One pass of moves that lower the total breaks, in seeded random order.
    /// Returns whether any move was made.
    pub fn improve_breaks(&mut self, rng: &mut Rng, deadline: Instant) -> bool {
        let mut order: Vec<usize> = (0..self.slot_of.len())
            .filter(|&m| self.slot_of[m].is_some() && !self.pinned[m])
            .collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut any = false;
        for (k, &m) in order.iter().enumerate() {
            if k % 256 == 0 && Instant::now() >= deadline {
                break;
            }
            let touches_break = self.problem.meetings[m]
                .participants
                .iter()
                .any(|&p| self.breaks[p] > 0);
            if !touches_break {
                continue;
            }
            if let Some(t) = self.best_slot(m, None)
                && self.delta(m, Some(t)).is_some_and(|d| d < 0)
            {
                self.unplace(m);
                self.place(m, t);
                any = true;
            }
        }
        any
    }

    /// Ruin and recreate: take out the meetings of one participant who has a
    /// break, put them back one by one in the best slots (random order), and
    /// keep the result only if no fewer meetings are placed and the breaks of
    /// everyone involved did not grow. Returns whether it improved.
    pub fn ruin_and_recreate(&mut self, rng: &mut Rng) -> bool {
        let with_breaks: Vec<usize> = (0..self.breaks.len())
            .filter(|&p| self.breaks[p] > 0)
            .collect();
        if with_breaks.is_empty() {
            return false;
        }
        let p = with_breaks[rng.below(with_breaks.len())];
        let mut taken: Vec<usize> = self.meetings_of[p]
            .iter()
            .copied()
            .filter(|&m| self.slot_of[m].is_some() && !self.pinned[m])
            .collect();
        for i in (1..taken.len()).rev() {
            taken.swap(i, rng.below(i + 1));
        }
        let mut people: Vec<usize> = taken
            .iter()
            .flat_map(|&m| self.problem.meetings[m].participants.iter().copied())
            .collect();
        people.sort_unstable();
        people.dedup();
        let before: u32 = people.iter().map(|&q| self.breaks[q]).sum();
        let old: Vec<Option<usize>> = taken.iter().map(|&m| self.slot_of[m]).collect();
        for &m in &taken {
            self.unplace(m);
        }
        let mut placed_all = true;
        for &m in &taken {
            match self.best_slot(m, None) {
                Some(t) => self.place(m, t),
                None => placed_all = false,
            }
        }
        let after: u32 = people.iter().map(|&q| self.breaks[q]).sum();
        if placed_all && after < before {
            return true;
        }
        if placed_all && after == before {
            // A sideways step: keep it, it diversifies the search.
            return false;
        }
        for &m in &taken {
            self.unplace(m);
        }
        for (&m, &t) in taken.iter().zip(&old) {
            if let Some(t) = t {
                self.place(m, t);
            }
        }
        false
    }
}
