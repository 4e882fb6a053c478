//! One error type for handlers, used with `?`. Under `/api` it answers JSON with the
//! problems; on pages it only marks the response, and the page layer
//! ([`crate::pages::errors`]) renders the error page in the visitor's language with the
//! navigation and a way back. 5xx causes are logged, never shown.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use koop_core::{CoreError, FieldError};
use serde::Serialize;

/// A failed request.
#[derive(Debug)]
pub struct AppError {
    status: StatusCode,
    code: &'static str,
    problems: Vec<FieldError>,
    json: bool,
    retry_after: Option<u64>,
}

/// What the page layer needs to render an error page.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    /// The stable code (`not_found`, `invalid_input`, …), a catalogue key `error-<code>`.
    pub code: &'static str,
    /// The problems, each with its field and code.
    pub problems: Vec<FieldError>,
}

impl AppError {
    /// The problems, for tests that check which field was named.
    #[cfg(test)]
    pub(crate) fn problems(&self) -> &[FieldError] {
        &self.problems
    }

    /// 404.
    pub fn not_found() -> Self {
        Self::from_core(CoreError::NotFound, false)
    }

    /// 400 about one parameter, with a stable code.
    pub fn bad_request(field: &str, code: &str, message: String) -> Self {
        AppError {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_input",
            problems: vec![FieldError {
                line: None,
                field: field.into(),
                code: code.into(),
                message,
                params: vec![],
            }],
            json: false,
            retry_after: None,
        }
    }

    /// 403 for a request that came from another site, or without the form's token.
    pub fn forbidden_cross_site() -> Self {
        AppError {
            status: StatusCode::FORBIDDEN,
            code: "cross_site",
            problems: vec![],
            json: false,
            retry_after: None,
        }
    }

    /// 413 for a request body over the limit.
    pub fn too_large() -> Self {
        AppError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "too_large",
            problems: vec![],
            json: false,
            retry_after: None,
        }
    }

    /// From a core error, rendered as JSON.
    pub fn api(e: CoreError) -> Self {
        Self::from_core(e, true)
    }

    /// The same error, answered as JSON (for the API).
    pub fn into_json(mut self) -> Self {
        self.json = true;
        self
    }

    fn from_core(e: CoreError, json: bool) -> Self {
        let mut retry_after = None;
        let (status, code, problems) = match e {
            CoreError::Invalid(p) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", p),
            CoreError::NotFound => (StatusCode::NOT_FOUND, "not_found", vec![]),
            CoreError::Forbidden => (StatusCode::FORBIDDEN, "forbidden", vec![]),
            CoreError::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials", vec![]),
            CoreError::Conflict(p) => (StatusCode::CONFLICT, "conflict", vec![p]),
            CoreError::TooManyRequests { retry_after_s } => {
                retry_after = Some(retry_after_s);
                (StatusCode::TOO_MANY_REQUESTS, "too_many_requests", vec![])
            }
            CoreError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal", vec![])
            }
        };
        AppError {
            status,
            code,
            problems,
            json,
            retry_after,
        }
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        Self::from_core(e, false)
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    problems: &'a [FieldError],
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut resp = if self.json {
            (
                self.status,
                Json(ErrorBody {
                    error: self.code,
                    problems: &self.problems,
                }),
            )
                .into_response()
        } else {
            let mut resp = self.status.into_response();
            resp.extensions_mut().insert(ErrorPage {
                code: self.code,
                problems: self.problems,
            });
            resp
        };
        if let Some(s) = self.retry_after
            && let Ok(v) = axum::http::HeaderValue::from_str(&s.to_string())
        {
            resp.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
        resp
    }
}
