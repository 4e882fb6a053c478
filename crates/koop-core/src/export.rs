//! Export of organisations, contacts and EEN profiles as CSV or XLSX, with the same
//! columns the import reads, so an exported file can be edited and imported again.

use crate::import::Table;
use crate::read::Reader;
use crate::views::OrgFilter;
use crate::{CoreError, CoreResult};
use koop_domain::ids::AgencyId;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// Organisations.
    Organisations,
    /// Contacts.
    Contacts,
    /// EEN partnering profiles.
    EenProfiles,
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Reads the agency's records into a table.
pub async fn table(reader: &mut Reader, agency: AgencyId, kind: ExportKind) -> CoreResult<Table> {
    let filter = OrgFilter {
        agency: Some(agency),
        ..OrgFilter::default()
    };
    let orgs = reader.orgs(&filter).await?;
    match kind {
        ExportKind::Organisations => Ok(Table {
            headers: crate::import::organisation_columns(),
            rows: orgs
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let d = &o.data;
                    (
                        i + 2,
                        vec![
                            d.name.clone(),
                            d.kind.to_string(),
                            d.country.to_string(),
                            d.city.clone(),
                            join(&d.nace),
                            d.size.map(|s| s.to_string()).unwrap_or_default(),
                            join(&d.languages),
                            d.website.clone().unwrap_or_default(),
                            d.description.clone(),
                        ],
                    )
                })
                .collect(),
        }),
        ExportKind::EenProfiles => {
            let mut rows = Vec::new();
            for (reference, p) in reader.een_profiles(agency).await? {
                let org = orgs.iter().find(|o| o.id == p.org_id);
                let d = p.data;
                rows.push((
                    rows.len() + 2,
                    vec![
                        reference,
                        d.kind.to_string(),
                        d.title,
                        d.summary,
                        d.description,
                        org.map(|o| o.data.name.clone()).unwrap_or_default(),
                        org.map(|o| o.data.country.to_string()).unwrap_or_default(),
                        join(&d.nace),
                        d.keywords.join(", "),
                        join(&d.countries_sought),
                        d.language.to_string(),
                        d.deadline.map(|x| x.to_string()).unwrap_or_default(),
                    ],
                ));
            }
            Ok(Table {
                headers: crate::import::een_columns(),
                rows,
            })
        }
        ExportKind::Contacts => {
            let mut rows = Vec::new();
            for p in reader.people(None).await? {
                if p.agency_id != agency {
                    continue;
                }
                let org = p.org_id.and_then(|id| orgs.iter().find(|o| o.id == id));
                let d = p.data;
                rows.push((
                    rows.len() + 2,
                    vec![
                        d.given_name,
                        d.family_name,
                        org.map(|o| o.data.name.clone()).unwrap_or_default(),
                        org.map(|o| o.data.country.to_string()).unwrap_or_default(),
                        d.function,
                        d.email.unwrap_or_default(),
                        d.phone.unwrap_or_default(),
                        join(&d.languages),
                        d.consent.to_string(),
                    ],
                ));
            }
            Ok(Table {
                headers: crate::import::contact_columns(),
                rows,
            })
        }
    }
}

/// A cell as it may stand in a CSV file that a spreadsheet opens: one that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula
/// (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), so it gets a leading apostrophe, which the
/// spreadsheet shows as text and [`crate::import::read_csv`] takes off again.
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes a table as CSV with the given delimiter, starting with a UTF-8 byte-order
/// mark so that Excel opens umlauts and Cyrillic correctly. Cells that a spreadsheet
/// would run as formulas are escaped ([`csv_cell`]).
pub fn to_csv(table: &Table, delimiter: u8) -> CoreResult<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(&mut out);
        let io = |e: csv::Error| CoreError::Internal(format!("CSV writing failed: {e}"));
        w.write_record(&table.headers).map_err(io)?;
        for (_, row) in &table.rows {
            w.write_record(row.iter().map(|c| csv_cell(c).into_owned()))
                .map_err(io)?;
        }
        w.flush()
            .map_err(|e| CoreError::Internal(format!("CSV writing failed: {e}")))?;
    }
    Ok(out)
}

/// Writes a table as an XLSX workbook with one sheet.
pub fn to_xlsx(table: &Table, sheet: &str) -> CoreResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let err =
        |e: rust_xlsxwriter::XlsxError| CoreError::Internal(format!("XLSX writing failed: {e}"));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    let bold = Format::new().set_bold();
    for (c, h) in table.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)
            .map_err(err)?;
    }
    for (r, (_, row)) in table.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, v).map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

/// A cell of a workbook: text, or a number a spreadsheet can sum.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, written as text (never as a formula, whatever it starts with).
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
}

/// A sheet of a workbook: a name, a header row and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name (at most 31 characters, as Excel allows).
    pub name: String,
    /// The header row, in bold and frozen.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// Writes sheets as one XLSX workbook.
pub fn to_workbook(sheets: &[Sheet]) -> CoreResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let err =
        |e: rust_xlsxwriter::XlsxError| CoreError::Internal(format!("XLSX writing failed: {e}"));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        let name: String = sheet.name.chars().take(31).collect();
        ws.set_name(&name).map_err(err)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(err)?;
            ws.set_column_width(c as u16, 18).map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(t) => ws.write_string(r, c as u16, t).map(|_| ()),
                    Cell::Number(n) => ws.write_number(r, c as u16, *n).map(|_| ()),
                    Cell::Empty => Ok(()),
                }
                .map_err(err)?;
            }
        }
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_leave_as_text_and_read_back_as_they_were() {
        let table = Table {
            headers: vec!["name".into(), "note".into()],
            rows: vec![
                (2, vec!["=cmd|' /C calc'!A0".into(), "+49 391 123".into()]),
                (3, vec!["@SUM(A1)".into(), "-1".into()]),
                (4, vec!["Müller".into(), "a=b".into()]),
            ],
        };
        let csv = to_csv(&table, b';').unwrap();
        let text = String::from_utf8(csv.clone()).unwrap();
        for line in text.lines().skip(1) {
            assert!(!line.starts_with(['=', '+', '-', '@']), "{line}");
        }
        assert!(text.contains("'=cmd"), "{text}");
        let back = crate::import::read_csv(&csv).unwrap();
        let cells: Vec<&String> = back.rows.iter().flat_map(|r| &r.1).collect();
        let want: Vec<&String> = table.rows.iter().flat_map(|r| &r.1).collect();
        assert_eq!(cells, want);
    }
}
