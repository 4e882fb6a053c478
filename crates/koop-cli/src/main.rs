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
    /// Serve koop on the configured database.
    Serve(commands::serve::ServeArgs),
    /// Load the demo world into an embedded SQLite database and serve it.
    Demo(commands::serve::DemoArgs),
    /// Apply pending database migrations.
    Migrate(commands::serve::MigrateArgs),
    /// Import organisations or contacts from CSV or XLSX (all or nothing).
    Import(commands::data::ImportArgs),
    /// Export organisations or contacts as CSV or XLSX.
    Export(commands::data::ExportArgs),
    /// Manage agencies (tenants).
    Agency(commands::admin::AgencyArgs),
    /// Manage login accounts.
    User(commands::admin::UserArgs),
    /// Solve a meeting-scheduling instance, verify a schedule, or run the benchmark.
    Schedule(commands::schedule::ScheduleArgs),
    /// Partner recommendations: benchmarks of the matchmaking engine.
    Match(commands::matching::MatchArgs),
    /// Serve the demo exchange at a multiple of its size and read it with concurrent clients.
    LoadTest(commands::load_test::LoadTestArgs),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => commands::serve::serve(args),
        Command::Demo(args) => commands::serve::demo(args),
        Command::Migrate(args) => commands::serve::migrate(args),
        Command::Import(args) => commands::data::import(args),
        Command::Export(args) => commands::data::export(args),
        Command::Agency(args) => commands::admin::agency(args),
        Command::User(args) => commands::admin::user(args),
        Command::Schedule(args) => commands::schedule::run(args),
        Command::Match(args) => commands::matching::run(args),
        Command::LoadTest(args) => commands::load_test::run(args),
    }
}
