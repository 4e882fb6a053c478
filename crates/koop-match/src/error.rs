//! Errors for bad input: every variant names the field, line or value that was wrong.

use thiserror::Error;

/// A user error in the input to the matchmaking engine.
///
/// The engine never fails for internal reasons; every error names what was wrong with the input,
/// so a person can fix the profile, the weights or the data file.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MatchError {
    /// A field held a value that could not be parsed.
    #[error("{field}: invalid value {value:?}: {why}")]
    InvalidValue {
        /// The field (e.g. `nace`, `countries_sought`, `weights.text`).
        field: String,
        /// The value as given.
        value: String,
        /// Why it was rejected.
        why: String,
    },
    /// A line in a data file could not be read.
    #[error("{source_name}, line {line}: {why}")]
    BadLine {
        /// The file or stream name, as the caller named it.
        source_name: String,
        /// 1-based line number (the header is line 1).
        line: u64,
        /// What was wrong.
        why: String,
    },
    /// A profile refers to an organisation that was not given.
    #[error("profile {profile}: unknown organisation {org}")]
    UnknownOrganisation {
        /// The profile id.
        profile: u64,
        /// The missing organisation id.
        org: u64,
    },
    /// Two inputs share an id that must be unique.
    #[error("duplicate {what} id {id}")]
    DuplicateId {
        /// `profile` or `organisation`.
        what: &'static str,
        /// The repeated id.
        id: u64,
    },
    /// An embedding has the wrong number of dimensions.
    #[error("profile {profile}: embedding has {got} dimensions, expected {expected}")]
    EmbeddingDimension {
        /// The profile id.
        profile: u64,
        /// Dimensions found.
        got: usize,
        /// Dimensions of the first embedding seen.
        expected: usize,
    },
}

impl MatchError {
    /// Shorthand for [`MatchError::InvalidValue`].
    pub fn invalid(
        field: impl Into<String>,
        value: impl Into<String>,
        why: impl Into<String>,
    ) -> Self {
        Self::InvalidValue {
            field: field.into(),
            value: value.into(),
            why: why.into(),
        }
    }
}
