//! `koop match speed`: index build and top-20 latency among generated profiles.

use std::time::Instant;

use clap::Args;
use koop_match::{MatchIndex, ProfileId, generate};
use serde_json::json;

/// Arguments of `koop match speed`.
#[derive(Debug, Args)]
pub struct SpeedArgs {
    /// Number of generated profiles.
    #[arg(long, default_value_t = 100_000)]
    profiles: usize,
    /// Generator seed.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Number of timed queries (spread evenly over the profiles).
    #[arg(long, default_value_t = 201)]
    queries: usize,
    /// Recommendations per query.
    #[arg(long, default_value_t = 20)]
    top: usize,
}

/// Generates, builds, queries, and prints one JSON line with the timings.
pub fn run(args: SpeedArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.profiles > 0 && args.queries > 0,
        "--profiles and --queries must be positive"
    );
    let t = Instant::now();
    let input = generate::exchange(args.profiles, args.seed);
    let generate_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let index = MatchIndex::build(input)?;
    let build_ms = t.elapsed().as_millis();
    let mut times = Vec::with_capacity(args.queries);
    let mut reasons_missing = 0;
    for k in 0..args.queries {
        let id = ProfileId((k * args.profiles / args.queries) as u64);
        let t = Instant::now();
        let recs = index.recommend(id, args.top)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        reasons_missing += recs.iter().filter(|r| r.reasons.is_empty()).count();
    }
    times.sort_by(f64::total_cmp);
    let line = json!({
        "profiles": args.profiles,
        "seed": args.seed,
        "generate_ms": generate_ms,
        "build_ms": build_ms,
        "queries": args.queries,
        "top": args.top,
        "query_median_ms": round(times[times.len() / 2]),
        "query_p95_ms": round(times[times.len() * 95 / 100]),
        "query_max_ms": round(times[times.len() - 1]),
        "recommendations_without_reason": reasons_missing,
    });
    println!("{line}");
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
