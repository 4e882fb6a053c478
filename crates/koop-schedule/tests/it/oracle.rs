//! The solver against a brute-force oracle on tiny instances: enumerate every
//! assignment of meetings to slots, keep those the validator accepts (with
//! tables numbered per slot), and take the fewest breaks.

use std::time::Duration;

use koop_schedule::{Problem, Schedule, SolveOptions, Status, solve, validate};
use proptest::prelude::*;

use crate::tiny::tiny_problem;

/// The minimum breaks over all valid schedules, or `None` when none exists.
fn brute_force(problem: &Problem) -> Option<u32> {
    let nm = problem.meetings.len();
    let ns = problem.slots.len();
    let mut choice = vec![0usize; nm];
    let mut best = None;
    loop {
        let slots: Vec<Option<usize>> = choice.iter().map(|&s| Some(s)).collect();
        let schedule = Schedule::from_slots(&slots, ns);
        let v = validate(problem, &schedule);
        if v.is_valid() {
            best = Some(best.map_or(v.total_breaks, |b: u32| b.min(v.total_breaks)));
        }
        // Next assignment, odometer style.
        let mut i = 0;
        loop {
            if i == nm {
                return best;
            }
            choice[i] += 1;
            if choice[i] < ns {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

fn options() -> SolveOptions<'static> {
    SolveOptions {
        time_limit: Duration::from_secs(20),
        seed: 1,
        cancel: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_solver_agrees_with_brute_force(problem in tiny_problem()) {
        let out = solve(&problem, &options());
        match brute_force(&problem) {
            None => prop_assert_eq!(out.status, Status::Infeasible),
            Some(best) => {
                prop_assert_eq!(out.status, Status::Optimal);
                prop_assert_eq!(out.breaks, best);
                prop_assert_eq!(out.lower_bound_breaks, best);
                let schedule = out.schedule.expect("a schedule");
                prop_assert!(validate(&problem, &schedule).is_valid());
            }
        }
    }
}
