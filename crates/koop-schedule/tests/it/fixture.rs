//! The checked-in example instance in koop's JSON format
//! (`tests/fixtures/schedule/exchange-small.json`): it reads, solves with
//! every meeting placed, and the schedule passes the validator. It also
//! round-trips through the writer.

use std::time::Duration;

use koop_schedule::{SolveOptions, Status, parse_problem_json, problem_to_json, solve, validate};

const SMALL: &str = include_str!("../../../../tests/fixtures/schedule/exchange-small.json");

#[test]
fn the_small_exchange_fixture_is_solved_and_valid() {
    let problem = parse_problem_json(SMALL).expect("fixture parses");
    let out = solve(
        &problem,
        &SolveOptions {
            time_limit: Duration::from_secs(20),
            ..Default::default()
        },
    );
    let schedule = out.schedule.expect("a schedule");
    let v = validate(&problem, &schedule);
    assert!(v.is_valid(), "{:?}", v.violations);
    assert_eq!(v.placed, problem.meetings.len());
    assert!(matches!(out.status, Status::Optimal | Status::Feasible));
    assert_eq!(
        parse_problem_json(&problem_to_json(&problem)).expect("round trip"),
        problem
    );
}

#[test]
fn a_bad_field_is_named_with_its_line() {
    let bad = SMALL.replace(
        "\"participants\": [0, 1], \"priority\": 3",
        "\"participants\": [0, 9], \"priority\": 3",
    );
    let e = parse_problem_json(&bad).expect_err("participant 9 does not exist");
    assert!(e.to_string().contains("meetings[0].participants[1]"), "{e}");
    let e = parse_problem_json(&SMALL.replace("\"tables\": 2 }", "\"tables\": \"two\" }"))
        .expect_err("type error");
    assert!(e.to_string().contains("line"), "{e}");
}
