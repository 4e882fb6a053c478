//! The `koop` binary: a thin shell over `koop-core`, `koop-web` and the engines.
//!
//! Each subcommand lives in its own module under `commands/`; this file only parses
//! the command line and dispatches.

mod commands;

use clap::{Parser, Subcommand};

/// koop: cooperation exchanges, delegation trips, agency work and clusters.
#[derive(Debug, Parser)]
#[command(name = "koop", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    // Subcommands are added here, one module each under `commands/`.
    /// Solve a meeting-scheduling instance, verify a schedule, or run the benchmark.
    Schedule(commands::schedule::ScheduleArgs),
    /// Partner recommendations: benchmarks of the matchmaking engine.
    Match(commands::matching::MatchArgs),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Schedule(args) => commands::schedule::run(args),
        Command::Match(args) => commands::matching::run(args),
    }
}
