//! Enterprise Europe Network partnering profiles (business offers and requests,
//! technology offers and requests, R&D requests) as a file: each row a profile with
//! its EEN reference and the organisation it describes. Importing is all or nothing,
//! like every import; a reference already imported updates its profile, so a file can
//! be imported again, and the export writes the same columns.

use super::{ImportReport, Table};
use crate::ops::profiles::{ProfileFields, profile_from_fields};
use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_db::profile::ProfileOwner;
use koop_domain::ids::AgencyId;
use koop_domain::org::{OrgData, OrgKind};
use koop_domain::profile::{ProfileData, ProfileKind, ProfileStatus};
use koop_domain::values::CountryCode;
use serde_json::json;

/// The columns of an EEN file, in export order, with the other names accepted on
/// import (the EEN's own headings, German ones).
pub const COLUMNS: &[(&str, &[&str])] = &[
    (
        "reference",
        &[
            "reference",
            "profile reference",
            "referenz",
            "pod reference",
        ],
    ),
    ("type", &["type", "profile type", "typ", "art"]),
    ("title", &["title", "titel"]),
    ("summary", &["summary", "zusammenfassung"]),
    ("description", &["description", "beschreibung"]),
    (
        "organisation",
        &["organisation", "organization", "company", "unternehmen"],
    ),
    ("country", &["country", "country of origin", "land"]),
    ("nace", &["nace", "nace keywords"]),
    (
        "keywords",
        &[
            "keywords",
            "technology keywords",
            "market keywords",
            "schlagwörter",
        ],
    ),
    (
        "countries_sought",
        &["countries_sought", "target countries", "zielländer"],
    ),
    ("language", &["language", "sprache"]),
    (
        "deadline",
        &["deadline", "expiry date", "valid until", "gültig bis"],
    ),
];

/// The kinds an EEN profile can be (an investment interest is koop's own).
const EEN_KINDS: [ProfileKind; 5] = [
    ProfileKind::BusinessOffer,
    ProfileKind::BusinessRequest,
    ProfileKind::TechnologyOffer,
    ProfileKind::TechnologyRequest,
    ProfileKind::ResearchRequest,
];

/// One row of an EEN file, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct EenRow {
    /// Its line in the file.
    pub line: usize,
    /// The EEN reference (`BOFR20190312001`).
    pub reference: String,
    /// The organisation it describes.
    pub org: OrgData,
    /// The profile.
    pub profile: ProfileData,
}

fn cell<'a>(table: &Table, row: &'a [String], col: usize) -> &'a str {
    let Some(i) = table.column(COLUMNS[col].1) else {
        return "";
    };
    row.get(i).map_or("", String::as_str)
}

fn problem(line: usize, field: &str, code: &str, message: String, value: &str) -> FieldError {
    FieldError {
        line: Some(line),
        field: field.into(),
        code: code.into(),
        message,
        params: vec![("value".into(), value.into())],
    }
}

/// Checks a reference: letters, digits and dashes, at most 40.
fn reference(line: usize, text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(problem(
            line,
            "reference",
            "required",
            "the EEN reference is missing".into(),
            t,
        ));
    }
    if t.chars().count() > 40 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(problem(
            line,
            "reference",
            "invalid_reference",
            format!("'{t}' is not an EEN reference such as BOFR20190312001"),
            t,
        ));
    }
    Ok(t.to_ascii_uppercase())
}

/// Parses every row; returns all problems with their lines and columns, or the rows.
pub fn parse_een(table: &Table) -> Result<Vec<EenRow>, Vec<FieldError>> {
    let mut problems = super::missing_columns(
        table,
        COLUMNS,
        &[
            "reference",
            "type",
            "title",
            "summary",
            "organisation",
            "country",
        ],
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (line, row) in &table.rows {
        let line = *line;
        let get = |col| cell(table, row, col);
        let reference = match reference(line, get(0)) {
            Ok(r) => Some(r),
            Err(e) => {
                problems.push(e);
                None
            }
        };
        if let Some(r) = &reference {
            if let Some((_, first)) = seen.iter().find(|(k, _)| k == r) {
                problems.push(problem(
                    line,
                    "reference",
                    "duplicate_row",
                    format!("{r} is already in line {first}"),
                    r,
                ));
            } else {
                seen.push((r.clone(), line));
            }
        }
        let kind = get(1).trim().to_ascii_uppercase();
        if !EEN_KINDS.iter().any(|k| k.as_str() == kind) {
            problems.push(problem(
                line,
                "type",
                "invalid_een_type",
                format!(
                    "'{}' is not an EEN profile type (BO, BR, TO, TR, RDR)",
                    get(1).trim()
                ),
                get(1).trim(),
            ));
        }
        let name = get(5).trim();
        if name.is_empty() {
            problems.push(problem(
                line,
                "organisation",
                "required",
                "the organisation is missing".into(),
                "",
            ));
        }
        let country = CountryCode::parse(get(6))
            .map_err(|e| {
                let mut e = FieldError::from(e);
                e.line = Some(line);
                problems.push(e);
            })
            .ok();
        let language = match get(10).trim() {
            "" => "en",
            l => l,
        };
        let profile = profile_from_fields(&ProfileFields {
            kind: &kind,
            title: get(2),
            summary: get(3),
            description: get(4),
            language,
            nace: get(7),
            keywords: get(8),
            countries_sought: get(9),
            languages: language,
            deadline: get(11),
        });
        let profile = match profile {
            Ok(p) => Some(p),
            Err(errs) => {
                // The type is checked above against the EEN's kinds.
                problems.extend(errs.into_iter().filter(|e| e.field != "kind").map(|mut e| {
                    e.line = Some(line);
                    e
                }));
                None
            }
        };
        if let (Some(reference), Some(country), Some(profile), false) =
            (reference, country, profile, name.is_empty())
        {
            rows.push(EenRow {
                line,
                reference,
                org: OrgData {
                    name: name.to_owned(),
                    kind: OrgKind::Company,
                    country,
                    city: String::new(),
                    nace: profile.nace.clone(),
                    size: None,
                    languages: profile.languages.clone(),
                    website: None,
                    description: String::new(),
                },
                profile,
            });
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

impl Core {
    /// Imports EEN partnering profiles into `agency`: each row's organisation (found by
    /// its name and country, else created, unpublished) and its profile (found by its
    /// reference and updated, else created, published). All or nothing, one audit entry.
    pub async fn import_een_profiles(
        &self,
        actor: &Actor,
        agency: AgencyId,
        table: &Table,
    ) -> CoreResult<ImportReport> {
        let rows = parse_een(table).map_err(CoreError::Invalid)?;
        self.write(actor, "profile.een_imported", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let mut report = ImportReport::default();
            for row in &rows {
                let key = koop_db::org::match_key(&row.org);
                let org = match koop_db::org::find_by_key(tx, agency, &key).await? {
                    Some(id) => id,
                    None => koop_db::org::insert(tx, agency, &row.org, false).await?,
                };
                match koop_db::profile::by_een_reference(tx, agency, &row.reference).await? {
                    Some(id) => {
                        let (current, _) = koop_db::profile::get(tx, id).await?;
                        if current.data == row.profile && current.org_id == org {
                            report.unchanged += 1;
                        } else {
                            koop_db::profile::update(tx, id, &row.profile).await?;
                            report.updated += 1;
                        }
                    }
                    None => {
                        let owner = ProfileOwner {
                            agency,
                            org,
                            event: None,
                            participant: None,
                        };
                        let id = koop_db::profile::insert(
                            tx,
                            owner,
                            ProfileStatus::Published,
                            &row.profile,
                        )
                        .await?;
                        koop_db::profile::set_een_reference(tx, id, &row.reference).await?;
                        report.created += 1;
                    }
                }
            }
            Ok(Change::new(
                permit,
                report,
                "agency",
                agency.0,
                json!({ "een_rows": rows.len(), "created": report.created, "updated": report.updated }),
            ))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            headers: COLUMNS.iter().map(|c| c.0.to_owned()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 2, r.iter().map(|c| (*c).to_owned()).collect()))
                .collect(),
        }
    }

    const GOOD: &[&str] = &[
        "BOFR20190312001",
        "BO",
        "French producer of organic cosmetics seeks distributors",
        "A cosmetics SME offers its products to distributors.",
        "",
        "Cosmétiques Bio SARL",
        "FR",
        "20.42",
        "cosmetics, organic",
        "DE, AT",
        "en",
        "2026-12-31",
    ];

    #[test]
    fn a_good_row_gives_a_profile_and_its_organisation() {
        let rows = parse_een(&table(&[GOOD])).unwrap();
        assert_eq!(rows[0].reference, "BOFR20190312001");
        assert_eq!(rows[0].org.country.as_str(), "FR");
        assert_eq!(rows[0].profile.kind, ProfileKind::BusinessOffer);
        assert_eq!(rows[0].profile.countries_sought.len(), 2);
    }

    #[test]
    fn every_bad_cell_is_named_by_line_and_column() {
        let mut bad = GOOD.to_vec();
        bad[1] = "XX";
        bad[6] = "France";
        bad[11] = "31.12.2026";
        let dup = GOOD.to_vec();
        let errs = parse_een(&table(&[GOOD, &bad, &dup])).unwrap_err();
        let got: Vec<(Option<usize>, &str)> =
            errs.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert!(got.contains(&(Some(3), "type")), "{got:?}");
        assert!(got.contains(&(Some(3), "country")), "{got:?}");
        assert!(got.contains(&(Some(3), "deadline")), "{got:?}");
        assert!(
            got.contains(&(Some(3), "reference")),
            "a repeated reference: {got:?}"
        );
        assert!(got.contains(&(Some(4), "reference")), "{got:?}");
    }

    #[test]
    fn a_file_without_the_required_columns_is_named_at_its_header() {
        let t = Table {
            headers: vec!["title".into()],
            rows: vec![],
        };
        let errs = parse_een(&t).unwrap_err();
        assert!(errs.iter().all(|e| e.line == Some(1)));
        assert!(errs.iter().any(|e| e.field == "reference"));
    }
}
