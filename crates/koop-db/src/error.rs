//! Storage errors, with unique-key violations kept apart so callers can turn them into
//! "already exists" messages.

use thiserror::Error;

/// A storage failure.
#[derive(Debug, Error)]
pub enum DbError {
    /// The record does not exist or the viewer may not see it (the two are
    /// indistinguishable on purpose, so ids of other tenants leak nothing).
    #[error("not found")]
    NotFound,
    /// A unique or foreign-key constraint refused the write.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The write would book a participant or a table twice at one time.
    #[error("double booking of a {0}")]
    DoubleBooking(Booked),
    /// A stored value could not be read back into the domain (a bug or manual edit).
    #[error("corrupt value in {column}: {message}")]
    Corrupt {
        /// The column.
        column: &'static str,
        /// What was wrong.
        message: String,
    },
    /// Any other database failure.
    #[error(transparent)]
    Sqlx(sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// What a refused double booking would have booked twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booked {
    /// A participant at one start time.
    Participant,
    /// A table of a session at one start time.
    Table,
}

impl std::fmt::Display for Booked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Booked::Participant => "participant",
            Booked::Table => "table",
        })
    }
}

/// Which booking index refused a write: PostgreSQL names the index, SQLite the columns.
fn double_booking(message: &str) -> Option<Booked> {
    if message.contains("meeting_participant_slot") || message.contains(".slot_start") {
        Some(Booked::Participant)
    } else if message.contains("meeting_table_slot") || message.contains(".table_no") {
        Some(Booked::Table)
    } else {
        None
    }
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(ref db)
                if db.is_unique_violation() || db.is_foreign_key_violation() =>
            {
                let named = format!("{} {}", db.message(), db.constraint().unwrap_or_default());
                match double_booking(&named) {
                    Some(b) if db.is_unique_violation() => DbError::DoubleBooking(b),
                    _ => DbError::Conflict(db.message().to_owned()),
                }
            }
            other => DbError::Sqlx(other),
        }
    }
}
