//! Import of organisations, contacts and EEN partnering profiles from CSV (UTF-8, `;`
//! or `,`) and XLSX.
//!
//! An import is all or nothing: every row is parsed and checked first, and if any
//! row has a problem, the whole file is rejected with every problem listed by line,
//! column and reason, and nothing is written. Rows are matched to existing records by a
//! key (organisations: name and country; contacts: e-mail, else name at the
//! organisation), so importing the same file twice creates nothing new.

mod contacts;
mod een;
mod local_partners;
mod organisations;
mod table;

pub use contacts::ContactRow;
pub use contacts::parse_contacts;
pub use een::{EenRow, parse_een};
pub use local_partners::parse_local_partners;
pub use organisations::parse_organisations;
pub use table::{Table, read_csv, read_table, read_xlsx};

use serde::Serialize;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Rows that created a record.
    pub created: usize,
    /// Rows that changed an existing record.
    pub updated: usize,
    /// Rows equal to an existing record.
    pub unchanged: usize,
}

impl crate::Core {
    /// Imports `table` as records of `kind` into `agency`, all or nothing.
    pub async fn import_table(
        &self,
        actor: &crate::Actor,
        agency: koop_domain::ids::AgencyId,
        kind: crate::export::ExportKind,
        table: &Table,
    ) -> crate::CoreResult<ImportReport> {
        use crate::export::ExportKind;
        match kind {
            ExportKind::Organisations => self.import_organisations(actor, agency, table).await,
            ExportKind::Contacts => self.import_contacts(actor, agency, table).await,
            ExportKind::EenProfiles => self.import_een_profiles(actor, agency, table).await,
        }
    }
}

/// A problem for each of `required` that the header of `table` lacks; `columns` holds
/// each column's name and the names accepted for it.
pub(crate) fn missing_columns(
    table: &Table,
    columns: &[(&str, &[&str])],
    required: &[&str],
) -> Vec<crate::FieldError> {
    required
        .iter()
        .filter(|r| {
            let names = columns.iter().find(|c| c.0 == **r).map_or(&[][..], |c| c.1);
            table.column(names).is_none()
        })
        .map(|r| crate::FieldError {
            line: Some(1),
            field: (*r).into(),
            code: "missing_column".into(),
            message: format!("the header has no column '{r}'"),
            params: Vec::new(),
        })
        .collect()
}

/// Splits a cell holding several values (`C20.14 | 20.16`, `de, ru`).
pub(crate) fn split_values(cell: &str) -> Vec<&str> {
    cell.split(['|', ',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The organisation columns, in export order.
pub fn organisation_columns() -> Vec<String> {
    organisations::COLUMNS
        .iter()
        .map(|c| c.0.to_owned())
        .collect()
}

/// The columns of an EEN profile file, in export order.
pub fn een_columns() -> Vec<String> {
    een::COLUMNS.iter().map(|c| c.0.to_owned()).collect()
}

/// The contact columns, in export order.
pub fn contact_columns() -> Vec<String> {
    contacts::COLUMNS.iter().map(|c| c.0.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_value_cells_split_on_common_separators() {
        assert_eq!(split_values(" de, ru |uk "), vec!["de", "ru", "uk"]);
        assert!(split_values("  ").is_empty());
    }
}
