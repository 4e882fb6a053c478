//! Error pages: rendered after the handler, from the [`ErrorPage`] an [`AppError`] left
//! on the response, in the visitor's language, with the navigation and a way back.
//! Refusals that come from layers or extractors (another site's form, a malformed form,
//! a body over the limit, a timeout) get the same page instead of their plain text.

use super::{Ctx, render};
use crate::error::ErrorPage;
use crate::i18n::{Arg, Texts};
use crate::session::Visitor;
use askama::Template;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use koop_core::FieldError;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    ctx: Ctx,
    status: u16,
    title: String,
    problems: Vec<String>,
    back: String,
}

/// The code of a refusal that carries no [`ErrorPage`], by its status.
fn code_of(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::FORBIDDEN => "cross_site",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => "timeout",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::TOO_MANY_REQUESTS => "too_many_requests",
        s if s.is_server_error() => "internal",
        _ => "invalid_input",
    }
}

/// One problem in words: `error-<code>` with the field's label and the problem's values.
pub fn problem_text(texts: Texts, p: &FieldError) -> String {
    let mut args: Vec<(&'static str, Arg)> = Vec::new();
    let field = texts
        .try_get(&format!("field-{}", p.field))
        .unwrap_or_else(|| p.field.clone());
    args.push(("field", Arg::Text(field)));
    for (k, v) in &p.params {
        if let Some(name) = param_name(k) {
            args.push((name, Arg::Text(v.clone())));
        }
    }
    let text = texts
        .try_with(&format!("error-{}", p.code), args)
        // A code the catalogue does not know yet still says what was wrong.
        .unwrap_or_else(|| p.message.clone());
    match p.line {
        Some(line) => texts.with(
            "error-at-line",
            vec![("line", Arg::from(line as i64)), ("text", Arg::Text(text))],
        ),
        None => text,
    }
}

fn param_name(k: &str) -> Option<&'static str> {
    Some(match k {
        "value" => "value",
        "max" => "max",
        "min" => "min",
        "from" => "from",
        "status" => "status",
        "what" => "what",
        "person" => "person",
        "other" => "other",
        "choices" => "choices",
        "row" => "row",
        "count" => "count",
        _ => return None,
    })
}

/// A same-site path to go back to, from the Referer.
fn back_path(req: &Request) -> String {
    req.headers()
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_owned()))
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned())
}

/// Renders error pages for page routes.
pub async fn render_errors(req: Request, next: Next) -> Response {
    let visitor = req.extensions().get::<Visitor>().cloned();
    let api = req.uri().path().starts_with("/api/");
    let back = back_path(&req);
    let resp = next.run(req).await;
    let status = resp.status();
    if api || !(status.is_client_error() || status.is_server_error()) {
        return resp;
    }
    let page = match resp.extensions().get::<ErrorPage>() {
        Some(p) => p.clone(),
        None => {
            let is_html = resp
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|c| c.starts_with("text/html"));
            if is_html {
                // A page of its own (the login form's "wrong password").
                return resp;
            }
            ErrorPage {
                code: code_of(status),
                problems: vec![],
            }
        }
    };
    let Some(v) = visitor else {
        return resp;
    };
    let ctx = Ctx::new(&v);
    let texts = ctx.texts();
    let title = texts.get(&format!("error-{}", page.code));
    let problems = page
        .problems
        .iter()
        .map(|p| problem_text(texts, p))
        .collect();
    let retry = resp.headers().get(header::RETRY_AFTER).cloned();
    let body = render(ErrorTemplate {
        ctx,
        status: status.as_u16(),
        title,
        problems,
        back,
    });
    let mut out = match body {
        Ok(html) => (status, html).into_response(),
        Err(_) => status.into_response(),
    };
    if let Some(r) = retry {
        out.headers_mut().insert(header::RETRY_AFTER, r);
    }
    out
}
