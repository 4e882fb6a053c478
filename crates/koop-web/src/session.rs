//! Who is asking: the session cookie becomes an [`Actor`], and the language comes from
//! the `koop_lang` cookie, the account, or the browser's Accept-Language, in that order.
//!
//! The [`visitor`] middleware resolves the visitor once per request and leaves it in the
//! request's extensions; handlers take it with the [`Visitor`] extractor, and the error
//! pages (rendered after the handler) use the same one, so an error page speaks the
//! visitor's language without any handler passing it along.

use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use koop_core::Actor;
use koop_core::domain::account::Account;
use sha2::{Digest, Sha256};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "koop_session";
/// The language cookie's name.
pub const LANG_COOKIE: &str = "koop_lang";
/// The cookie that carries a flash message (a catalogue key) to the next page.
pub const FLASH_COOKIE: &str = "koop_flash";

/// The visitor of a request.
#[derive(Clone)]
pub struct Visitor {
    /// The actor for core calls.
    pub actor: Actor,
    /// The UI language.
    pub lang: Lang,
    /// The session token, if logged in.
    pub token: Option<String>,
    /// A flash message for this page (a catalogue key), set by the previous POST.
    pub flash: Option<String>,
}

impl Visitor {
    /// The account, if logged in.
    pub fn account(&self) -> Option<&Account> {
        self.actor.logged_in()
    }

    /// The token that forms of this session carry (`_csrf`): derived from the session
    /// token, so it needs no storage and is worthless without the session cookie.
    pub fn csrf_token(&self) -> Option<String> {
        self.token.as_deref().map(csrf_token_of)
    }

    /// Resolves the visitor from the request headers (one session lookup).
    pub async fn resolve(state: &AppState, headers: &HeaderMap) -> Visitor {
        let token = cookie(headers, SESSION_COOKIE).map(str::to_owned);
        let account = match &token {
            // A broken database shows as "not logged in" here; the handler's own
            // read then reports the failure properly.
            Some(t) => state.core.session(t).await.ok().flatten(),
            None => None,
        };
        let browser = headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').find_map(Lang::parse));
        let lang = cookie(headers, LANG_COOKIE)
            .and_then(Lang::parse)
            .or_else(|| account.as_ref().and_then(|a| Lang::parse(&a.ui_language)))
            .or(browser)
            .unwrap_or_default();
        let token = account.as_ref().and(token);
        let flash = cookie(headers, FLASH_COOKIE)
            .filter(|k| k.starts_with("flash-") && k.len() < 80)
            .map(str::to_owned);
        let actor = match account {
            Some(a) => Actor::account(a),
            None => Actor::anonymous(),
        };
        Visitor {
            actor,
            lang,
            token,
            flash,
        }
    }
}

/// The CSRF token of a session token.
pub fn csrf_token_of(session_token: &str) -> String {
    hex::encode(Sha256::digest(
        format!("koop-csrf:{session_token}").as_bytes(),
    ))
}

/// Reads one cookie from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Resolves the visitor once and keeps it in the request for handlers and error pages.
pub async fn visitor(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let v = Visitor::resolve(&state, req.headers()).await;
    let had_flash = v.flash.is_some();
    req.extensions_mut().insert(v);
    let mut resp = next.run(req).await;
    // A flash message is shown once: the page that read it clears it, unless the
    // response sets a new one.
    let sets_flash = resp
        .headers()
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .any(|c| c.as_bytes().starts_with(FLASH_COOKIE.as_bytes()));
    if had_flash && !sets_flash {
        resp.headers_mut().append(
            axum::http::header::SET_COOKIE,
            axum::http::HeaderValue::from_static("koop_flash=; Path=/; SameSite=Lax; Max-Age=0"),
        );
    }
    resp
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Visitor>() {
            Some(v) => Ok(v.clone()),
            None => Ok(Visitor::resolve(state, &parts.headers).await),
        }
    }
}

/// The client's address, for rate limits: the socket's peer, or (behind a proxy that
/// the operator trusts, `trust_proxy`) the first address of `X-Forwarded-For`.
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let forwarded = state
            .options
            .trust_proxy
            .then(|| {
                parts
                    .headers
                    .get("x-forwarded-for")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split(',').next())
                    .map(|a| a.trim().to_owned())
            })
            .flatten();
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        Ok(ClientAddr(
            forwarded.or(peer).unwrap_or_else(|| "unknown".into()),
        ))
    }
}
