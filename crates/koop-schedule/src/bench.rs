//! The published-benchmark runner's pure parts: reading `known_results.csv`,
//! solving and validating one case, and formatting the results table.
//! Reading files is left to the caller (`koop schedule bench`).

use std::fmt::Write as _;
use std::time::Duration;

use crate::dzn::parse_dzn;
use crate::solve::{SolveOptions, Status, solve};
use crate::validate::validate;

/// The published answer for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// Proven optimal number of breaks.
    Breaks(u32),
    /// Proven infeasible.
    Infeasible,
}

/// One row of `known_results.csv`: a file and a fairness bound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchCase {
    /// File name inside the data directory.
    pub file: String,
    /// Fairness bound.
    pub d: u32,
    /// The published result.
    pub known: Known,
}

/// Parses `known_results.csv` (columns `file`, `fairness_d` and
/// `best_known_breaks` are used, found by header name).
pub fn parse_known_results(csv: &str) -> Result<Vec<BenchCase>, String> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().ok_or("empty CSV")?.split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or(format!("CSV header has no column `{name}`"))
    };
    let (cf, cd, ck) = (col("file")?, col("fairness_d")?, col("best_known_breaks")?);
    let mut out = Vec::new();
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        // Only the last column may be quoted (a free-text note), so a plain
        // split is right for the columns we read.
        let f: Vec<&str> = line.split(',').collect();
        let get = |c: usize| {
            f.get(c)
                .map(|s| s.trim())
                .ok_or(format!("line {}: too few columns", i + 2))
        };
        let d = get(cd)?
            .parse()
            .map_err(|_| format!("line {}: bad fairness_d `{}`", i + 2, get(cd).unwrap_or("")))?;
        let known = match get(ck)? {
            "UNSAT" => Known::Infeasible,
            v => Known::Breaks(
                v.parse()
                    .map_err(|_| format!("line {}: bad best_known_breaks `{v}`", i + 2))?,
            ),
        };
        out.push(BenchCase {
            file: get(cf)?.to_string(),
            d,
            known,
        });
    }
    Ok(out)
}

/// The result of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchRow {
    /// The case.
    pub case: BenchCase,
    /// Our status.
    pub status: Status,
    /// Our breaks (when a schedule was found).
    pub breaks: Option<u32>,
    /// Our proven lower bound.
    pub lower_bound: u32,
    /// Milliseconds.
    pub elapsed_ms: u64,
    /// The validator accepted the schedule (or there is none to check).
    pub valid: bool,
    /// The status is `optimal` with the known optimum, or `infeasible` where
    /// the known answer is infeasible.
    pub agrees: bool,
    /// Parse or validation problems, if any.
    pub note: String,
}

/// Parses, solves and validates one case.
pub fn run_case(case: &BenchCase, dzn_text: &str, time_limit: Duration, seed: u64) -> BenchRow {
    let mut row = BenchRow {
        case: case.clone(),
        status: Status::Unknown,
        breaks: None,
        lower_bound: 0,
        elapsed_ms: 0,
        valid: false,
        agrees: false,
        note: String::new(),
    };
    let problem = match parse_dzn(dzn_text, Some(case.d)) {
        Ok(p) => p,
        Err(e) => {
            row.note = format!("parse error: {e}");
            return row;
        }
    };
    let out = solve(
        &problem,
        &SolveOptions {
            time_limit,
            seed,
            cancel: None,
        },
    );
    row.status = out.status;
    row.lower_bound = out.lower_bound_breaks;
    row.elapsed_ms = out.elapsed_ms;
    row.valid = true;
    if let Some(schedule) = &out.schedule {
        let v = validate(&problem, schedule);
        row.breaks = Some(v.total_breaks);
        if !v.is_valid() || v.total_breaks != out.breaks {
            row.valid = false;
            row.note = format!(
                "INVALID: {} (solver said {} breaks, validator counts {})",
                v.violations.first().cloned().unwrap_or_default(),
                out.breaks,
                v.total_breaks
            );
        }
    }
    row.agrees = row.valid
        && match (case.known, out.status) {
            (Known::Breaks(k), Status::Optimal) => row.breaks == Some(k),
            (Known::Infeasible, Status::Infeasible) => true,
            _ => false,
        };
    row
}

/// The Markdown table for BENCHMARKS.md.
pub fn markdown_table(rows: &[BenchRow]) -> String {
    let mut s = String::from(
        "| instance | d | known optimum | ours | lower bound | status | seconds | valid |\n|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let known = match r.case.known {
            Known::Breaks(k) => k.to_string(),
            Known::Infeasible => "UNSAT".into(),
        };
        let ours = match (r.status, r.breaks) {
            (Status::Infeasible, _) => "UNSAT".to_string(),
            (_, Some(b)) => b.to_string(),
            _ => "–".into(),
        };
        let status = format!("{:?}", r.status).to_lowercase();
        let _ = writeln!(
            s,
            "| {} | {} | {known} | {ours} | {} | {status}{} | {:.1} | {} |",
            r.case.file.trim_end_matches(".dzn"),
            r.case.d,
            r.lower_bound,
            if r.agrees { "" } else { " ✗" },
            r.elapsed_ms as f64 / 1000.0,
            if r.valid { "yes" } else { "NO" },
        );
    }
    s
}

/// Replaces the body of the `## {heading}` section of a Markdown document (up
/// to the next `## ` heading), or appends the section when it is missing.
pub fn replace_section(doc: &str, heading: &str, body: &str) -> String {
    let title = format!("## {heading}");
    let lines: Vec<&str> = doc.lines().collect();
    let start = lines.iter().position(|l| l.trim_end() == title);
    let mut out = String::new();
    match start {
        None => {
            out.push_str(doc.trim_end());
            out.push_str("\n\n");
            out.push_str(&title);
            out.push_str("\n\n");
            out.push_str(body.trim_end());
            out.push('\n');
        }
        Some(i) => {
            let end = lines[i + 1..]
                .iter()
                .position(|l| l.starts_with("## "))
                .map_or(lines.len(), |j| i + 1 + j);
            for l in &lines[..=i] {
                out.push_str(l);
                out.push('\n');
            }
            out.push('\n');
            out.push_str(body.trim_end());
            out.push('\n');
            if end < lines.len() {
                out.push('\n');
                for l in &lines[end..] {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Marks the generated part of the `## Meeting scheduler` section, so text
/// written by hand around it (the event-scale figures) survives a rerun.
pub const BLOCK_START: &str = "<!-- koop schedule bench: generated from here -->";
/// End of the generated part.
pub const BLOCK_END: &str = "<!-- koop schedule bench: generated up to here -->";

/// Replaces the generated block of the `## {heading}` section; when the
/// markers are missing, replaces (or creates) the whole section.
pub fn replace_block(doc: &str, heading: &str, body: &str) -> String {
    // The markers of this section only: from its heading to the next one.
    let title = format!("## {heading}\n");
    let section = doc
        .match_indices(&title)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || doc[..i].ends_with('\n'))
        .map(|i| {
            let rest = i + title.len();
            let end = doc[rest..].find("\n## ").map_or(doc.len(), |j| rest + j);
            (i, end)
        });
    let within = |m: &str| section.and_then(|(i, end)| doc[i..end].find(m).map(|x| i + x));
    if let (Some(a), Some(b)) = (within(BLOCK_START), within(BLOCK_END))
        && a < b
    {
        return format!(
            "{}{BLOCK_START}\n{}\n{}",
            &doc[..a],
            body.trim_end(),
            &doc[b..]
        );
    }
    replace_section(
        doc,
        heading,
        &format!("{BLOCK_START}\n{}\n{BLOCK_END}", body.trim_end()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_replaced_in_its_own_section_only() {
        let one = replace_block(
            "# b\n\n## Meeting scheduler\n\nintro\n",
            "Meeting scheduler",
            "A",
        );
        let two = replace_block(&one, "Meeting scheduler at event size", "B");
        let again = replace_block(&two, "Meeting scheduler", "A2");
        let both = replace_block(&again, "Meeting scheduler at event size", "B2");
        assert!(both.contains("A2") && both.contains("B2"), "{both}");
        assert!(!both.contains("\nA\n") && !both.contains("\nB\n"), "{both}");
        assert_eq!(both.matches(BLOCK_START).count(), 2, "{both}");
        assert!(both.find("A2") < both.find("## Meeting scheduler at event size"));
    }

    #[test]
    fn a_section_is_replaced_and_others_are_kept() {
        let doc = "# koop benchmarks\n\n## Matchmaking\n\nm\n\n## Meeting scheduler\n\nold\n\n## Later\n\nx\n";
        let new = replace_section(doc, "Meeting scheduler", "new");
        assert_eq!(
            new,
            "# koop benchmarks\n\n## Matchmaking\n\nm\n\n## Meeting scheduler\n\nnew\n\n## Later\n\nx\n"
        );
        let added = replace_section("# koop benchmarks\n", "Meeting scheduler", "t");
        assert_eq!(added, "# koop benchmarks\n\n## Meeting scheduler\n\nt\n");
    }

    #[test]
    fn only_the_generated_block_is_replaced() {
        let doc = replace_block("# koop benchmarks\n", "Meeting scheduler", "t1");
        let doc = doc.replace(BLOCK_END, &format!("{BLOCK_END}\n\nby hand"));
        let again = replace_block(&doc, "Meeting scheduler", "t2");
        assert!(
            again.contains("t2") && !again.contains("t1") && again.contains("by hand"),
            "{again}"
        );
    }

    #[test]
    fn the_known_results_csv_is_read_by_header() {
        let csv = "file,base,variant,fairness_d,best_known_breaks,note\na.dzn,a,original,2,UNSAT,\nb.dzn,b,x,0,5,\"q, r\"\n";
        let cases = parse_known_results(csv).expect("parses");
        assert_eq!(cases[0].known, Known::Infeasible);
        assert_eq!(cases[1].known, Known::Breaks(5));
        assert_eq!(cases[1].d, 0);
    }
}
