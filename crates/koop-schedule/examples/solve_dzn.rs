//! Solves one `.dzn` file and validates the result:
//! `cargo run -p koop-schedule --example solve_dzn -- FILE [D] [SECONDS]`.

use std::time::Duration;

use koop_schedule::{SolveOptions, parse_dzn, solve, validate};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: solve_dzn FILE [D] [SECONDS]");
    let d = args.get(2).map_or(2, |s| s.parse().expect("D"));
    let secs = args.get(3).map_or(60.0, |s| s.parse().expect("SECONDS"));
    let text = std::fs::read_to_string(path).expect("read");
    let problem = parse_dzn(&text, Some(d)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let options = SolveOptions {
        time_limit: Duration::from_secs_f64(secs),
        ..SolveOptions::default()
    };
    let out = solve(&problem, &options);
    let valid = out.schedule.as_ref().map(|s| validate(&problem, s));
    println!(
        "{path} d={d} status={:?} breaks={} lb={} ms={} valid={:?}",
        out.status,
        out.breaks,
        out.lower_bound_breaks,
        out.elapsed_ms,
        valid.map(|v| (
            v.is_valid(),
            v.total_breaks,
            v.violations.into_iter().take(3).collect::<Vec<_>>()
        ))
    );
}
