//! A seeded generator of event-scale instances, for the scaling benchmark
//! (`koop schedule generate`): many participants, random pair meetings with
//! priorities, several days of sessions, and some availability removed.

use crate::model::{DayPart, Meeting, Participant, Problem, Session, Slot};

/// Size and shape of a generated event.
#[derive(Clone, Debug)]
pub struct EventSpec {
    /// Participants.
    pub participants: usize,
    /// Pair meetings (all different pairs).
    pub meetings: usize,
    /// Days.
    pub days: u32,
    /// Sessions per day (the first is the morning, the others afternoon).
    pub sessions_per_day: usize,
    /// Slots per session.
    pub slots_per_session: usize,
    /// Tables per slot.
    pub tables: u32,
    /// Fraction of (participant, slot) pairs made unavailable.
    pub unavailable: f64,
    /// Seed.
    pub seed: u64,
}

impl EventSpec {
    /// The event-scale case: 2,000 participants, 16,000 meetings,
    /// 2 days × 2 sessions × 12 slots, 400 tables, 10 % availability removed.
    pub fn event_scale(seed: u64) -> Self {
        EventSpec {
            participants: 2000,
            meetings: 16_000,
            days: 2,
            sessions_per_day: 2,
            slots_per_session: 12,
            tables: 400,
            unavailable: 0.10,
            seed,
        }
    }
}

/// Generates the instance described by `spec`. Meetings are optional
/// (`require_all = false`) with priorities 1–3, and there is no fairness bound.
pub fn generate(spec: &EventSpec) -> Problem {
    let mut rng = crate::heuristic::Rng::new(spec.seed);
    let mut sessions = Vec::new();
    let mut slots = Vec::new();
    for day in 0..spec.days {
        for k in 0..spec.sessions_per_day {
            let session = sessions.len();
            sessions.push(Session {
                name: format!("day {} session {}", day + 1, k + 1),
                venue: 0,
            });
            // 20-minute slots from 9:00 (morning) or 14:00 (afternoon).
            let first = if k == 0 {
                9 * 60
            } else {
                14 * 60 + (k as u32 - 1) * 300
            };
            for i in 0..spec.slots_per_session {
                slots.push(Slot {
                    session,
                    day,
                    start: first + 20 * i as u32,
                    duration: 20,
                    part: if k == 0 {
                        DayPart::Morning
                    } else {
                        DayPart::Afternoon
                    },
                    tables: spec.tables,
                });
            }
        }
    }
    let ns = slots.len();
    let participants = (0..spec.participants)
        .map(|p| Participant {
            name: format!("participant {}", p + 1),
            unavailable: (0..ns)
                .filter(|_| (rng.next() as f64 / u64::MAX as f64) < spec.unavailable)
                .collect(),
            only: None,
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut meetings = Vec::with_capacity(spec.meetings);
    let max_pairs = spec.participants * spec.participants.saturating_sub(1) / 2;
    while meetings.len() < spec.meetings.min(max_pairs) {
        let a = rng.below(spec.participants);
        let b = rng.below(spec.participants);
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        meetings.push(Meeting {
            participants: vec![a, b],
            priority: 1 + rng.below(3) as u32,
            fixed_slot: None,
            forbidden_slots: Vec::new(),
            after: Vec::new(),
            only: None,
        });
    }
    Problem {
        venues: vec!["exhibition centre".into()],
        travel: Vec::new(),
        sessions,
        slots,
        participants,
        meetings,
        fairness: None,
        require_all: false,
    }
}

/// A change for the rescheduling benchmark: cancel `cancel_fraction` of the
/// meetings and add `add_fraction` new pair meetings, chosen by `seed`.
pub fn random_change(
    problem: &Problem,
    cancel_fraction: f64,
    add_fraction: f64,
    seed: u64,
) -> crate::reschedule::Change {
    let mut rng = crate::heuristic::Rng::new(seed ^ 0x00C4_A26E);
    let nm = problem.meetings.len();
    let np = problem.participants.len();
    let n_cancel = (nm as f64 * cancel_fraction).round() as usize;
    let n_add = (nm as f64 * add_fraction).round() as usize;
    let mut order: Vec<usize> = (0..nm).collect();
    for i in (1..nm).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut cancelled: Vec<usize> = order[..n_cancel.min(nm)].to_vec();
    cancelled.sort_unstable();
    let mut seen: std::collections::HashSet<(usize, usize)> = problem
        .meetings
        .iter()
        .filter(|m| m.participants.len() == 2)
        .map(|m| {
            (
                m.participants[0].min(m.participants[1]),
                m.participants[0].max(m.participants[1]),
            )
        })
        .collect();
    let mut added = Vec::with_capacity(n_add);
    let mut tries = 0;
    while added.len() < n_add && np >= 2 && tries < 100 * (n_add + 1) {
        tries += 1;
        let (a, b) = (rng.below(np), rng.below(np));
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        added.push(Meeting {
            participants: vec![a, b],
            priority: 1 + rng.below(3) as u32,
            fixed_slot: None,
            forbidden_slots: Vec::new(),
            after: Vec::new(),
            only: None,
        });
    }
    crate::reschedule::Change {
        cancelled,
        added,
        leaving: Vec::new(),
    }
}
