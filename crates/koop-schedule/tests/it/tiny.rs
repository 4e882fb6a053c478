//! Tiny random problems for property tests and the brute-force oracle.

use koop_schedule::{DayPart, Meeting, Participant, Problem, Session, Slot};
use proptest::prelude::*;

/// A problem with 2–5 participants, 2–5 slots in one or two sessions,
/// 1–3 tables and 1–5 pair meetings, some unavailability, maybe a fixed slot
/// and a precedence. All meetings must be placed.
pub fn tiny_problem() -> impl Strategy<Value = Problem> {
    (
        2usize..=5,
        2usize..=5,
        1u32..=3,
        any::<bool>(),
        prop::option::of(0u32..=2),
    )
        .prop_flat_map(|(np, ns, tables, two_sessions, fairness)| {
            let pair = (0..np, 0..np - 1).prop_map(move |(a, b)| {
                let b = if b >= a { b + 1 } else { b };
                (a, b)
            });
            (
                prop::collection::vec(pair, 1..=5),
                prop::collection::vec(prop::collection::vec(0..ns, 0..=1), np),
                prop::option::of((0usize..5, 0..ns)),
                prop::option::of((0usize..5, 0usize..5)),
            )
                .prop_map(move |(pairs, unavailable, fixed, after)| {
                    build(
                        np,
                        ns,
                        tables,
                        two_sessions,
                        fairness,
                        &pairs,
                        unavailable,
                        fixed,
                        after,
                    )
                })
        })
}

/// A problem from its parts (also used by hand-written cases elsewhere):
/// `ns` slots of 30 minutes, split into a morning and an afternoon session
/// when `two_sessions`, and one pair meeting per entry of `pairs`.
#[allow(clippy::too_many_arguments)]
pub fn build(
    np: usize,
    ns: usize,
    tables: u32,
    two_sessions: bool,
    fairness: Option<u32>,
    pairs: &[(usize, usize)],
    unavailable: Vec<Vec<usize>>,
    fixed: Option<(usize, usize)>,
    after: Option<(usize, usize)>,
) -> Problem {
    let split = if two_sessions { ns / 2 } else { ns };
    let slots = (0..ns)
        .map(|s| Slot {
            session: usize::from(s >= split && two_sessions && split > 0),
            day: 0,
            start: s as u32 * 30 + if s >= split { 60 } else { 0 },
            duration: 30,
            part: if s >= split {
                DayPart::Afternoon
            } else {
                DayPart::Morning
            },
            tables,
        })
        .collect::<Vec<_>>();
    let n_sessions = slots.iter().map(|s| s.session).max().unwrap_or(0) + 1;
    let mut meetings: Vec<Meeting> = pairs
        .iter()
        .map(|&(a, b)| Meeting {
            participants: vec![a, b],
            priority: 1,
            fixed_slot: None,
            forbidden_slots: Vec::new(),
            after: Vec::new(),
            only: None,
        })
        .collect();
    if let Some((m, s)) = fixed
        && m < meetings.len()
    {
        meetings[m].fixed_slot = Some(s);
    }
    if let Some((m, a)) = after
        && m < meetings.len()
        && a < meetings.len()
        && m != a
    {
        meetings[m].after.push(a);
    }
    Problem {
        venues: vec!["hall".into()],
        travel: Vec::new(),
        sessions: (0..n_sessions)
            .map(|i| Session {
                name: format!("s{i}"),
                venue: 0,
            })
            .collect(),
        slots,
        participants: unavailable
            .into_iter()
            .enumerate()
            .map(|(p, unavailable)| Participant {
                name: format!("p{p}"),
                unavailable,
                only: None,
            })
            .collect(),
        meetings,
        fairness,
        require_all: true,
    }
    .tap_check(np)
}

trait TapCheck {
    fn tap_check(self, np: usize) -> Self;
}

impl TapCheck for Problem {
    fn tap_check(self, np: usize) -> Self {
        assert_eq!(self.participants.len(), np);
        self.check().expect("generated problems are well-formed");
        self
    }
}
