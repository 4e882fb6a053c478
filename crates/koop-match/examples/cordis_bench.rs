//! Runs the CORDIS benchmark from the data folder, printing metrics and the learned weights:
//! `cargo run -p koop-match --example cordis_bench -- ../shared/data/cordis_h2020_participations`.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use flate2::read::GzDecoder;
use koop_match::cordis::{
    self, BenchOptions, data::Dataset, data::Sources, features::FEATURE_NAMES,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/cordis_h2020_participations".into());
    let dir = Path::new(&dir);
    let open = |p: &str| -> Result<Box<dyn Read>, std::io::Error> {
        let f = File::open(dir.join(p))?;
        Ok(if p.ends_with(".gz") {
            Box::new(GzDecoder::new(f))
        } else {
            Box::new(f)
        })
    };
    let t = Instant::now();
    let ds = Dataset::read(Sources {
        participations: open("h2020_participations.csv.gz")?,
        programme_parts: open("programme_parts.csv.gz")?,
        project_split: open("benchmark/project_split.csv")?,
        queries: open("benchmark/queries.csv")?,
        ground_truth: open("benchmark/ground_truth.csv")?,
    })?;
    eprintln!(
        "read in {} ms: {} orgs, {} projects",
        t.elapsed().as_millis(),
        ds.orgs.len(),
        ds.projects.len()
    );
    let split = cordis::split::Split::benchmark(&ds);
    let derived = split.derive_queries(*b"DE");
    let cands = (0..ds.orgs.len() as u32)
        .filter(|&o| split.is_candidate(o))
        .count();
    let pairs: usize = derived.iter().map(|d| d.1.len()).sum();
    eprintln!(
        "derived: {} queries, {} pairs, {} candidates",
        derived.len(),
        pairs,
        cands
    );
    for companies_only in [false, true] {
        let t = Instant::now();
        let r = cordis::run(
            &ds,
            &BenchOptions {
                companies_only,
                ..BenchOptions::default()
            },
        );
        println!(
            "companies_only={companies_only} {:?} inner_queries={} {} ms",
            r.metrics,
            r.inner_queries,
            t.elapsed().as_millis()
        );
        for (n, w) in FEATURE_NAMES.iter().zip(r.model.w) {
            eprint!("{n}={w:.3} ");
        }
        eprintln!();
    }
    Ok(())
}
