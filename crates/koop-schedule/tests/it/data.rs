//! Tests on the published instances. They need the data directory, given by
//! `KOOP_B2B_DATA` (for example `../shared/data/b2b-instances`); without it
//! they print a notice and pass, because the files have no stated licence and
//! are not in this repository. With `KOOP_REQUIRE_DATA=1` (set by `.ci/run`, where
//! the data is) a missing directory fails them instead of passing silently.

use std::time::Duration;

use koop_schedule::bench::{Known, parse_known_results, run_case};

fn data_dir() -> Option<std::path::PathBuf> {
    let required = std::env::var("KOOP_REQUIRE_DATA").as_deref() == Ok("1");
    match std::env::var_os("KOOP_B2B_DATA").map(std::path::PathBuf::from) {
        Some(d) if d.join("known_results.csv").is_file() => Some(d),
        Some(d) if required => panic!("KOOP_B2B_DATA={} holds no known_results.csv", d.display()),
        None if required => panic!("KOOP_REQUIRE_DATA=1 but KOOP_B2B_DATA is not set"),
        _ => {
            eprintln!("KOOP_B2B_DATA is not set: skipping the published-instance tests");
            None
        }
    }
}

/// Every `.dzn` file parses, and the originals at d = 2 are solved to the
/// published optimum within 60 s each (the full 200-case run is
/// `koop schedule bench`).
#[test]
fn the_original_instances_are_solved_to_the_published_optimum() {
    let Some(dir) = data_dir() else { return };
    let csv = std::fs::read_to_string(dir.join("known_results.csv")).expect("known_results.csv");
    let cases = parse_known_results(&csv).expect("csv");
    assert_eq!(cases.len(), 200);
    for case in cases
        .iter()
        .filter(|c| c.file.ends_with(".original.dzn") && c.d == 2)
    {
        let text = std::fs::read_to_string(dir.join(&case.file)).expect("dzn");
        let row = run_case(case, &text, Duration::from_secs(60), 0);
        assert!(row.valid, "{}: {}", case.file, row.note);
        assert!(
            row.agrees,
            "{}: known {:?}, ours {:?} {:?}",
            case.file, case.known, row.status, row.breaks
        );
    }
}

#[test]
fn every_published_file_parses() {
    let Some(dir) = data_dir() else { return };
    let csv = std::fs::read_to_string(dir.join("known_results.csv")).expect("known_results.csv");
    for case in parse_known_results(&csv).expect("csv") {
        let text = std::fs::read_to_string(dir.join(&case.file)).expect("dzn");
        koop_schedule::parse_dzn(&text, Some(case.d))
            .unwrap_or_else(|e| panic!("{}: {e}", case.file));
        let _ = Known::Infeasible;
    }
}
