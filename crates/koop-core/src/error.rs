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
    /// English explanation naming the value (for logs and the command line).
    pub message: String,
    /// Named values for the translated message, e.g. `("value", "Germany")`.
    pub params: Vec<(String, String)>,
}

impl FieldError {
    /// A problem about `field` (empty for the record as a whole) with a stable code.
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        FieldError {
            line: None,
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
            params: Vec::new(),
        }
    }

    /// Adds a named value for the translated message.
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.push((name.to_owned(), value.to_string()));
        self
    }
}

impl From<DomainError> for FieldError {
    fn from(e: DomainError) -> Self {
        FieldError {
            line: None,
            field: e.field.to_owned(),
            code: e.code.to_owned(),
            message: e.message,
            params: e
                .params
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
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
    /// The record's state or a uniqueness rule refused the change (someone answered
    /// first, the e-mail is taken); the problem has a code for translation.
    #[error("conflict: {}", .0.message)]
    Conflict(FieldError),
    /// Too many attempts in a short time (logins, requests); try again after a while.
    #[error("too many requests; try again in {retry_after_s} s")]
    TooManyRequests {
        /// Seconds until the next attempt may succeed.
        retry_after_s: u64,
    },
    /// koop itself failed (database down, bug); the cause is logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl CoreError {
    /// An error about one field.
    pub fn field(e: DomainError) -> CoreError {
        CoreError::Invalid(vec![e.into()])
    }

    /// A conflict with a stable code, e.g. `request_answered`.
    pub fn conflict(code: &str, message: impl Into<String>) -> CoreError {
        CoreError::Conflict(FieldError::new("", code, message))
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
            DbError::Conflict(m) => CoreError::conflict("duplicate", m),
            other => CoreError::Internal(other.to_string()),
        }
    }
}

/// The result of an operation.
pub type CoreResult<T> = Result<T, CoreError>;
