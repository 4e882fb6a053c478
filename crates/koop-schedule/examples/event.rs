//! The event-scale case without the `koop` binary:
//! `cargo run -p koop-schedule --example event -- [SEED] [SECONDS]`.
//! `koop schedule generate` + `koop schedule --input` is the supported route.

use std::time::Duration;

use koop_schedule::generate::{EventSpec, generate, random_change};
use koop_schedule::{SolveOptions, reschedule, solve, validate};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seed = args.get(1).map_or(1, |s| s.parse().expect("SEED"));
    let secs: f64 = args.get(2).map_or(30.0, |s| s.parse().expect("SECONDS"));
    let problem = generate(&EventSpec::event_scale(seed));
    let out = solve(
        &problem,
        &SolveOptions {
            time_limit: Duration::from_secs_f64(secs),
            seed,
            cancel: None,
        },
    );
    let schedule = out.schedule.as_ref().expect("a schedule");
    let v = validate(&problem, schedule);
    println!(
        "meetings={} placed={} upper_bound={} ratio={:.4} breaks={} status={:?} ms={} valid={} {:?}",
        problem.meetings.len(),
        v.placed,
        out.placeable_upper_bound,
        v.placed as f64 / out.placeable_upper_bound as f64,
        v.total_breaks,
        out.status,
        out.elapsed_ms,
        v.is_valid(),
        v.violations.first()
    );

    // Rescheduling: cancel 5 %, add 5 %, and count the published meetings that move.
    let change = random_change(&problem, 0.05, 0.05, seed);
    let r = reschedule(
        &problem,
        schedule,
        &change,
        &SolveOptions {
            time_limit: Duration::from_secs_f64(secs),
            seed,
            cancel: None,
        },
    );
    let rs = r.outcome.schedule.as_ref().expect("a schedule");
    let rv = validate(&r.problem, rs);
    println!(
        "reschedule: cancelled={} added={} remaining_published={} moved={} ({:.2} %) placed={} of {} breaks={} ms={} valid={}",
        change.cancelled.len(),
        change.added.len(),
        r.remaining_published,
        r.moved,
        100.0 * r.moved as f64 / r.remaining_published.max(1) as f64,
        rv.placed,
        r.problem.meetings.len(),
        rv.total_breaks,
        r.outcome.elapsed_ms,
        rv.is_valid()
    );
}
