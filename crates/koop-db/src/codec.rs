//! Conversions between stored text and domain values.
//!
//! Lists are JSON arrays in text columns; dates are ISO-8601 text. A value that cannot
//! be read back is reported as [`DbError::Corrupt`] with its column, never a panic.

use crate::DbError;
use chrono::{NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Encodes a list as JSON text.
pub fn list<T: Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

/// Decodes a JSON list column.
pub fn parse_list<T: DeserializeOwned>(
    column: &'static str,
    text: &str,
) -> Result<Vec<T>, DbError> {
    serde_json::from_str(text).map_err(|e| DbError::Corrupt {
        column,
        message: e.to_string(),
    })
}

/// Parses a stored enum or value type.
pub fn parse<T, E: std::fmt::Display>(
    column: &'static str,
    result: Result<T, E>,
) -> Result<T, DbError> {
    result.map_err(|e| DbError::Corrupt {
        column,
        message: e.to_string(),
    })
}

/// Encodes a date.
pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Encodes an optional date.
pub fn opt_date(d: Option<NaiveDate>) -> Option<String> {
    d.map(date)
}

/// Decodes a date column.
pub fn parse_date(column: &'static str, text: &str) -> Result<NaiveDate, DbError> {
    parse(column, NaiveDate::parse_from_str(text, "%Y-%m-%d"))
}

/// Decodes an optional date column.
pub fn parse_opt_date(
    column: &'static str,
    text: Option<&str>,
) -> Result<Option<NaiveDate>, DbError> {
    text.map(|t| parse_date(column, t)).transpose()
}

/// Encodes a local date-time (minutes precision is all koop needs).
pub fn datetime(d: NaiveDateTime) -> String {
    d.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Decodes a local date-time column.
pub fn parse_datetime(column: &'static str, text: &str) -> Result<NaiveDateTime, DbError> {
    parse(
        column,
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"),
    )
}

/// The current instant as RFC 3339 UTC text.
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The current instant as RFC 3339 UTC text with milliseconds, for the job queue's
/// leases. Every time compared with these must have the same form, because the
/// comparison is on text.
pub fn now_ms() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `published_at` for a record that is (or is not) published now.
pub fn published(p: bool) -> Option<String> {
    p.then(now)
}

/// Whether the connection talks to PostgreSQL (the only dialect switch koop needs:
/// expanding a JSON list parameter into rows).
pub fn is_pg(conn: &crate::Conn) -> bool {
    conn.backend_name() == "PostgreSQL"
}

/// A sub-select of the text elements of JSON-array parameter `$p`.
pub fn json_texts(conn: &crate::Conn, p: usize) -> String {
    if is_pg(conn) {
        format!("SELECT json_array_elements_text(${p}::json)")
    } else {
        format!("SELECT value FROM json_each(${p})")
    }
}

/// A sub-select of the integer elements of JSON-array parameter `$p`.
pub fn json_ints(conn: &crate::Conn, p: usize) -> String {
    if is_pg(conn) {
        format!("SELECT json_array_elements_text(${p}::json)::bigint")
    } else {
        format!("SELECT value FROM json_each(${p})")
    }
}

/// A float parameter, bound as text and cast in SQL with `CAST($n AS DOUBLE PRECISION)`.
///
/// Why: sqlx 0.9's `Any` driver encodes a `None::<f64>` as a NULL *float4* on
/// PostgreSQL (`sqlx-core/src/any/arguments.rs` swaps the `Real` and `Double` null
/// types). The statement is then cached with a float4 parameter, and the next real
/// `f64` fails with "incorrect binary data format". Text is exact (Rust prints the
/// shortest representation that reads back to the same `f64`) and SQLite's `CAST`
/// gives the same REAL value.
pub fn float(v: Option<f64>) -> Option<String> {
    v.map(|x| x.to_string())
}

/// Runs a conditional status change `UPDATE … SET status = $3 WHERE id = $1 AND status = $2`
/// (`sql` is one such constant statement); returns whether the row still had `from`.
/// The condition is what makes two changes at the same moment safe: the second finds
/// the status changed and changes nothing.
pub async fn set_status_if(
    conn: &mut crate::Conn,
    sql: &'static str,
    id: i64,
    from: &str,
    to: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query(sql)
        .bind(id)
        .bind(from)
        .bind(to)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
