//! Large-neighbourhood search: the route for problems the exact model cannot
//! finish in time. It starts from a complete schedule (the heuristic's, built
//! without the fairness bound so that every meeting gets a slot), then again and
//! again frees the meetings of a few participants, re-solves just that part with
//! the exact SAT model while the rest of the schedule stays where it is, and
//! keeps the result when it is no worse.
//!
//! A part is solved exactly, so its participants' breaks and the fairness bound
//! are as good as they can be given the rest; moving from part to part walks the
//! whole schedule down. The first phase aims its parts at participants over the
//! fairness bound until none is; the second at participants with breaks.
//!
//! The part is a problem of its own ([`Part::problem`]): the freed meetings, the
//! other meetings of everyone in them (fixed in their slots, so breaks count
//! exactly), each slot's tables less the meetings left out, and, where someone
//! outside the part never has a break, a stand-in participant without meetings
//! so that the part's fairness means "at most `d` breaks each", as the whole's
//! does. Each merged schedule passes the validator before it is kept.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::heuristic::Rng;
use crate::model::{Meeting, Participant, Problem, Schedule};
use crate::sat::portfolio::{Answer, Run, run_portfolio};
use crate::validate::{count_breaks, validate};

/// The freed meetings of one step and the problem that re-solves them.
struct Part {
    problem: Problem,
    /// For each meeting of `problem`, the meeting of the whole it stands for.
    origin: Vec<usize>,
    /// How many of them (the first ones) are free to move.
    free: usize,
}

/// How many participants a step frees at first, and the bounds it adapts in.
const FIRST_GROUP: usize = 4;
const MIN_GROUP: usize = 2;
const MAX_GROUP: usize = 24;
/// Steps quicker than this let the next part grow by one participant; slower
/// ones than [`SLOW_STEP`] shrink it.
const QUICK_STEP: Duration = Duration::from_millis(60);
const SLOW_STEP: Duration = Duration::from_millis(250);
/// The longest one step may take: a part that does not finish is given up and
/// the next one is smaller.
const STEP_LIMIT: Duration = Duration::from_secs(2);
/// Steps in a row without a better schedule after which the search ends: it
/// has walked round the schedule many times and found nothing.
const STALL_STEPS: usize = 300;
/// Parts tried around an optional meeting without a slot before it is left out.
const INSERT_TRIES: u32 = 3;

/// What the search ended with.
pub(crate) struct Searched {
    /// The best schedule found (complete when the start was).
    pub slots: Vec<Option<usize>>,
    /// Steps taken and steps that improved, for the report.
    pub steps: usize,
    /// Steps whose result was kept with fewer breaks or fewer participants over
    /// the bound.
    pub improved: usize,
}

/// Improves `start` (a schedule that places every meeting it can) until
/// `deadline`, with the portfolio `runs` on each part.
pub(crate) fn search(
    problem: &Problem,
    start: Vec<Option<usize>>,
    lower_bound: u32,
    runs: &[Run],
    seed: u64,
    deadline: Instant,
    cancel: Option<&AtomicBool>,
) -> Searched {
    let mut rng = Rng::new(seed);
    let mut slots = start;
    let meetings_of = problem.meetings_of();
    let mut group = FIRST_GROUP;
    let (mut steps, mut improved, mut stalled) = (0, 0, 0);
    let cap = problem.fairness;
    let mut tries = vec![0u32; problem.meetings.len()];
    let mut blocked = vec![false; problem.meetings.len()];
    // Every rule but "all placed", which the score counts instead.
    let mut relaxed = problem.clone();
    relaxed.require_all = false;
    loop {
        let now = Instant::now();
        if now >= deadline || cancel.is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed)) {
            break;
        }
        let schedule = Schedule::from_slots(&slots, problem.slots.len());
        let breaks = count_breaks(problem, &schedule);
        let min = breaks.iter().copied().min().unwrap_or(0);
        // First the meetings without a slot, then those over the fairness bound,
        // then anyone with breaks. Where meetings are optional, every other step
        // works on breaks, so that meetings that fit nowhere do not hold it up.
        let unplaced: Vec<usize> = (0..slots.len())
            .filter(|&m| slots[m].is_none() && !blocked[m])
            .collect();
        let over: Vec<usize> = match cap {
            Some(d) => (0..breaks.len()).filter(|&p| breaks[p] > min + d).collect(),
            None => vec![],
        };
        let insert = !unplaced.is_empty() && (problem.require_all || steps % 2 == 0);
        let (targets, adding): (Vec<usize>, Option<usize>) = if insert {
            let m = unplaced[rng.below(unplaced.len())];
            (problem.meetings[m].participants.clone(), Some(m))
        } else if !over.is_empty() {
            (over.clone(), None)
        } else {
            ((0..breaks.len()).filter(|&p| breaks[p] > 0).collect(), None)
        };
        let total: u32 = breaks.iter().sum();
        let done = unplaced.is_empty() && over.is_empty() && total <= lower_bound;
        if targets.is_empty() || done || stalled >= STALL_STEPS {
            break;
        }
        steps += 1;
        stalled += 1;
        let centre = targets[rng.below(targets.len())];
        let mut people = group_around(problem, &slots, &meetings_of, centre, group, &[], &mut rng);
        if let Some(m) = adding {
            for &p in &problem.meetings[m].participants {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
        }
        let step_deadline = deadline.min(now + STEP_LIMIT);
        // On breaks, two parts with nobody in common are solved side by side,
        // one run each (both cores), with the free tables of each slot shared
        // between them; the second is merged after the first, validated again.
        if adding.is_none() && over.is_empty() && runs.len() >= 2 {
            let pair = two_parts(
                problem,
                &slots,
                &meetings_of,
                &people,
                &targets,
                &breaks,
                group,
                &mut rng,
            );
            if let Some((a, b)) = pair {
                let (fa, fb) = std::thread::scope(|scope| {
                    let ha = scope
                        .spawn(|| run_portfolio(&a.problem, &runs[..1], step_deadline, cancel));
                    let fb = run_portfolio(&b.problem, &runs[1..2], step_deadline, cancel);
                    (ha.join().ok(), fb)
                });
                let mut kept_any = false;
                for (part, found) in [(a, fa), (b, Some(fb))] {
                    let Some(Answer::Optimal(sub)) = found.and_then(|f| f.answer) else {
                        continue;
                    };
                    if let Some(better) = merged(problem, &relaxed, &slots, &part, &sub, cap) {
                        kept_any |= better.1;
                        slots = better.0;
                    }
                }
                if kept_any {
                    improved += 1;
                    stalled = 0;
                }
                adapt(&mut group, now.elapsed());
                continue;
            }
        }
        let Some(part) = cut(
            problem,
            &slots,
            &meetings_of,
            &people,
            &breaks,
            adding,
            &Limits::default(),
        ) else {
            continue;
        };
        let found = run_portfolio(&part.problem, runs, step_deadline, cancel);
        let Some(Answer::Optimal(sub)) = found.answer else {
            // Too big to finish in a step, or no way to keep the bound here:
            // a smaller part next time. A meeting that fits in no part around
            // it after a few tries is left for the end.
            group = (group - 1).max(MIN_GROUP);
            if let Some(m) = adding {
                tries[m] += 1;
                blocked[m] = tries[m] >= INSERT_TRIES && !problem.require_all;
            }
            continue;
        };
        if let Some((next, better)) = merged(problem, &relaxed, &slots, &part, &sub, cap) {
            if better {
                improved += 1;
                stalled = 0;
            }
            slots = next;
        }
        // A part that freed every meeting there is solved the whole: nothing
        // better exists with these meetings placed.
        let whole = part.free == slots.iter().filter(|x| x.is_some()).count();
        if whole && unplaced.is_empty() && over.is_empty() {
            break;
        }
        // Parts that finish quickly may grow; slow ones shrink, so that the
        // search takes many steps (a few dozen meetings each) in its time.
        adapt(&mut group, now.elapsed());
    }
    Searched {
        slots,
        steps,
        improved,
    }
}

/// Lets the next part grow after a quick step and shrink after a slow one.
fn adapt(group: &mut usize, took: Duration) {
    if took < QUICK_STEP {
        *group = (*group + 1).min(MAX_GROUP);
    } else if took > SLOW_STEP {
        *group = (*group - 1).max(MIN_GROUP);
    }
}

/// `slots` with a part's answer `sub` put in, and whether that is strictly
/// better; `None` when it is worse, or breaks a rule of the whole (fairness over
/// everyone included) once the bound holds.
fn merged(
    problem: &Problem,
    relaxed: &Problem,
    slots: &[Option<usize>],
    part: &Part,
    sub: &[Option<usize>],
    cap: Option<u32>,
) -> Option<(Vec<Option<usize>>, bool)> {
    let mut next = slots.to_vec();
    for (i, &m) in part.origin.iter().enumerate().take(part.free) {
        next[m] = sub[i];
    }
    let score = |s: &[Option<usize>]| {
        let b = count_breaks(problem, &Schedule::from_slots(s, problem.slots.len()));
        let min = b.iter().copied().min().unwrap_or(0);
        let over = cap.map_or(0, |d| b.iter().filter(|&&x| x > min + d).count());
        let missing = s.iter().filter(|x| x.is_none()).count();
        (missing, over, b.iter().map(|&x| x as u64).sum::<u64>())
    };
    let (before, after) = (score(slots), score(&next));
    let valid = after.1 > 0
        || validate(relaxed, &Schedule::from_slots(&next, problem.slots.len())).is_valid();
    (valid && after <= before).then_some((next, after < before))
}

/// Two parts for one step side by side: the first around `people`, the second
/// around another participant with breaks who shares no member with it. Each
/// slot's free tables are split between them, so that both answers fit at once.
#[allow(clippy::too_many_arguments)]
fn two_parts(
    problem: &Problem,
    slots: &[Option<usize>],
    meetings_of: &[Vec<usize>],
    people: &[usize],
    targets: &[usize],
    breaks: &[u32],
    group: usize,
    rng: &mut Rng,
) -> Option<(Part, Part)> {
    let mut load = vec![0u32; problem.slots.len()];
    for t in slots.iter().flatten() {
        load[*t] += 1;
    }
    let spare: Vec<u32> = problem
        .slots
        .iter()
        .zip(&load)
        .map(|(s, l)| s.tables.saturating_sub(*l))
        .collect();
    let first_limits = Limits {
        excluded: vec![],
        reserve: spare.iter().map(|x| x - x / 2).collect(),
    };
    let first = cut(
        problem,
        slots,
        meetings_of,
        people,
        breaks,
        None,
        &first_limits,
    )?;
    let mut excluded = vec![false; problem.participants.len()];
    for &m in &first.origin[..first.free] {
        for &p in &problem.meetings[m].participants {
            excluded[p] = true;
        }
    }
    let others: Vec<usize> = targets.iter().copied().filter(|&p| !excluded[p]).collect();
    if others.is_empty() {
        return None;
    }
    let centre = others[rng.below(others.len())];
    let second_people = group_around(problem, slots, meetings_of, centre, group, &excluded, rng);
    let second_limits = Limits {
        excluded,
        reserve: spare.iter().map(|x| x / 2).collect(),
    };
    let second = cut(
        problem,
        slots,
        meetings_of,
        &second_people,
        breaks,
        None,
        &second_limits,
    )?;
    Some((first, second))
}

/// `centre` and up to `size - 1` others: its partners first (they share its
/// meetings), then their partners, in a seeded order.
fn group_around(
    problem: &Problem,
    slots: &[Option<usize>],
    meetings_of: &[Vec<usize>],
    centre: usize,
    size: usize,
    excluded: &[bool],
    rng: &mut Rng,
) -> Vec<usize> {
    let mut people = vec![centre];
    let mut frontier = 0;
    while people.len() < size && frontier < people.len() {
        let p = people[frontier];
        frontier += 1;
        let mut partners: Vec<usize> = meetings_of[p]
            .iter()
            .filter(|&&m| slots[m].is_some())
            .flat_map(|&m| problem.meetings[m].participants.iter().copied())
            .filter(|q| !people.contains(q) && !excluded.get(*q).copied().unwrap_or(false))
            .collect();
        partners.sort_unstable();
        partners.dedup();
        // Seeded shuffle, so that repeated steps around one participant differ.
        for i in (1..partners.len()).rev() {
            partners.swap(i, rng.below(i + 1));
        }
        for q in partners {
            if people.len() >= size {
                break;
            }
            people.push(q);
        }
    }
    people
}

/// What a part may not touch when another part is solved beside it: the other
/// part's members, and the free tables kept for it.
#[derive(Default)]
struct Limits {
    excluded: Vec<bool>,
    reserve: Vec<u32>,
}

/// The part that frees every placed meeting of `people` (none of whom is
/// `limits.excluded`, and no meeting with someone who is).
fn cut(
    problem: &Problem,
    slots: &[Option<usize>],
    meetings_of: &[Vec<usize>],
    people: &[usize],
    breaks: &[u32],
    adding: Option<usize>,
    limits: &Limits,
) -> Option<Part> {
    let mut is_free = vec![false; problem.meetings.len()];
    let mut origin: Vec<usize> = Vec::new();
    if let Some(m) = adding {
        is_free[m] = true;
        origin.push(m);
    }
    for &p in people {
        for &m in &meetings_of[p] {
            let touches_other = problem.meetings[m]
                .participants
                .iter()
                .any(|&q| limits.excluded.get(q).copied().unwrap_or(false));
            if slots[m].is_some() && !is_free[m] && !touches_other {
                is_free[m] = true;
                origin.push(m);
            }
        }
    }
    let free = origin.len();
    if free == 0 {
        return None;
    }
    // Everyone in a freed meeting, with all their other meetings fixed in place.
    let mut index = vec![usize::MAX; problem.participants.len()];
    let mut members: Vec<usize> = Vec::new();
    for &m in &origin[..free] {
        for &p in &problem.meetings[m].participants {
            if index[p] == usize::MAX {
                index[p] = members.len();
                members.push(p);
            }
        }
    }
    let mut included = is_free.clone();
    for &p in &members {
        for &m in &meetings_of[p] {
            if slots[m].is_some() && !included[m] {
                included[m] = true;
                origin.push(m);
            }
        }
    }
    let mut tables: Vec<u32> = problem
        .slots
        .iter()
        .enumerate()
        .map(|(t, s)| {
            s.tables
                .saturating_sub(limits.reserve.get(t).copied().unwrap_or(0))
        })
        .collect();
    for (m, slot) in slots.iter().enumerate() {
        if let (false, Some(t)) = (included[m], slot) {
            tables[*t] = tables[*t].saturating_sub(1);
        }
    }
    let mut participants: Vec<Participant> = members
        .iter()
        .map(|&p| problem.participants[p].clone())
        .collect();
    // Someone outside who never has a break holds the whole's minimum at 0; a
    // stand-in without meetings holds the part's there too.
    let outside_min = (0..problem.participants.len())
        .filter(|&p| index[p] == usize::MAX)
        .map(|p| breaks[p])
        .min();
    if problem.fairness.is_some() && outside_min == Some(0) {
        participants.push(Participant {
            name: "stand-in".into(),
            ..Participant::default()
        });
    }
    let position = |m: usize| origin.iter().position(|&x| x == m);
    let mut meetings = Vec::with_capacity(origin.len());
    for (i, &m) in origin.iter().enumerate() {
        let whole = &problem.meetings[m];
        let mut forbidden = whole.forbidden_slots.clone();
        let mut after = Vec::new();
        if i < free {
            // Order rules with meetings outside the part become slot rules.
            for &a in &whole.after {
                match (position(a), slots[a]) {
                    (Some(j), _) => after.push(j),
                    (None, Some(sa)) => forbidden
                        .extend((0..problem.slots.len()).filter(|&t| !problem.earlier(sa, t))),
                    (None, None) => {}
                }
            }
            for (s, later) in problem.meetings.iter().enumerate() {
                if later.after.contains(&m)
                    && position(s).is_none()
                    && let Some(ss) = slots[s]
                {
                    forbidden.extend((0..problem.slots.len()).filter(|&t| !problem.earlier(t, ss)));
                }
            }
            forbidden.sort_unstable();
            forbidden.dedup();
        }
        meetings.push(Meeting {
            // A fixed meeting keeps only the part's members: its other side's
            // meetings all stay where they are, so their breaks do not change.
            participants: whole
                .participants
                .iter()
                .filter(|&&p| index[p] != usize::MAX)
                .map(|&p| index[p])
                .collect(),
            priority: whole.priority,
            fixed_slot: if i < free { whole.fixed_slot } else { slots[m] },
            forbidden_slots: if i < free { forbidden } else { vec![] },
            after,
            only: whole.only,
        });
    }
    let mut slots_of_part = problem.slots.clone();
    for (s, t) in slots_of_part.iter_mut().zip(&tables) {
        s.tables = *t;
    }
    Some(Part {
        problem: Problem {
            venues: problem.venues.clone(),
            travel: problem.travel.clone(),
            sessions: problem.sessions.clone(),
            slots: slots_of_part,
            participants,
            meetings,
            fairness: problem.fairness,
            require_all: true,
        },
        origin,
        free,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sat::Phase;
    use crate::sat::encode::Redundant;

    const ONE_RUN: [Run; 1] = [Run {
        redundant: Redundant {
            busy_cap: false,
            partner_blocks: true,
        },
        config: "sat",
        phase: Phase::True,
        any_schedule_first: true,
    }];

    fn row_of_four(pairs: &[(usize, usize)], people: usize) -> Problem {
        let slot = |start| crate::model::Slot {
            session: 0,
            day: 0,
            start,
            duration: 20,
            part: crate::model::DayPart::Morning,
            tables: 2,
        };
        Problem {
            venues: vec!["hall".into()],
            travel: vec![],
            sessions: vec![crate::model::Session::default()],
            slots: (0..4).map(|i| slot(540 + 20 * i)).collect(),
            participants: vec![Participant::default(); people],
            meetings: pairs
                .iter()
                .map(|&(a, b)| Meeting {
                    participants: vec![a, b],
                    priority: 1,
                    fixed_slot: None,
                    forbidden_slots: vec![],
                    after: vec![],
                    only: None,
                })
                .collect(),
            fairness: Some(0),
            require_all: true,
        }
    }

    #[test]
    fn the_search_closes_gaps_and_keeps_every_rule() {
        // Participant 0 meets 1, 2 and 3, placed with gaps and over the bound d = 0.
        let problem = row_of_four(&[(0, 1), (0, 2), (0, 3), (4, 5)], 6);
        let start = vec![Some(0), Some(2), Some(3), Some(1)];
        let before = count_breaks(&problem, &Schedule::from_slots(&start, 4));
        assert_eq!(before[0], 1, "the start has a gap");
        let found = search(
            &problem,
            start,
            0,
            &ONE_RUN,
            1,
            Instant::now() + Duration::from_secs(5),
            None,
        );
        let schedule = Schedule::from_slots(&found.slots, problem.slots.len());
        let v = validate(&problem, &schedule);
        assert!(v.is_valid(), "{:?}", v.violations);
        assert_eq!(count_breaks(&problem, &schedule).iter().sum::<u32>(), 0);
        assert!(found.improved >= 1);
    }

    #[test]
    fn a_part_fixes_the_others_and_counts_the_tables_left() {
        let problem = row_of_four(&[(0, 1), (2, 3), (4, 5)], 6);
        let slots = vec![Some(0), Some(0), Some(1)];
        let meetings_of = problem.meetings_of();
        let breaks = vec![0; 6];
        let part = cut(
            &problem,
            &slots,
            &meetings_of,
            &[0],
            &breaks,
            None,
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(part.free, 1);
        assert_eq!(part.origin, vec![0]);
        // Slot 0 has one of its two tables taken by meeting 1, left out.
        assert_eq!(part.problem.slots[0].tables, 1);
        assert_eq!(part.problem.slots[1].tables, 1);
        // A stand-in holds the part's minimum at 0, as the whole's is.
        assert_eq!(part.problem.participants.len(), 3);
    }
}
