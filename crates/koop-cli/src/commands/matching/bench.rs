//! `koop match bench`: the CORDIS partner-recommendation benchmark of
//! `cordis_h2020_participations/README.md`, printing one JSON line.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use koop_match::cordis::{self, BenchOptions, data::Dataset, data::Sources};
use serde_json::json;

/// Arguments of `koop match bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The `cordis_h2020_participations` folder.
    #[arg(long)]
    data: PathBuf,
    /// Company queries only (`type == PRC`), the README's second variant.
    #[arg(long)]
    companies_only: bool,
}

/// Runs the benchmark and prints the JSON line.
pub fn run(args: BenchArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let d = &args.data;
    let ds = Dataset::read(Sources {
        participations: super::open(&d.join("h2020_participations.csv.gz"))?,
        programme_parts: super::open(&d.join("programme_parts.csv.gz"))?,
        project_split: super::open(&d.join("benchmark/project_split.csv"))?,
        queries: super::open(&d.join("benchmark/queries.csv"))?,
        ground_truth: super::open(&d.join("benchmark/ground_truth.csv"))?,
    })?;
    let opt = BenchOptions {
        companies_only: args.companies_only,
        ..BenchOptions::default()
    };
    let report = cordis::run(&ds, &opt);
    let elapsed_ms = started.elapsed().as_millis();
    let aa = cordis::adamic_adar_baseline(&ds, args.companies_only);
    let m = &report.metrics;
    let line = json!({
        "variant": if args.companies_only { "companies_only" } else { "all" },
        "queries": m.queries,
        "recall_at_10": round(m.recall_at_10),
        "recall_at_50": round(m.recall_at_50),
        "mrr": round(m.mrr),
        "elapsed_ms": elapsed_ms,
        "learned_on_inner_queries": report.inner_queries,
        "adamic_adar": { "recall_at_10": round(aa.recall_at_10), "recall_at_50": round(aa.recall_at_50), "mrr": round(aa.mrr) },
    });
    println!("{line}");
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
