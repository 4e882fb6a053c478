//! The audit log: every change, who made it and when, for the agency's staff.

use crate::error::AppError;
use crate::pages::public::generic::list_page;
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new().route("/audit", get(show_audit))
}

/// The audit log of the visitor's agency (all agencies for platform admins).
async fn show_audit(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let entries = r.audit(200).await?;
    let mut page = list_page(ctx, "nav-audit");
    page.links = entries
        .into_iter()
        .map(|a| {
            (
                format!("#audit-{}", a.id),
                format!("{} · {} #{}", a.action, a.subject_kind, a.subject_id),
                a.at,
            )
        })
        .collect();
    render(page)
}
