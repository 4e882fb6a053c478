//! `koop schedule bench` on a directory without `known_results.csv`: exchanges at
//! the size of real brokerage events (`../shared/data/b2b-generated`), whose
//! optimum nobody knows. Each instance is solved at fairness `d` (2 unless given),
//! validated, and reported with breaks, lower bound, status and time; with
//! `--cpsat SCRIPT`, CP-SAT runs on the same instance right after, in the same
//! run, so that both columns share the machine's state.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use koop_schedule::bench::replace_block;
use koop_schedule::{SolveOptions, parse_dzn, solve, validate};
use serde_json::{Value, json};

use super::schedule::BenchArgs;

/// One instance's row.
struct Row {
    file: String,
    meetings: usize,
    placed: usize,
    breaks: u32,
    lower_bound: u32,
    status: String,
    seconds: f64,
    valid: bool,
    cpsat: Option<String>,
}

/// Runs the event-size set in `args.data`.
pub(super) fn bench(args: &BenchArgs) -> anyhow::Result<()> {
    let d = args.d.unwrap_or(2);
    let mut files: Vec<_> = std::fs::read_dir(&args.data)
        .with_context(|| format!("reading {}", args.data.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "dzn"))
        .filter(|p| {
            args.only.as_ref().is_none_or(|o| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(o.as_str()))
            })
        })
        .collect();
    // By size: the file names say how many participants.
    files.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
    if files.is_empty() {
        bail!("{} has no .dzn files", args.data.display());
    }
    let mut rows = Vec::new();
    for path in &files {
        let row = run_one(path, d, args)?;
        eprintln!(
            "{} placed {}/{} breaks {} lb {} {} {:.1}s valid={}{}",
            row.file,
            row.placed,
            row.meetings,
            row.breaks,
            row.lower_bound,
            row.status,
            row.seconds,
            row.valid,
            row.cpsat
                .as_ref()
                .map(|c| format!(" | CP-SAT {c}"))
                .unwrap_or_default()
        );
        rows.push(row);
    }
    let invalid = rows.iter().filter(|r| !r.valid).count();
    if let Some(path) = &args.write {
        let command = std::env::args().collect::<Vec<_>>().join(" ");
        let body = format!(
            "Exchanges at event size (`{}`), fairness `d = {d}`, {} s per instance; every schedule checked by the independent validator.\n\
             Produced by `{command}`{}. The optimum of each is unknown; the lower bound is what koop proved.\n\n{}",
            args.data.display(),
            args.time_limit,
            if args.cpsat.is_some() {
                ", CP-SAT (OR-tools, 2 workers, the same time limit) run on each instance right after koop, in the same run"
            } else {
                ""
            },
            table(&rows, args.cpsat.is_some())
        );
        let doc = std::fs::read_to_string(path).unwrap_or_else(|_| "# koop benchmarks\n".into());
        std::fs::write(
            path,
            replace_block(&doc, "Meeting scheduler at event size", &body),
        )
        .with_context(|| format!("writing {}", path.display()))?;
    }
    println!(
        "{}",
        json!({
            "instances": rows.len(),
            "all_placed": rows.iter().filter(|r| r.placed == r.meetings).count(),
            "invalid": invalid,
            "breaks": rows.iter().map(|r| r.breaks).collect::<Vec<_>>(),
        })
    );
    if invalid > 0 {
        bail!("{invalid} schedule(s) failed validation");
    }
    Ok(())
}

fn run_one(path: &Path, d: u32, args: &BenchArgs) -> anyhow::Result<Row> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let problem =
        parse_dzn(&text, Some(d)).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let started = Instant::now();
    let out = solve(
        &problem,
        &SolveOptions {
            time_limit: Duration::from_secs_f64(args.time_limit),
            seed: args.seed,
            cancel: None,
        },
    );
    let seconds = started.elapsed().as_secs_f64();
    // A schedule that leaves meetings out is checked against every other rule.
    let mut rules = problem.clone();
    rules.require_all = out.status != koop_schedule::Status::Unknown;
    let valid = out
        .schedule
        .as_ref()
        .is_none_or(|s| validate(&rules, s).is_valid());
    let cpsat = match &args.cpsat {
        Some(script) => Some(run_cpsat(script, path, d, args.time_limit)?),
        None => None,
    };
    Ok(Row {
        file: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        meetings: problem.meetings.len(),
        placed: out.schedule.as_ref().map_or(0, |s| s.placed()),
        breaks: out.breaks,
        lower_bound: out.lower_bound_breaks,
        status: format!("{:?}", out.status).to_lowercase(),
        seconds,
        valid,
        cpsat,
    })
}

/// CP-SAT's breaks / bound on the instance, or why it has none.
fn run_cpsat(script: &Path, dzn: &Path, d: u32, seconds: f64) -> anyhow::Result<String> {
    let output = Command::new("python3")
        .arg(script)
        .arg(dzn)
        .args(["--time-limit", &seconds.to_string()])
        .args(["--fairness", &d.to_string(), "--workers", "2", "--json"])
        .output()
        .with_context(|| format!("running {}", script.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let Some(line) = text.lines().rev().find(|l| l.trim_start().starts_with('{')) else {
        bail!(
            "{} printed no result: {}",
            script.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let r: Value = serde_json::from_str(line).context("CP-SAT's JSON line")?;
    let bound = r["bound"].as_i64().unwrap_or(0);
    Ok(match r["objective"].as_i64() {
        Some(breaks) => format!("{breaks} / {bound}"),
        None => format!(
            "no schedule ({}) / {bound}",
            r["status"].as_str().unwrap_or("?").to_lowercase()
        ),
    })
}

fn table(rows: &[Row], cpsat: bool) -> String {
    let mut out = String::from(
        "| instance | meetings | placed | koop breaks | koop lower bound | status | seconds | valid |",
    );
    out.push_str(if cpsat {
        " CP-SAT breaks / bound |\n"
    } else {
        "\n"
    });
    out.push_str("|---|---|---|---|---|---|---|---|");
    out.push_str(if cpsat { "---|\n" } else { "\n" });
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {:.1} | {} |",
            r.file,
            r.meetings,
            r.placed,
            r.breaks,
            r.lower_bound,
            r.status,
            r.seconds,
            if r.valid { "yes" } else { "NO" }
        ));
        if let Some(c) = &r.cpsat {
            out.push_str(&format!(" {c} |"));
        }
        out.push('\n');
    }
    out
}
