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

    /// Declares fields the browser may leave out (an unticked checkbox), so that a
    /// problem with one still shows beside it.
    pub fn with_fields(mut self, fields: &[&str]) -> FormState {
        for f in fields {
            self.values.entry((*f).to_owned()).or_default();
        }
        self
    }

    /// Forgets what was typed into `field` (a password is never sent back).
    pub fn clear(&mut self, field: &str) {
        if let Some(v) = self.values.get_mut(field) {
            v.clear();
        }
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

/// Reads form fields into typed values, collecting every problem with its field, so
/// the form comes back with all of them at once.
#[derive(Debug, Default)]
pub struct Fields {
    /// The problems found so far.
    pub problems: Vec<FieldError>,
}

impl Fields {
    /// A date from an `<input type="date">` (`2026-04-20`).
    pub fn date(&mut self, field: &str, text: &str) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| self.refuse(field, "invalid_date", text))
            .ok()
    }

    /// A date and time from an `<input type="datetime-local">` (`2026-04-20T09:30`).
    pub fn date_time(&mut self, field: &str, text: &str) -> Option<chrono::NaiveDateTime> {
        let t = text.trim();
        chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M")
            .or_else(|_| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
            .map_err(|_| self.refuse(field, "invalid_date", text))
            .ok()
    }

    /// A whole number, or `None` for an empty field.
    pub fn optional_number(&mut self, field: &str, text: &str) -> Option<i64> {
        match text.trim() {
            "" => None,
            t => t
                .parse()
                .map_err(|_| self.refuse(field, "invalid_number", text))
                .ok(),
        }
    }

    /// An amount as people type it ("60.000", "60000,50", "1 250"), or `None` for an
    /// empty field. Dots and spaces group thousands; a comma is the decimal mark.
    pub fn optional_amount(&mut self, field: &str, text: &str) -> Option<f64> {
        match text.trim() {
            "" => None,
            t => t
                .replace(['.', ' '], "")
                .replace(',', ".")
                .parse()
                .map_err(|_| {
                    self.problems.push(
                        FieldError::new(field, "invalid_amount", format!("'{t}' is not an amount"))
                            .with("value", t),
                    )
                })
                .ok(),
        }
    }

    /// A choice of a closed list (a koop text enum), by its stable text.
    pub fn choice<T>(
        &mut self,
        field: &str,
        parsed: Result<T, koop_core::domain::DomainError>,
    ) -> Option<T> {
        parsed
            .map_err(|e| {
                let mut e = FieldError::from(e);
                e.field = field.to_owned();
                self.problems.push(e);
            })
            .ok()
    }

    fn refuse(&mut self, field: &str, code: &str, value: &str) {
        self.problems.push(
            FieldError::new(field, code, format!("'{value}' cannot be read here"))
                .with("value", value),
        );
    }

    /// The problems as a refusal, if there are any.
    pub fn finish(self) -> Result<(), CoreError> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Invalid(self.problems))
        }
    }
}

/// What a form's handler answers once the core has decided: on success, back to `to`
/// with "saved"; when refused, the page again (`page` renders it with the problems
/// beside their fields) as 422. A refusal that is not about the input is handed on.
pub async fn after_change<Fut>(
    v: &crate::session::Visitor,
    form: FormState,
    done: Result<(), CoreError>,
    to: &str,
    page: impl FnOnce(FormState) -> Fut,
) -> Result<axum::response::Response, crate::error::AppError>
where
    Fut: std::future::Future<Output = Result<axum::response::Html<String>, crate::error::AppError>>,
{
    use axum::response::IntoResponse;
    match done {
        Ok(()) => Ok(crate::pages::see_other_with_flash(to, "flash-saved")),
        Err(e) => {
            let ctx = crate::pages::Ctx::new(v);
            let form = form.with_problems(ctx.texts(), e)?;
            let html = page(form).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
