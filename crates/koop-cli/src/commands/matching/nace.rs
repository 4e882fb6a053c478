//! `koop match nace-bench`: cross-lingual retrieval of the NACE Rev. 2 class titles.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use koop_match::nace_bench;
use serde_json::json;

/// Arguments of `koop match nace-bench`.
#[derive(Debug, Args)]
pub struct NaceBenchArgs {
    /// The `nace_rev2` folder (with `nace_rev2.csv`).
    #[arg(long)]
    data: PathBuf,
}

const DIRECTIONS: [(&str, &str); 3] = [("de", "en"), ("ru", "de"), ("ru", "en")];

/// Runs the text-only benchmark and prints one JSON line.
pub fn run(args: NaceBenchArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let classes = nace_bench::read_classes(super::open(&args.data.join("nace_rev2.csv"))?)?;
    let mut results = Vec::new();
    for (from, to) in DIRECTIONS {
        results.push(nace_bench::text_only(&classes, from, to)?);
    }
    let line = json!({
        "method": "text",
        "classes": classes.len(),
        "results": results.iter().map(|r| json!({"from": r.from, "to": r.to, "top1": round(r.top1), "mrr": round(r.mrr)})).collect::<Vec<_>>(),
        "elapsed_ms": started.elapsed().as_millis(),
    });
    println!("{line}");
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
