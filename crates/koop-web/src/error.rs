//! One error type for handlers: 4xx render a page (or JSON under /api) with a message
//! and a way back; 5xx show a generic page and the cause goes to the log only.

use crate::i18n::Lang;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use koop_core::{CoreError, FieldError};
use serde::Serialize;

/// A failed request.
#[derive(Debug)]
pub struct AppError {
    status: StatusCode,
    code: &'static str,
    problems: Vec<FieldError>,
    lang: Lang,
    json: bool,
}

impl AppError {
    /// 404.
    pub fn not_found(lang: Lang) -> Self {
        AppError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            problems: vec![],
            lang,
            json: false,
        }
    }

    /// 400 with a message about one parameter.
    pub fn bad_request(lang: Lang, field: &str, message: String) -> Self {
        AppError {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_input",
            problems: vec![FieldError {
                line: None,
                field: field.into(),
                code: "invalid".into(),
                message,
            }],
            lang,
            json: false,
        }
    }

    /// From a core error, rendered as a page in `lang`.
    pub fn page(lang: Lang, e: CoreError) -> Self {
        Self::from_core(lang, e, false)
    }

    /// From a core error, rendered as JSON.
    pub fn api(e: CoreError) -> Self {
        Self::from_core(Lang::parse("en").unwrap_or_default(), e, true)
    }

    fn from_core(lang: Lang, e: CoreError, json: bool) -> Self {
        let (status, code, problems) = match e {
            CoreError::Invalid(p) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", p),
            CoreError::NotFound => (StatusCode::NOT_FOUND, "not_found", vec![]),
            CoreError::Forbidden => (StatusCode::FORBIDDEN, "forbidden", vec![]),
            CoreError::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials", vec![]),
            CoreError::Conflict(m) => (
                StatusCode::CONFLICT,
                "conflict",
                vec![FieldError {
                    line: None,
                    field: String::new(),
                    code: "conflict".into(),
                    message: m,
                }],
            ),
            CoreError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal", vec![])
            }
        };
        AppError {
            status,
            code,
            problems,
            lang,
            json,
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    problems: &'a [FieldError],
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if self.json {
            return (
                self.status,
                Json(ErrorBody {
                    error: self.code,
                    problems: &self.problems,
                }),
            )
                .into_response();
        }
        let t = self.lang.texts();
        let title = t.get(&format!("error-{}", self.code));
        let mut items = String::new();
        for p in &self.problems {
            items.push_str(&format!("<li>{}</li>", html_escape(&p.to_string())));
        }
        let body = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title} – koop</title>\
             <link rel=\"stylesheet\" href=\"/static/koop.css\"></head><body><main class=\"error\">\
             <h1>{status} · {title}</h1><ul>{items}</ul><p><a href=\"/\">{home}</a></p></main></body></html>",
            lang = self.lang.code(),
            status = self.status.as_u16(),
            home = t.get("error-back_home"),
        );
        (self.status, Html(body)).into_response()
    }
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
