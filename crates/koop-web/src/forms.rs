//! Forms that re-render with what the visitor typed and each problem beside its field,
//! in the visitor's language. A handler keeps the submitted values in a [`FormState`];
//! when the core refuses them, [`FormState::with_problems`] sorts the problems by field,
//! and the template shows `form.value("name")` and `form.errors("name")`.

use crate::i18n::Texts;
use crate::pages::errors::problem_text;
use koop_core::{CoreError, FieldError};
use std::collections::BTreeMap;

/// A form's values and its problems.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, Vec<String>>,
    /// Problems that belong to no field of the form (a conflict, say).
    pub general: Vec<String>,
}

impl FormState {
    /// A form with these submitted values.
    pub fn new(values: impl IntoIterator<Item = (String, String)>) -> FormState {
        FormState {
            values: values.into_iter().collect(),
            ..FormState::default()
        }
    }

    /// Puts each problem beside its field when the form has that field, and the rest
    /// above the form; a refusal that is not about the input is handed back.
    pub fn with_problems(mut self, texts: Texts, e: CoreError) -> Result<FormState, CoreError> {
        let problems: Vec<FieldError> = match e {
            CoreError::Invalid(p) => p,
            CoreError::Conflict(p) => vec![p],
            other => return Err(other),
        };
        for p in &problems {
            let text = problem_text(texts, p);
            if self.values.contains_key(&p.field) {
                self.errors.entry(p.field.clone()).or_default().push(text);
            } else {
                self.general.push(text);
            }
        }
        Ok(self)
    }

    /// What the visitor typed into `field`.
    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    /// The problems with `field`, in words.
    pub fn errors(&self, field: &str) -> &[String] {
        self.errors.get(field).map_or(&[], Vec::as_slice)
    }

    /// Whether `field` has a problem.
    pub fn has_error(&self, field: &str) -> bool {
        self.errors.contains_key(field)
    }

    /// Whether anything is wrong.
    pub fn is_refused(&self) -> bool {
        !self.errors.is_empty() || !self.general.is_empty()
    }
}
