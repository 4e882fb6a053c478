//! HTML pages, in two areas: `public` (what visitors and participants read and do) and
//! `manage` (forms and views for staff and organisers). Templates mirror them under
//! `templates/public` and `templates/manage`; the layout and the error page sit at the top.

pub mod assets;
pub mod errors;
pub(crate) mod manage;
pub(crate) mod public;
mod slots;

use crate::error::AppError;
use crate::i18n::{Lang, Texts};
use crate::session::{ClientAddr, FLASH_COOKIE, LANG_COOKIE, SESSION_COOKIE, Visitor};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koop_core::domain::account::Role;
use serde::Deserialize;

/// All page routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(public::home::show_home))
        .route("/login", get(show_login).post(login))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(set_lang))
        .merge(public::routes())
        .merge(manage::routes())
}

/// What every page's layout needs.
pub struct Ctx {
    /// UI language.
    pub lang: Lang,
    texts: Texts,
    /// Display name of the logged-in account.
    pub user_name: Option<String>,
    /// Whether the visitor is agency staff, an organiser or an admin.
    pub is_staff: bool,
    /// The catalogue's languages for the switch: code and name in that language.
    pub langs: Vec<(&'static str, String)>,
    /// The token every form of a logged-in visitor carries (`_csrf`).
    pub csrf: String,
    /// A message from the previous step ("saved"), in the visitor's language.
    pub flash: Option<String>,
}

impl Ctx {
    /// The context for a visitor.
    pub fn new(v: &Visitor) -> Ctx {
        let texts = v.lang.texts();
        Ctx {
            lang: v.lang,
            texts,
            user_name: v.account().map(|a| a.display_name.clone()),
            is_staff: v.account().is_some_and(|a| a.role != Role::Participant),
            langs: Lang::all()
                .map(|l| (l.code(), l.texts().get("language-name")))
                .collect(),
            csrf: v.csrf_token().unwrap_or_default(),
            flash: v.flash.as_deref().and_then(|k| texts.try_get(k)),
        }
    }

    /// A UI text.
    pub fn t(&self, key: &str) -> String {
        self.texts.get(key)
    }

    /// The label of an enum value, e.g. `kind("org", "cluster")`.
    pub fn kind(&self, group: &str, value: &str) -> String {
        self.texts.get(&format!("kind-{group}-{value}"))
    }

    /// The texts of the visitor's language.
    pub fn texts(&self) -> Texts {
        self.texts
    }
}

/// Renders a template into a response.
pub fn render(page: impl Template) -> Result<Html<String>, AppError> {
    page.render()
        .map(Html)
        .map_err(|e| koop_core::CoreError::Internal(format!("template: {e}")).into())
}

/// A redirect after a successful POST, with a flash message (a catalogue key) for
/// the page it leads to.
pub fn see_other_with_flash(to: &str, flash: &'static str) -> Response {
    let mut resp = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{FLASH_COOKIE}={flash}; Path=/; SameSite=Lax; Max-Age=60"
    )) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// The fallback for unknown paths.
pub async fn not_found() -> AppError {
    AppError::not_found()
}

#[derive(Template)]
#[template(path = "public/login.html")]
struct LoginPage {
    ctx: Ctx,
    failed: bool,
    email: String,
}

async fn show_login(v: Visitor) -> Result<Html<String>, AppError> {
    render(LoginPage {
        ctx: Ctx::new(&v),
        failed: false,
        email: String::new(),
    })
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
}

async fn login(
    State(state): State<AppState>,
    v: Visitor,
    client: ClientAddr,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    match state
        .core
        .login(&form.email, &form.password, &client.0)
        .await
    {
        Ok((_, token)) => Ok(logged_in(
            &token,
            Redirect::to(crate::paths::HOME).into_response(),
        )),
        Err(koop_core::CoreError::BadCredentials) => {
            let page = render(LoginPage {
                ctx: Ctx::new(&v),
                failed: true,
                email: form.email,
            })?;
            Ok((axum::http::StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `resp` with the session cookie of a fresh login.
pub fn logged_in(token: &str, mut resp: Response) -> Response {
    // `Secure` is added by `layers::secure_cookies` when koop is served over TLS.
    let cookie = format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}",
        koop_core::auth::SESSION_DAYS * 86_400
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, value);
    }
    resp
}

async fn logout(State(state): State<AppState>, v: Visitor) -> Result<Response, AppError> {
    if let Some(token) = &v.token {
        state.core.logout(token).await?;
    }
    let mut resp = Redirect::to(crate::paths::HOME).into_response();
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static("koop_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(resp)
}

fn lang_cookie(lang: Lang) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    )
}

/// Switches the UI language and goes back to the page the visitor came from.
async fn set_lang(Path(code): Path<String>, headers: HeaderMap) -> Result<Response, AppError> {
    let lang = Lang::parse(&code).ok_or_else(|| {
        AppError::bad_request(
            "lang",
            "not_a_language",
            format!("'{code}' is not a UI language"),
        )
    })?;
    // Only same-site paths are followed back, so the switch cannot redirect elsewhere.
    let back = headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_owned()))
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned());
    let mut resp = Redirect::to(&back).into_response();
    if let Ok(value) = HeaderValue::from_str(&lang_cookie(lang)) {
        resp.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(resp)
}

/// Formats a number with thousands separators in the UI language.
pub fn number(lang: Lang, v: f64) -> String {
    let rounded = v.round() as i64;
    let digits = rounded.abs().to_string();
    let sep = lang.texts().get("format-thousands");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(&sep);
        }
        out.push(c);
    }
    if rounded < 0 { format!("-{out}") } else { out }
}

/// Formats a day and a time of day for the UI language (a session's start, a meeting).
pub fn day_time(lang: Lang, t: chrono::NaiveDateTime) -> String {
    t.format(&lang.texts().get("format-day-time")).to_string()
}

/// Formats a stored instant (RFC 3339, UTC) as a day and time in the UI language.
pub fn date_time_of(lang: Lang, rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| day_time(lang, t.naive_utc()))
        .unwrap_or_default()
}

/// Formats a date for the UI language.
pub fn date(lang: Lang, d: chrono::NaiveDate) -> String {
    d.format(&lang.texts().get("format-date")).to_string()
}

/// A PDF document as the answer, named for a download.
pub fn pdf_response(
    report: &koop_docs::pdf::Report,
    file_name: &str,
) -> Result<Response, AppError> {
    let bytes =
        koop_docs::pdf::write(report).map_err(|e| koop_core::CoreError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// What the visitor may do at an event, for pages to show only the buttons that work.
#[derive(Debug, Clone, Copy, Default)]
pub struct May {
    pub programme: bool,
    pub registrations: bool,
    pub schedule: bool,
    pub on_the_day: bool,
}

impl May {
    pub fn of(tasks: koop_core::domain::task::Tasks) -> May {
        use koop_core::domain::task::Task;
        May {
            programme: tasks.contains(Task::Programme),
            registrations: tasks.contains(Task::Registrations),
            schedule: tasks.contains(Task::Schedule),
            on_the_day: tasks.contains(Task::OnTheDay),
        }
    }
}
