//! Errors of operations, split into the caller's mistakes and koop's own failures.

use koop_db::DbError;
use koop_domain::DomainError;
use serde::Serialize;
use thiserror::Error;

/// One problem with one input field, or with one cell of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Line of an imported file (1-based, the header is line 1), if any.
    pub line: Option<usize>,
    /// The field or column.
    pub field: String,
    /// Stable snake_case code (translation key).
    pub code: String,
    /// English explanation naming the value.
    pub message: String,
}

impl From<DomainError> for FieldError {
    fn from(e: DomainError) -> Self {
        FieldError {
            line: None,
            field: e.field.to_owned(),
            code: e.code.to_owned(),
            message: e.message,
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}, column {}: {}", self.field, self.message),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

/// Why an operation failed.
#[derive(Debug, Error)]
pub enum CoreError {
    /// The input broke a rule; nothing was written.
    #[error("invalid input: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    /// The record does not exist or the actor may not see it.
    #[error("not found")]
    NotFound,
    /// The actor may see the record but not change it.
    #[error("forbidden")]
    Forbidden,
    /// The login failed.
    #[error("wrong e-mail or password")]
    BadCredentials,
    /// A uniqueness rule refused the write (e.g. the e-mail is taken).
    #[error("conflict: {0}")]
    Conflict(String),
    /// koop itself failed (database down, bug); the cause is logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl CoreError {
    /// An error about one field.
    pub fn field(e: DomainError) -> CoreError {
        CoreError::Invalid(vec![e.into()])
    }
}

impl From<DomainError> for CoreError {
    fn from(e: DomainError) -> Self {
        CoreError::field(e)
    }
}

impl From<DbError> for CoreError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => CoreError::NotFound,
            DbError::Conflict(m) => CoreError::Conflict(m),
            other => CoreError::Internal(other.to_string()),
        }
    }
}

/// The result of an operation.
pub type CoreResult<T> = Result<T, CoreError>;
