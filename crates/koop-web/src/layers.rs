//! What wraps every request: the request log, a timeout, security headers, the
//! visitor, error pages, cross-site request protection and body limits.
//!
//! Cross-site requests are refused twice over: tower-http's [`CsrfLayer`] refuses a
//! state-changing request whose `Sec-Fetch-Site` or `Origin` shows another site, and
//! for logged-in visitors [`require_form_token`] wants the session's token in the form
//! (`_csrf`) or in the `X-CSRF-Token` header (htmx sends it from a meta tag).

use crate::error::AppError;
use crate::session::{Visitor, csrf_token_of};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;

/// The largest request body koop reads (forms and imports).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;
/// How long a request may take before it is answered with 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Scripts, styles and images come from koop itself only, no inline script runs, and
/// no other site may frame koop's pages.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/// The security headers of every response.
pub fn security_headers<S>(router: axum::Router<S>) -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    headers.into_iter().fold(router, |r, (name, value)| {
        r.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ))
    })
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// For logged-in visitors, a state-changing request must carry the session's token.
pub async fn require_form_token(req: Request, next: Next) -> Response {
    let expected = req
        .extensions()
        .get::<Visitor>()
        .and_then(|v| v.token.as_deref())
        .map(csrf_token_of);
    let Some(expected) = expected.filter(|_| changes_state(req.method())) else {
        return next.run(req).await;
    };
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let boundary = multipart_boundary(&content_type);
    let (parts, body) = req.into_parts();
    let bytes = if (is_form || boundary.is_some()) && header_token.is_none() {
        match axum::body::to_bytes(body, BODY_LIMIT).await {
            Ok(b) => b,
            Err(_) => return payload_too_large(),
        }
    } else {
        // Only forms carry the token in the body; everything else needs the header.
        if header_token.as_deref() == Some(expected.as_str()) {
            return next.run(Request::from_parts(parts, body)).await;
        }
        return cross_site();
    };
    let form_token = match &boundary {
        Some(b) => multipart_field(&bytes, b, "_csrf"),
        None => form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == "_csrf")
            .map(|(_, v)| v.into_owned()),
    };
    if header_token.or(form_token).as_deref() != Some(expected.as_str()) {
        return cross_site();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The boundary of a `multipart/form-data` body (a file upload), if it is one.
fn multipart_boundary(content_type: &str) -> Option<String> {
    let rest = content_type.strip_prefix("multipart/form-data")?;
    rest.split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .find(|b| !b.is_empty())
}

/// The value of the text field `name` of a multipart body (RFC 7578): the part whose
/// `Content-Disposition` names it, up to the next boundary.
fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    let wanted = format!("name=\"{name}\"");
    text.split(delimiter.as_str()).find_map(|part| {
        let (head, value) = part.split_once("\r\n\r\n")?;
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        if !disposition.contains(&wanted) || disposition.contains("filename=") {
            return None;
        }
        Some(value.strip_suffix("\r\n").unwrap_or(value).to_owned())
    })
}

fn cross_site() -> Response {
    AppError::forbidden_cross_site().into_response()
}

fn payload_too_large() -> Response {
    AppError::too_large().into_response()
}

/// Marks every cookie koop sets `Secure` when it is served over TLS (`secure_cookies`),
/// so that no handler can forget it.
pub async fn secure_cookies(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    req: Request,
    next: Next,
) -> Response {
    let mut resp = next.run(req).await;
    if !state.options.secure_cookies {
        return resp;
    }
    let cookies: Vec<HeaderValue> = resp
        .headers_mut()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| {
            let c = v.to_str().ok()?;
            let c = if c.contains("; Secure") {
                c.to_owned()
            } else {
                format!("{c}; Secure")
            };
            HeaderValue::from_str(&c).ok()
        })
        .collect();
    resp.headers_mut().remove(header::SET_COOKIE);
    for c in cookies {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_a_multipart_body_and_not_from_a_file() {
        let b = multipart_boundary("multipart/form-data; boundary=----x1").unwrap();
        assert_eq!(b, "----x1");
        let body = "------x1\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc123\r\n\
                    ------x1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"_csrf\"\r\n\r\nxyz\r\n------x1--\r\n";
        assert_eq!(
            multipart_field(body.as_bytes(), &b, "_csrf").as_deref(),
            Some("abc123")
        );
        assert_eq!(multipart_field(body.as_bytes(), &b, "kind"), None);
        assert_eq!(multipart_boundary("application/json"), None);
    }
}
