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

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(ref db)
                if db.is_unique_violation() || db.is_foreign_key_violation() =>
            {
                DbError::Conflict(db.message().to_owned())
            }
            other => DbError::Sqlx(other),
        }
    }
}
