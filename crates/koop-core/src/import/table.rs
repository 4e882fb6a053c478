//! Reading a file into header + rows, remembering each row's line in the file.

use crate::{CoreError, FieldError};
use std::io::Cursor;

/// A file read into a header and rows of text cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names as written in the file.
    pub headers: Vec<String>,
    /// Each row with its line number in the file (the header is line 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// The index of the column named by any of `names` (case-insensitive).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    }
}

fn file_error(field: &str, message: String) -> CoreError {
    CoreError::Invalid(vec![FieldError {
        line: Some(1),
        field: field.to_owned(),
        code: "unreadable_file".into(),
        message,
        params: Vec::new(),
    }])
}

/// Reads a file by its name's extension: `.xlsx` or CSV.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<Table, CoreError> {
    if file_name.to_ascii_lowercase().ends_with(".xlsx") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

/// A cell as read, without the apostrophe that koop's export puts before a cell that a
/// spreadsheet would run as a formula (`'=SUM(…)` reads back as `=SUM(…)`).
fn unescape_formula(cell: &str) -> String {
    let cell = cell.trim();
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// Reads CSV: UTF-8 (a byte-order mark is skipped), delimiter `;` or `,` chosen by
/// which occurs more often in the header line.
pub fn read_csv(bytes: &[u8]) -> Result<Table, CoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(CoreError::Invalid(vec![FieldError {
            line: Some(line),
            field: "file".into(),
            code: "not_utf8".into(),
            message: format!("line {line} is not UTF-8 text; save the file as CSV UTF-8"),
            params: Vec::new(),
        }]));
    }
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let semis = first.iter().filter(|b| **b == b';').count();
    let commas = first.iter().filter(|b| **b == b',').count();
    let delimiter = if semis >= commas && semis > 0 {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut headers = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            CoreError::Invalid(vec![FieldError {
                line: Some(line),
                field: "file".into(),
                code: "malformed_csv".into(),
                message: format!("line {line}: {e}"),
                params: Vec::new(),
            }])
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(unescape_formula).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push((line, cells)),
        }
    }
    let headers = headers.ok_or_else(|| file_error("file", "the file is empty".into()))?;
    Ok(Table { headers, rows })
}

/// Reads the first worksheet of an XLSX file; row 1 is the header.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, CoreError> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec()))
        .map_err(|e| file_error("file", format!("not a readable XLSX file: {e}")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| file_error("file", "the workbook has no worksheet".into()))?
        .map_err(|e| file_error("file", format!("the first worksheet cannot be read: {e}")))?;
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut headers = None;
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let line = first_row as usize + i + 1;
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                Data::String(s) => s.trim().to_owned(),
                Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                other => other.to_string(),
            })
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push((line, cells)),
        }
    }
    let headers = headers.ok_or_else(|| file_error("file", "the worksheet is empty".into()))?;
    Ok(Table { headers, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_win_when_the_header_has_more_of_them() {
        let t = read_csv("\u{feff}name;country\n\"Müller, GmbH\";DE\n\n".as_bytes()).unwrap();
        assert_eq!(t.headers, vec!["name", "country"]);
        assert_eq!(
            t.rows,
            vec![(2, vec!["Müller, GmbH".to_owned(), "DE".to_owned()])]
        );
    }

    #[test]
    fn non_utf8_files_name_the_line() {
        let err = read_csv(b"name,country\nM\xfcller,DE\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn garbage_is_not_an_xlsx_file() {
        assert!(
            read_xlsx(b"not a zip")
                .unwrap_err()
                .to_string()
                .contains("XLSX")
        );
    }
}
