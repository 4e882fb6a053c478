//! `koop match …`: the matchmaking engine's benchmarks and a file-based recommendation.
//!
//! This module only reads files, calls `koop-match`, and prints one JSON line per run.

mod bench;
mod embeddings;
mod nace;
mod recommend;
mod speed;

use clap::{Args, Subcommand};

/// Arguments of `koop match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    #[command(subcommand)]
    command: MatchCommand,
}

#[derive(Debug, Subcommand)]
enum MatchCommand {
    /// Partner-recommendation benchmark on CORDIS H2020 co-participations (temporal hold-out).
    Bench(bench::BenchArgs),
    /// Cross-lingual retrieval of NACE Rev. 2 class titles (German → English, Russian → German, Russian → English).
    NaceBench(nace::NaceBenchArgs),
    /// Recommendations with reasons for one profile of an exchange in a JSON file.
    Recommend(recommend::RecommendArgs),
    /// Index build and top-20 latency among seeded, generated profiles.
    Speed(speed::SpeedArgs),
}

/// Runs `koop match …`.
pub fn run(args: MatchArgs) -> anyhow::Result<()> {
    match args.command {
        MatchCommand::Bench(a) => bench::run(a),
        MatchCommand::NaceBench(a) => nace::run(a),
        MatchCommand::Recommend(a) => recommend::run(a),
        MatchCommand::Speed(a) => speed::run(a),
    }
}

/// Opens a data file, decompressing `.gz`, with the path in any error.
fn open(path: &std::path::Path) -> anyhow::Result<Box<dyn std::io::Read>> {
    use anyhow::Context;
    let f = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let r = std::io::BufReader::new(f);
    Ok(if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(r))
    } else {
        Box::new(r)
    })
}
