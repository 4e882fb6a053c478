//! Contact rows: a person at an organisation that is already in the directory.

use super::{ImportReport, Table, split_values};
use crate::ops::directory::check_person;
use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_domain::DomainError;
use koop_domain::ids::AgencyId;
use koop_domain::person::{Consent, PersonData};
use koop_domain::values::{CountryCode, LanguageCode};
use serde_json::json;

/// The columns of a contact file, in export order, with accepted German names.
pub const COLUMNS: &[(&str, &[&str])] = &[
    ("given_name", &["given_name", "vorname", "first name"]),
    (
        "family_name",
        &["family_name", "nachname", "last name", "name"],
    ),
    (
        "organisation",
        &[
            "organisation",
            "organization",
            "organisation_name",
            "firma",
            "unternehmen",
        ],
    ),
    ("country", &["country", "land"]),
    ("function", &["function", "funktion", "position"]),
    ("email", &["email", "e-mail"]),
    ("phone", &["phone", "telefon"]),
    ("languages", &["languages", "sprachen"]),
    ("consent", &["consent", "einwilligung"]),
];

/// A parsed contact row: the person and the key of their organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRow {
    /// Line in the file.
    pub line: usize,
    /// The person.
    pub person: PersonData,
    /// Organisation name, if given.
    pub org_name: Option<String>,
    /// Organisation country (needed to find it).
    pub org_country: Option<CountryCode>,
}

fn cell<'a>(table: &Table, row: &'a [String], col: usize) -> &'a str {
    table
        .column(COLUMNS[col].1)
        .and_then(|i| row.get(i))
        .map_or("", String::as_str)
}

/// Parses every row; returns all problems, or the contacts.
pub fn parse_contacts(table: &Table) -> Result<Vec<ContactRow>, Vec<FieldError>> {
    let mut problems = super::missing_columns(table, COLUMNS, &["given_name", "family_name"]);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    for (line, row) in &table.rows {
        let line = *line;
        let before = problems.len();
        let mut fail = |e: DomainError| {
            let mut f: FieldError = e.into();
            f.line = Some(line);
            problems.push(f);
        };
        let languages: Vec<LanguageCode> = split_values(cell(table, row, 7))
            .into_iter()
            .filter_map(|c| LanguageCode::parse(c).map_err(&mut fail).ok())
            .collect();
        let consent = match cell(table, row, 8) {
            "" => Consent::Unknown,
            c => Consent::parse(&c.to_lowercase())
                .map_err(&mut fail)
                .unwrap_or(Consent::Unknown),
        };
        let org_name = Some(cell(table, row, 2).to_owned()).filter(|s| !s.is_empty());
        let org_country = match (cell(table, row, 3), &org_name) {
            ("", Some(_)) => {
                fail(DomainError::new(
                    "country",
                    "required",
                    "the organisation's country is needed to find it",
                ));
                None
            }
            ("", None) => None,
            (c, _) => CountryCode::parse(c).map_err(&mut fail).ok(),
        };
        let person = PersonData {
            given_name: cell(table, row, 0).to_owned(),
            family_name: cell(table, row, 1).to_owned(),
            function: cell(table, row, 4).to_owned(),
            email: Some(cell(table, row, 5).to_owned()),
            phone: Some(cell(table, row, 6).to_owned()).filter(|s| !s.is_empty()),
            languages,
            consent,
        };
        match check_person(person) {
            Ok(person) if problems.len() == before => out.push(ContactRow {
                line,
                person,
                org_name,
                org_country,
            }),
            Ok(_) => {}
            Err(CoreError::Invalid(errs)) => problems.extend(errs.into_iter().map(|mut e| {
                e.line = Some(line);
                e
            })),
            Err(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

impl Core {
    /// Imports contacts into `agency`. Their organisations must be in the agency's
    /// directory already; a row naming an unknown one rejects the file.
    pub async fn import_contacts(
        &self,
        actor: &Actor,
        agency: AgencyId,
        table: &Table,
    ) -> CoreResult<ImportReport> {
        let rows = parse_contacts(table).map_err(CoreError::Invalid)?;
        self.write(actor, "person.imported", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let mut report = ImportReport::default();
            let mut missing = Vec::new();
            for row in &rows {
                let org = match (&row.org_name, &row.org_country) {
                    (Some(name), Some(country)) => {
                        let key = format!(
                            "{}|{}",
                            name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" "),
                            country
                        );
                        match koop_db::org::find_by_key(tx, agency, &key).await? {
                            Some(id) => Some(id),
                            None => {
                                missing.push(FieldError {
                                    line: Some(row.line),
                                    field: "organisation".into(),
                                    code: "unknown_organisation".into(),
                                    message: format!("'{name}' ({country}) is not in the directory; import organisations first"),
                                params: Vec::new(),
                            });
                                continue;
                            }
                        }
                    }
                    _ => None,
                };
                let key = koop_db::person::match_key(&row.person, org);
                match koop_db::person::find_by_key(tx, agency, &key).await? {
                    None => {
                        koop_db::person::insert(tx, agency, org, &row.person).await?;
                        report.created += 1;
                    }
                    Some(id) => {
                        let current = koop_db::person::get(tx, koop_domain::account::Viewer::Staff(agency), id).await?;
                        if current.data == row.person && current.org_id == org {
                            report.unchanged += 1;
                        } else {
                            koop_db::person::update(tx, id, org, &row.person).await?;
                            report.updated += 1;
                        }
                    }
                }
            }
            // Returning an error rolls the transaction back: nothing of this file is kept.
            if !missing.is_empty() {
                return Err(CoreError::Invalid(missing));
            }
            Ok(Change::new(permit, report, "agency", agency.0, json!({ "rows": rows.len(), "created": report.created, "updated": report.updated })))
        })
        .await
    }
}
