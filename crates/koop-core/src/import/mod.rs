//! Import of organisations and contacts from CSV (UTF-8, `;` or `,`) and XLSX.
//!
//! An import is all or nothing: every row is parsed and checked first, and if any
//! row has a problem, the whole file is rejected with every problem listed by line,
//! column and reason, and nothing is written. Rows are matched to existing records by a
//! key (organisations: name and country; contacts: e-mail, else name at the
//! organisation), so importing the same file twice creates nothing new.

mod contacts;
mod organisations;
mod table;

pub use contacts::ContactRow;
pub use contacts::parse_contacts;
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
