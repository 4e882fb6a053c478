//! Reading the CORDIS H2020 extract and its benchmark files from any reader (the caller opens
//! and decompresses the files; this crate never touches the file system).

use std::collections::HashMap;
use std::io::Read;

use crate::error::MatchError;

/// The CORDIS activity type of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActivityType {
    /// `PRC`: private company.
    Prc,
    /// `HES`: higher education.
    Hes,
    /// `REC`: research organisation.
    Rec,
    /// `PUB`: public body.
    Pub,
    /// `OTH` or anything else.
    Oth,
}

impl ActivityType {
    fn parse(s: &str) -> Self {
        match s {
            "PRC" => Self::Prc,
            "HES" => Self::Hes,
            "REC" => Self::Rec,
            "PUB" => Self::Pub,
            _ => Self::Oth,
        }
    }

    /// A dense index `0..5`.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One organisation, identified by its PIC.
#[derive(Debug, Clone)]
pub struct Org {
    /// The PIC.
    pub pic: u64,
    /// Activity type (as in its first row).
    pub kind: ActivityType,
    /// Two-letter country as CORDIS writes it.
    pub country: [u8; 2],
}

/// One collaborative project of the benchmark.
#[derive(Debug, Clone)]
pub struct Project {
    /// CORDIS record number.
    pub rcn: u64,
    /// Start as months since year 0 (`year * 12 + month - 1`).
    pub start_month: u32,
    /// Whether it is in the test period of the benchmark files.
    pub test: bool,
    /// Bit set of programme parts (see [`Dataset::programme_parts`]).
    pub parts: u32,
    /// Member organisations (indices into [`Dataset::orgs`]), distinct and sorted.
    pub members: Vec<u32>,
    /// The coordinator, if recorded.
    pub coordinator: Option<u32>,
}

/// Everything the benchmark needs, with organisations and projects densely indexed.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Organisations that take part in at least one collaborative project.
    pub orgs: Vec<Org>,
    /// Collaborative projects (2–40 organisations), in the order of the split file.
    pub projects: Vec<Project>,
    /// Names of the programme parts, by bit.
    pub programme_parts: Vec<String>,
    /// Queries from `queries.csv`: organisation index and whether it is a company.
    pub queries: Vec<(u32, bool)>,
    /// Ground truth from `ground_truth.csv`: per query (same order), relevant organisations.
    pub relevant: Vec<Vec<u32>>,
}

/// The raw text streams of the five files.
pub struct Sources<R: Read> {
    /// `h2020_participations.csv` (decompressed).
    pub participations: R,
    /// `programme_parts.csv` (decompressed).
    pub programme_parts: R,
    /// `benchmark/project_split.csv`.
    pub project_split: R,
    /// `benchmark/queries.csv`.
    pub queries: R,
    /// `benchmark/ground_truth.csv`.
    pub ground_truth: R,
}

fn reader<R: Read>(r: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(true).from_reader(r)
}

fn field<'a>(
    rec: &'a csv::StringRecord,
    i: usize,
    name: &str,
    file: &str,
) -> Result<&'a str, MatchError> {
    rec.get(i)
        .ok_or_else(|| bad(file, rec, format!("missing column {name}")))
}

fn bad(file: &str, rec: &csv::StringRecord, why: String) -> MatchError {
    MatchError::BadLine {
        source_name: file.to_string(),
        line: rec.position().map(|p| p.line()).unwrap_or(0),
        why,
    }
}

fn num<T: std::str::FromStr>(
    rec: &csv::StringRecord,
    i: usize,
    name: &str,
    file: &str,
) -> Result<T, MatchError> {
    let v = field(rec, i, name, file)?;
    v.parse()
        .map_err(|_| bad(file, rec, format!("{name}: not a number: {v:?}")))
}

fn month(rec: &csv::StringRecord, i: usize, file: &str) -> Result<u32, MatchError> {
    let v = field(rec, i, "start_date", file)?;
    let y: u32 = v
        .get(0..4)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad(file, rec, format!("start_date: not a date: {v:?}")))?;
    let m: u32 = v
        .get(5..7)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad(file, rec, format!("start_date: not a date: {v:?}")))?;
    Ok(y * 12 + m - 1)
}

fn records<R: Read>(
    r: R,
    file: &str,
) -> impl Iterator<Item = Result<csv::StringRecord, MatchError>> {
    let file = file.to_string();
    reader(r).into_records().map(move |r| {
        r.map_err(|e| MatchError::BadLine {
            source_name: file.clone(),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            why: e.to_string(),
        })
    })
}

impl Dataset {
    /// Reads the five files. Organisations are those of the collaborative projects.
    pub fn read<R: Read>(src: Sources<R>) -> Result<Self, MatchError> {
        let mut ds = Dataset::default();
        let mut project_pos: HashMap<u64, usize> = HashMap::new();
        for rec in records(src.project_split, "project_split.csv") {
            let rec = rec?;
            let rcn: u64 = num(&rec, 0, "rcn", "project_split.csv")?;
            let test = match field(&rec, 1, "split", "project_split.csv")? {
                "train" => false,
                "test" => true,
                other => {
                    return Err(bad(
                        "project_split.csv",
                        &rec,
                        format!("split: expected train or test, got {other:?}"),
                    ));
                }
            };
            let start_month = month(&rec, 2, "project_split.csv")?;
            project_pos.insert(rcn, ds.projects.len());
            ds.projects.push(Project {
                rcn,
                start_month,
                test,
                parts: 0,
                members: Vec::new(),
                coordinator: None,
            });
        }
        let mut org_pos: HashMap<u64, u32> = HashMap::new();
        for rec in records(src.participations, "h2020_participations.csv") {
            let rec = rec?;
            let rcn: u64 = num(&rec, 0, "rcn", "h2020_participations.csv")?;
            let Some(&p) = project_pos.get(&rcn) else {
                continue;
            };
            let pic: u64 = num(&rec, 2, "pic", "h2020_participations.csv")?;
            let country = field(&rec, 5, "country", "h2020_participations.csv")?.as_bytes();
            let country = [
                country.first().copied().unwrap_or(b'?'),
                country.get(1).copied().unwrap_or(b'?'),
            ];
            let kind = ActivityType::parse(field(&rec, 3, "type", "h2020_participations.csv")?);
            let next = ds.orgs.len() as u32;
            let o = *org_pos.entry(pic).or_insert(next);
            if o == next {
                ds.orgs.push(Org { pic, kind, country });
            }
            ds.projects[p].members.push(o);
            if field(&rec, 1, "role", "h2020_participations.csv")? == "coordinator" {
                ds.projects[p].coordinator = Some(o);
            }
        }
        for p in &mut ds.projects {
            p.members.sort_unstable();
            p.members.dedup();
        }
        for rec in records(src.programme_parts, "programme_parts.csv") {
            let rec = rec?;
            let rcn: u64 = num(&rec, 0, "rcn", "programme_parts.csv")?;
            let part = field(&rec, 1, "programme_part", "programme_parts.csv")?;
            let bit = match ds.programme_parts.iter().position(|p| p == part) {
                Some(b) => b,
                None => {
                    ds.programme_parts.push(part.to_string());
                    ds.programme_parts.len() - 1
                }
            };
            if let Some(&p) = project_pos.get(&rcn)
                && bit < 32
            {
                ds.projects[p].parts |= 1 << bit;
            }
        }
        let org_of = |rec: &csv::StringRecord, i: usize, file: &str| -> Result<u32, MatchError> {
            let pic: u64 = num(rec, i, "pic", file)?;
            org_pos.get(&pic).copied().ok_or_else(|| {
                bad(
                    file,
                    rec,
                    format!("PIC {pic} is in no collaborative project"),
                )
            })
        };
        let mut query_pos: HashMap<u32, usize> = HashMap::new();
        for rec in records(src.queries, "queries.csv") {
            let rec = rec?;
            let o = org_of(&rec, 0, "queries.csv")?;
            query_pos.insert(o, ds.queries.len());
            ds.queries
                .push((o, field(&rec, 1, "type", "queries.csv")? == "PRC"));
            ds.relevant.push(Vec::new());
        }
        for rec in records(src.ground_truth, "ground_truth.csv") {
            let rec = rec?;
            let q = org_of(&rec, 0, "ground_truth.csv")?;
            let r = org_of(&rec, 1, "ground_truth.csv")?;
            let qi = *query_pos.get(&q).ok_or_else(|| {
                bad(
                    "ground_truth.csv",
                    &rec,
                    "query_pic is not in queries.csv".into(),
                )
            })?;
            ds.relevant[qi].push(r);
        }
        Ok(ds)
    }
}
