//! The event's co-organisers and what each one's staff may do: the owner ticks the
//! tasks per organisation; everyone who manages the event sees who does what.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::domain::ids::{EventId, OrgId};
use koop_core::domain::task::{Task, Tasks};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/co-organisers", get(show))
        .route("/events/{id}/co-organisers/{org}", post(set_tasks))
}

/// One organisation as the page shows it.
struct Row {
    org: i64,
    name: String,
    owner: bool,
    /// Whether it is an agency in koop (else it has no staff to grant anything to).
    in_koop: bool,
    /// (code, label, granted)
    tasks: Vec<(&'static str, String, bool)>,
    /// (name, e-mail, role)
    staff: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "manage/co_organisers.html")]
struct Page {
    ctx: Ctx,
    id: i64,
    title: String,
    /// Whether the visitor owns the event and may change the tasks.
    owns: bool,
    rows: Vec<Row>,
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let organisers = r.co_organisers(event).await?;
    let title = r.event(event).await?.data.title;
    let owns = r.owns(event).await?;
    let rows = organisers
        .into_iter()
        .map(|o| Row {
            org: o.org.0,
            name: o.name,
            owner: o.owner,
            in_koop: o.agency.is_some(),
            tasks: Task::ALL
                .iter()
                .map(|t| {
                    (
                        t.as_str(),
                        ctx.kind("task", t.as_str()),
                        o.tasks.contains(*t),
                    )
                })
                .collect(),
            staff: o
                .staff
                .into_iter()
                .map(|(name, email, role)| (name, email, ctx.kind("account", role.as_str())))
                .collect(),
        })
        .collect();
    render(Page {
        ctx,
        id,
        title,
        owns,
        rows,
    })
}

/// The ticked tasks of one organisation; a code that is no task names itself.
async fn set_tasks(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, org)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let tasks: Tasks = pairs
        .iter()
        .filter(|(k, _)| k == "task")
        .map(|(_, code)| {
            Task::parse(code).map_err(|_| {
                AppError::bad_request("task", "invalid_choice", format!("'{code}' is not a task"))
            })
        })
        .collect::<Result<_, _>>()?;
    s.core
        .set_co_organiser_tasks(&v.actor, EventId(id), OrgId(org), tasks)
        .await?;
    Ok(see_other_with_flash(
        &crate::paths::event_co_organisers(id),
        "flash-saved",
    ))
}
