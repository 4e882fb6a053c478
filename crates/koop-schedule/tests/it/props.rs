//! Invariants on random tiny problems: every schedule is valid (no double
//! booking, tables respected, availability respected), results repeat for a
//! seed, and an extra free slot never makes the optimum worse.

use std::time::Duration;

use koop_schedule::{Problem, SolveOptions, Status, solve, validate};
use proptest::prelude::*;

use crate::tiny::tiny_problem;

fn options(seed: u64) -> SolveOptions<'static> {
    SolveOptions {
        time_limit: Duration::from_secs(20),
        seed,
        cancel: None,
    }
}

/// The problem with one more slot, appended to the last session, that every
/// participant can use.
fn with_extra_slot(problem: &Problem) -> Problem {
    let mut p = problem.clone();
    let mut last = p.slots.last().cloned().expect("slots");
    last.start += last.duration;
    p.slots.push(last);
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn schedules_never_double_book_overfill_or_ignore_availability(problem in tiny_problem()) {
        let out = solve(&problem, &options(7));
        if let Some(schedule) = &out.schedule {
            let v = validate(&problem, schedule);
            prop_assert!(v.is_valid(), "{:?}", v.violations);
            // The validator's checks, restated for the three named invariants.
            let slots = schedule.slots();
            for (m, s) in slots.iter().enumerate() {
                let s = s.expect("all placed");
                for &p in &problem.meetings[m].participants {
                    prop_assert!(!problem.participants[p].unavailable.contains(&s));
                    for (m2, s2) in slots.iter().enumerate() {
                        if m2 != m && *s2 == Some(s) {
                            prop_assert!(!problem.meetings[m2].participants.contains(&p));
                        }
                    }
                }
                let in_slot = slots.iter().filter(|x| **x == Some(s)).count();
                prop_assert!(in_slot <= problem.slots[s].tables as usize);
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_outcome(problem in tiny_problem(), seed in 0u64..4) {
        let mut a = solve(&problem, &options(seed));
        let mut b = solve(&problem, &options(seed));
        a.elapsed_ms = 0;
        b.elapsed_ms = 0;
        prop_assert_eq!(a, b);
    }

    #[test]
    fn adding_a_free_slot_never_makes_the_result_worse(problem in tiny_problem()) {
        let before = solve(&problem, &options(3));
        let after = solve(&with_extra_slot(&problem), &options(3));
        if before.status == Status::Optimal {
            prop_assert_eq!(after.status, Status::Optimal);
            prop_assert!(after.breaks <= before.breaks);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn optional_meetings_give_valid_schedules_with_a_reason_per_unplaced(problem in tiny_problem()) {
        let mut problem = problem;
        problem.require_all = false;
        let out = solve(&problem, &options(5));
        let schedule = out.schedule.expect("always a schedule when meetings are optional");
        let v = validate(&problem, &schedule);
        prop_assert!(v.is_valid(), "{:?}", v.violations);
        prop_assert!(v.placed <= out.placeable_upper_bound);
        prop_assert_eq!(out.unplaced.len(), problem.meetings.len() - v.placed);
    }
}
