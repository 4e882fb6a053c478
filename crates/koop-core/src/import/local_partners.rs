//! Local partners of a trip from a file the chamber or the embassy's trade office sends:
//! each row an organisation, its contact, the station it meets at and its hours. All or
//! nothing, as every import: a bad row rejects the file with its line and column.

use super::{ImportReport, Table, split_values};
use crate::ops::directory::{check_org, check_person};
use crate::ops::trips::LocalPartner;
use crate::{Actor, Core, CoreError, CoreResult, FieldError};
use chrono::{NaiveDate, NaiveDateTime};
use koop_domain::DomainError;
use koop_domain::event::{Presence, Venue};
use koop_domain::ids::EventId;
use koop_domain::org::{OrgData, OrgKind};
use koop_domain::person::{Consent, PersonData};
use koop_domain::values::{CountryCode, LanguageCode, NaceCode};

/// The columns of a local-partner file, with accepted German and Russian names.
pub const COLUMNS: &[(&str, &[&str])] = &[
    (
        "organisation",
        &[
            "organisation",
            "organization",
            "firma",
            "unternehmen",
            "компания",
            "организация",
        ],
    ),
    ("country", &["country", "land", "страна"]),
    ("city", &["city", "stadt", "ort", "город"]),
    ("nace", &["nace", "branche", "sector"]),
    ("languages", &["languages", "sprachen", "языки"]),
    (
        "given_name",
        &["given_name", "vorname", "first name", "имя"],
    ),
    (
        "family_name",
        &["family_name", "nachname", "last name", "фамилия"],
    ),
    ("station", &["station", "venue", "ort der gespräche"]),
    ("from", &["from", "von", "ab", "с"]),
    ("until", &["until", "bis", "до"]),
    ("time_zone", &["time_zone", "zeitzone", "часовой пояс"]),
];

fn cell<'a>(table: &Table, row: &'a [String], col: usize) -> &'a str {
    table
        .column(COLUMNS[col].1)
        .and_then(|i| row.get(i))
        .map_or("", String::as_str)
}

/// A day and a time: `2019-09-18 14:00`, `2019-09-18T14:00` or `18.09.2019 14:00`.
fn date_time(field: &'static str, text: &str) -> Result<Option<NaiveDateTime>, DomainError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%d.%m.%Y %H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(v) = NaiveDateTime::parse_from_str(t, format) {
            return Ok(Some(v));
        }
    }
    Err(DomainError::new(
        field,
        "invalid_date_time",
        format!("'{t}' is not a day and time such as 2019-09-18 14:00"),
    )
    .with("value", t.to_owned()))
}

/// Parses every row against the trip's `venues` (a station by its name or city) and its
/// days; returns all problems, or the partners with their lines.
pub fn parse_local_partners(
    table: &Table,
    venues: &[Venue],
    days: (NaiveDate, NaiveDate),
) -> Result<Vec<(usize, LocalPartner)>, Vec<FieldError>> {
    let mut problems =
        super::missing_columns(table, COLUMNS, &["organisation", "country", "family_name"]);
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
        let country = CountryCode::parse(cell(table, row, 1))
            .map_err(&mut fail)
            .ok();
        let nace: Vec<NaceCode> = split_values(cell(table, row, 3))
            .into_iter()
            .filter_map(|c| NaceCode::parse(c).map_err(&mut fail).ok())
            .collect();
        let languages: Vec<LanguageCode> = split_values(cell(table, row, 4))
            .into_iter()
            .filter_map(|c| LanguageCode::parse(c).map_err(&mut fail).ok())
            .collect();
        let station = match cell(table, row, 7).trim() {
            "" => None,
            s => {
                let found = venues
                    .iter()
                    .find(|v| v.name.eq_ignore_ascii_case(s) || v.city.eq_ignore_ascii_case(s));
                if found.is_none() {
                    fail(
                        DomainError::new(
                            "station",
                            "unknown_station",
                            format!("'{s}' is not a station of the trip"),
                        )
                        .with("value", s.to_owned()),
                    );
                }
                found.map(|v| v.id)
            }
        };
        let from = date_time("from", cell(table, row, 8))
            .map_err(&mut fail)
            .ok()
            .flatten();
        let until = date_time("until", cell(table, row, 9))
            .map_err(&mut fail)
            .ok()
            .flatten();
        for (field, t) in [("from", from), ("until", until)] {
            if let Some(t) = t
                && (t.date() < days.0 || t.date() > days.1)
            {
                fail(
                    DomainError::new(
                        field,
                        "outside_trip",
                        format!("{t} is outside the trip's days"),
                    )
                    .with("value", t.to_string()),
                );
            }
        }
        let window = Presence {
            venue_id: station,
            from,
            until,
        };
        if let Err(e) = window.check() {
            fail(e);
        }
        let zone = Some(cell(table, row, 10).trim().to_owned()).filter(|z| !z.is_empty());
        if let Some(z) = &zone
            && !crate::zones::is_zone(z)
        {
            fail(
                DomainError::new(
                    "time_zone",
                    "invalid_time_zone",
                    format!("'{z}' is not a time zone"),
                )
                .with("value", z.clone()),
            );
        }
        let Some(country) = country else { continue };
        let org = check_org(OrgData {
            name: cell(table, row, 0).to_owned(),
            kind: OrgKind::Company,
            country,
            city: cell(table, row, 2).to_owned(),
            nace,
            size: None,
            languages: languages.clone(),
            website: None,
            description: String::new(),
        });
        let contact = check_person(PersonData {
            given_name: cell(table, row, 5).to_owned(),
            family_name: cell(table, row, 6).to_owned(),
            function: String::new(),
            email: None,
            phone: None,
            languages,
            consent: Consent::Given,
        });
        match (org, contact) {
            (Ok(org), Ok(contact)) if problems.len() == before => out.push((
                line,
                LocalPartner {
                    org,
                    contact,
                    windows: if station.is_some() || from.is_some() || until.is_some() {
                        vec![window]
                    } else {
                        vec![]
                    },
                    time_zone: zone,
                },
            )),
            (org, contact) => {
                for e in [org.err(), contact.err()].into_iter().flatten() {
                    if let CoreError::Invalid(errs) = e {
                        problems.extend(errs.into_iter().map(|mut e| {
                            e.line = Some(line);
                            e
                        }));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

impl Core {
    /// Imports a trip's local partners, all in one step or none.
    pub async fn import_local_partners(
        &self,
        actor: &Actor,
        event: EventId,
        table: &Table,
    ) -> CoreResult<ImportReport> {
        let (ev, venues) = {
            let mut r = self.reader(actor).await?;
            r.require_manage(event).await?;
            (r.event(event).await?, r.venues(event).await?)
        };
        let rows = parse_local_partners(table, &venues, (ev.data.start_on, ev.data.end_on))
            .map_err(CoreError::Invalid)?;
        let created = self
            .add_local_partners(actor, event, rows.into_iter().map(|r| r.1).collect())
            .await?;
        Ok(ImportReport {
            created,
            updated: 0,
            unchanged: 0,
        })
    }
}
