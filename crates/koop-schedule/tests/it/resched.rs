//! Rescheduling on a generated mid-size event: the new schedule is valid and
//! few published meetings move.

use std::time::Duration;

use koop_schedule::generate::{EventSpec, generate, random_change};
use koop_schedule::{SolveOptions, reschedule, solve, validate};

#[test]
fn a_five_percent_change_moves_few_published_meetings() {
    let spec = EventSpec {
        participants: 200,
        meetings: 1200,
        days: 1,
        sessions_per_day: 2,
        slots_per_session: 10,
        tables: 70,
        unavailable: 0.1,
        seed: 11,
    };
    let problem = generate(&spec);
    let options = SolveOptions {
        time_limit: Duration::from_secs(10),
        seed: 11,
        cancel: None,
    };
    let first = solve(&problem, &options);
    let published = first.schedule.expect("schedule");
    assert!(validate(&problem, &published).is_valid());
    let change = random_change(&problem, 0.05, 0.05, 3);
    let r = reschedule(&problem, &published, &change, &options);
    let schedule = r.outcome.schedule.as_ref().expect("schedule");
    let v = validate(&r.problem, schedule);
    assert!(v.is_valid(), "{:?}", v.violations);
    assert!(
        r.moved * 10 < r.remaining_published,
        "moved {} of {}",
        r.moved,
        r.remaining_published
    );
}

#[test]
fn a_leaving_participant_loses_all_meetings_and_nobody_else_moves() {
    let spec = EventSpec {
        participants: 40,
        meetings: 150,
        days: 1,
        sessions_per_day: 1,
        slots_per_session: 12,
        tables: 20,
        unavailable: 0.0,
        seed: 5,
    };
    let problem = generate(&spec);
    let options = SolveOptions {
        time_limit: Duration::from_secs(10),
        seed: 5,
        cancel: None,
    };
    let published = solve(&problem, &options).schedule.expect("schedule");
    let change = koop_schedule::Change {
        leaving: vec![0],
        ..Default::default()
    };
    let r = reschedule(&problem, &published, &change, &options);
    assert!(
        r.problem
            .meetings
            .iter()
            .all(|m| !m.participants.contains(&0))
    );
    assert_eq!(r.moved, 0);
    assert!(validate(&r.problem, r.outcome.schedule.as_ref().expect("schedule")).is_valid());
}
