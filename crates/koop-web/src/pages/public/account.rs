//! A person's own account: download everything koop holds about them, and erase it.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(show_account))
        .route("/account/data.json", get(download))
        .route("/account/erase", post(erase))
}

#[derive(Template)]
#[template(path = "public/account.html")]
struct AccountPage {
    ctx: Ctx,
    email: String,
    /// Participants may erase their account themselves; staff accounts are closed by
    /// their agency.
    may_erase: bool,
}

async fn show_account(v: Visitor) -> Result<Html<String>, AppError> {
    let account = v.account().ok_or(CoreError::Forbidden)?;
    let may_erase = matches!(
        v.actor.viewer(),
        koop_core::domain::account::Viewer::Participant { .. }
    );
    render(AccountPage {
        email: account.email.clone(),
        may_erase,
        ctx: Ctx::new(&v),
    })
}

/// Everything koop holds about the visitor, as a JSON file.
async fn download(State(s): State<AppState>, v: Visitor) -> Result<Response, AppError> {
    let data = s.core.own_data(&v.actor).await?;
    let body = serde_json::to_string_pretty(&data)
        .map_err(|e| CoreError::Internal(format!("own data: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"koop-data.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize)]
struct EraseForm {
    #[serde(default)]
    password: String,
}

/// Erases the visitor's account and personal data, and logs them out.
async fn erase(
    State(s): State<AppState>,
    v: Visitor,
    Form(f): Form<EraseForm>,
) -> Result<Response, AppError> {
    s.core.erase_own_account(&v.actor, &f.password).await?;
    let mut resp = see_other_with_flash(crate::paths::HOME, "flash-erased");
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static("koop_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(resp)
}
