//! The exact route states "a participant without breaks is busy in one block
//! of consecutive slots" directly (span clauses and block starts). These cases
//! would go wrong if those clauses were stated where they do not hold: a block
//! next to an unavailable slot, or a participant whose meetings span two
//! sessions (where "no break" does not mean one block), or partners whose
//! blocks share a single slot.

use koop_schedule::{Problem, SolveOptions, Status, solve, validate};

use crate::tiny::build;

/// One hub (participant 0) meets each of `n` partners once, in six slots of
/// one day, in one session or (`two_sessions`) three morning and three
/// afternoon slots. The hub cannot come to the slots in `hub_away`.
fn hub_problem(n: usize, two_sessions: bool, hub_away: Vec<usize>) -> Problem {
    let pairs: Vec<(usize, usize)> = (1..=n).map(|p| (0, p)).collect();
    let mut unavailable = vec![Vec::new(); n + 1];
    unavailable[0] = hub_away;
    build(
        n + 1,
        6,
        2,
        two_sessions,
        None,
        &pairs,
        unavailable,
        None,
        None,
    )
}

fn breaks_of(problem: &Problem) -> u32 {
    let out = solve(problem, &SolveOptions::default());
    assert_eq!(out.status, Status::Optimal, "{out:?}");
    let schedule = out.schedule.expect("an optimal answer has a schedule");
    assert!(validate(problem, &schedule).is_valid());
    out.breaks
}

#[test]
fn a_block_between_two_unavailable_slots_is_still_found() {
    // One session of six slots; the hub is away in slots 0 and 4, so its
    // three meetings fit without a break only in slots 1, 2, 3.
    assert_eq!(breaks_of(&hub_problem(3, false, vec![0, 4])), 0);
    // Five meetings, away in slot 0: the only block is 1..=5, up to the last slot.
    assert_eq!(breaks_of(&hub_problem(5, false, vec![0])), 0);
    // Away in slots 0 and 3: no three free slots in a row, so one break.
    assert_eq!(breaks_of(&hub_problem(3, false, vec![0, 3])), 1);
}

#[test]
fn meetings_in_two_sessions_need_no_single_block() {
    // Three morning and three afternoon slots, the hub away in the last
    // morning and the first afternoon slot: its four meetings in slots 0, 1
    // and 4, 5 have no break (breaks count inside a session only), though no
    // four consecutive slots are free.
    assert_eq!(breaks_of(&hub_problem(4, true, vec![2, 3])), 0);
}

#[test]
fn partners_blocks_may_meet_in_a_single_slot() {
    // Six slots of one session. Participant 0 meets 1, 2, 3 and is away in
    // slots 0-2, so its only block is 3-5. Participant 1 meets 0, 4, 5 and is
    // away in slots 4 and 5, so its meeting with 0 can only be in slot 3, the
    // last slot of its block 1-3. Both blocks share just that slot, at the
    // end of one block and the start of the other; no break is needed.
    let pairs = [(0, 1), (0, 2), (0, 3), (1, 4), (1, 5)];
    let mut unavailable = vec![Vec::new(); 6];
    unavailable[0] = vec![0, 1, 2];
    unavailable[1] = vec![4, 5];
    let problem = build(6, 6, 2, false, None, &pairs, unavailable, None, None);
    assert_eq!(breaks_of(&problem), 0);
    // With participant 1 away in slot 3 as well, the two cannot meet at all.
    let mut unavailable = vec![Vec::new(); 6];
    unavailable[0] = vec![0, 1, 2];
    unavailable[1] = vec![3, 4, 5];
    let problem = build(6, 6, 2, false, None, &pairs, unavailable, None, None);
    let out = solve(&problem, &SolveOptions::default());
    assert_eq!(out.status, Status::Infeasible, "{out:?}");
}
