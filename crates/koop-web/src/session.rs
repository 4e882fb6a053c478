//! Who is asking: the session cookie becomes an [`Actor`], and the language comes from
//! the `koop_lang` cookie, the account, or the browser's Accept-Language, in that order.

use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use koop_core::Actor;
use koop_core::domain::account::Account;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "koop_session";
/// The language cookie's name.
pub const LANG_COOKIE: &str = "koop_lang";

/// The visitor of a request.
pub struct Visitor {
    /// The actor for core calls.
    pub actor: Actor,
    /// The UI language.
    pub lang: Lang,
    /// The session token, if logged in.
    pub token: Option<String>,
}

impl Visitor {
    /// The account, if logged in.
    pub fn account(&self) -> Option<&Account> {
        self.actor.logged_in()
    }
}

/// Reads one cookie from the request headers.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = cookie(parts, SESSION_COOKIE).map(str::to_owned);
        let account = match &token {
            // A broken database shows as "not logged in" here; the handler's own
            // read then reports the failure properly.
            Some(t) => state.core.session(t).await.ok().flatten(),
            None => None,
        };
        let browser = parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').find_map(Lang::parse));
        let lang = cookie(parts, LANG_COOKIE)
            .and_then(Lang::parse)
            .or_else(|| account.as_ref().and_then(|a| Lang::parse(&a.ui_language)))
            .or(browser)
            .unwrap_or_default();
        let token = account.as_ref().and(token);
        let actor = match account {
            Some(a) => Actor::account(a),
            None => Actor::anonymous(),
        };
        Ok(Visitor { actor, lang, token })
    }
}
