//! Organisation rows: columns, parsing, and the all-or-nothing import.

use super::{ImportReport, Table};
use crate::ops::directory::{OrgFields, org_from_fields};
use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_domain::ids::AgencyId;
use koop_domain::org::OrgData;
use serde_json::json;

/// The columns of an organisation file, in export order, with the German names
/// accepted on import.
pub const COLUMNS: &[(&str, &[&str])] = &[
    ("name", &["name"]),
    ("kind", &["kind", "art", "typ"]),
    ("country", &["country", "land"]),
    ("city", &["city", "stadt", "ort"]),
    ("nace", &["nace"]),
    ("size", &["size", "größe", "groesse"]),
    ("languages", &["languages", "sprachen"]),
    ("website", &["website", "webseite"]),
    ("description", &["description", "beschreibung"]),
];

fn cell<'a>(table: &Table, row: &'a [String], col: usize) -> &'a str {
    let Some(i) = table.column(COLUMNS[col].1) else {
        return "";
    };
    row.get(i).map_or("", String::as_str)
}

/// Parses every row; returns all problems, or the organisations with their lines.
pub fn parse_organisations(table: &Table) -> Result<Vec<(usize, OrgData)>, Vec<FieldError>> {
    let mut problems = super::missing_columns(table, COLUMNS, &["name", "country"]);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    for (line, row) in &table.rows {
        let line = *line;
        let fields = OrgFields {
            name: cell(table, row, 0),
            kind: cell(table, row, 1),
            country: cell(table, row, 2),
            city: cell(table, row, 3),
            nace: cell(table, row, 4),
            size: cell(table, row, 5),
            languages: cell(table, row, 6),
            website: cell(table, row, 7),
            description: cell(table, row, 8),
        };
        match org_from_fields(&fields) {
            Ok(d) => out.push((line, d)),
            Err(errs) => problems.extend(errs.into_iter().map(|mut e| {
                e.line = Some(line);
                e
            })),
        }
    }
    // Two rows for the same organisation would silently overwrite each other.
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (line, d) in &out {
        let key = koop_db::org::match_key(d);
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            problems.push(FieldError {
                line: Some(*line),
                field: "name".into(),
                code: "duplicate_row".into(),
                message: format!("'{}' ({}) is already in line {first}", d.name, d.country),
                params: Vec::new(),
            });
        } else {
            seen.push((key, *line));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

impl Core {
    /// Imports organisations into `agency`; all or nothing, one audit entry.
    pub async fn import_organisations(
        &self,
        actor: &Actor,
        agency: AgencyId,
        table: &Table,
    ) -> CoreResult<ImportReport> {
        let rows = parse_organisations(table).map_err(CoreError::Invalid)?;
        self.write(actor, "organisation.imported", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let mut report = ImportReport::default();
            for (_, data) in &rows {
                let key = koop_db::org::match_key(data);
                match koop_db::org::find_by_key(tx, agency, &key).await? {
                    None => {
                        koop_db::org::insert(tx, agency, data, false).await?;
                        report.created += 1;
                    }
                    Some(id) => {
                        let current =
                            koop_db::org::get(tx, koop_domain::account::Viewer::Staff(agency), id)
                                .await?;
                        if current.data == *data {
                            report.unchanged += 1;
                        } else {
                            koop_db::org::update(tx, id, data).await?;
                            report.updated += 1;
                        }
                    }
                }
            }
            Ok(Change::new(
                permit,
                report,
                "agency",
                agency.0,
                json!({ "rows": rows.len(), "created": report.created, "updated": report.updated }),
            ))
        })
        .await
    }
}
