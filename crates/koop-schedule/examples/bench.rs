//! The published benchmark without the `koop` binary (handy while it does not
//! build): `cargo run -p koop-schedule --example bench -- DATA_DIR [SECONDS] [FILTER] [D]`.
//! `koop schedule bench` is the supported command; both use `koop_schedule::bench`.

use std::time::Duration;

use koop_schedule::bench::{parse_known_results, run_case};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(
        args.get(1)
            .expect("usage: bench DATA_DIR [SECONDS] [FILTER] [D]"),
    );
    let secs: f64 = args.get(2).map_or(60.0, |s| s.parse().expect("SECONDS"));
    let filter = args.get(3).cloned().unwrap_or_default();
    let d: Option<u32> = args.get(4).map(|s| s.parse().expect("D"));
    let csv = std::fs::read_to_string(dir.join("known_results.csv")).expect("known_results.csv");
    let cases = parse_known_results(&csv).expect("csv");
    let (mut total, mut agree, mut n) = (0.0, 0, 0);
    for case in cases
        .iter()
        .filter(|c| c.file.contains(&filter) && d.is_none_or(|d| c.d == d))
    {
        let text = std::fs::read_to_string(dir.join(&case.file)).expect("dzn");
        let row = run_case(case, &text, Duration::from_secs_f64(secs), 0);
        let s = row.elapsed_ms as f64 / 1000.0;
        total += s;
        n += 1;
        agree += usize::from(row.agrees);
        println!(
            "{} d={} known={:?} ours={:?} {:?} lb={} {s:.1}s{} {}",
            case.file,
            case.d,
            case.known,
            row.breaks,
            row.status,
            row.lower_bound,
            if row.agrees { "" } else { "  <-- differs" },
            row.note
        );
    }
    println!("cases={n} agree={agree} total={total:.1}s");
}
