//! The one error type of the domain: a rule was broken by the caller's input.

use std::fmt;

/// A domain rule refused an input or a state change.
///
/// `field` names the input that was wrong (for forms and imports), `code` is a stable
/// snake_case key that the UI translates with `params`, and `message` is an English
/// explanation for logs and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainError {
    /// The input field or subject the error is about, e.g. `country` or `meeting_request`.
    pub field: &'static str,
    /// Stable snake_case identifier, used as the translation key.
    pub code: &'static str,
    /// English explanation that names the offending value.
    pub message: String,
    /// Named values for the translated message (`value`, `max`, …).
    pub params: Vec<(&'static str, String)>,
}

impl DomainError {
    /// Creates an error about `field` with a stable `code` and a message.
    pub fn new(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            code,
            message: message.into(),
            params: Vec::new(),
        }
    }

    /// Adds a named value for the translated message.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.push((name, value.to_string()));
        self
    }

    /// An illegal lifecycle step, e.g. scheduling a declined request.
    pub fn illegal_transition(subject: &'static str, from: &str, action: &str) -> Self {
        Self::new(
            subject,
            "illegal_transition",
            format!("a {subject} that is {from} cannot be {action}"),
        )
        .with("from", from)
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for DomainError {}
