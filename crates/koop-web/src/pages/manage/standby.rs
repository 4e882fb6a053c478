//! On the day: a meeting was a no-show, so its table and the partner who came are
//! free. The organiser picks a meeting from the standby list and places it there with
//! one tap; both sides get a mail.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::domain::ids::{EventId, MeetingId, MeetingRequestId};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/events/{id}/day/meetings/{meeting}/standby",
        get(show_standby).post(refill),
    )
}

struct Candidate {
    request: i64,
    sides: String,
    priority: String,
    partner_who_came: bool,
    both_here: bool,
}

#[derive(Template)]
#[template(path = "manage/standby.html")]
struct StandbyPage {
    ctx: Ctx,
    id: i64,
    meeting: i64,
    title: String,
    /// The freed slot: time, table, who missed it.
    freed: String,
    day: String,
    candidates: Vec<Candidate>,
}

async fn show_standby(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::OnTheDay)
        .await?;
    let title = r.event(event).await?.data.title;
    let list = r.standby_for(MeetingId(meeting)).await?;
    let freed = r
        .meetings(event, None)
        .await?
        .into_iter()
        .find(|m| m.id.0 == meeting)
        .ok_or(koop_core::CoreError::NotFound)?;
    let when = freed
        .starts_at
        .map(|t| crate::pages::day_time(v.lang, t))
        .unwrap_or_default();
    let table = freed
        .table_no
        .map(|n| format!(" · {} {n}", ctx.t("field-table")))
        .unwrap_or_default();
    let candidates = list
        .into_iter()
        .map(|c| Candidate {
            request: c.request.0,
            sides: c
                .sides
                .iter()
                .map(|x| format!("{} ({})", x.org_name, x.country))
                .collect::<Vec<_>>()
                .join(" · "),
            priority: ctx.kind("priority", c.priority.as_str()),
            partner_who_came: c.partner_who_came,
            both_here: c.sides.iter().all(|x| x.here),
        })
        .collect();
    render(StandbyPage {
        id,
        meeting,
        title,
        freed: format!("{when}{table} · {}", freed.who()),
        day: freed
            .starts_at
            .map(|t| t.date().to_string())
            .unwrap_or_default(),
        candidates,
        ctx,
    })
}

#[derive(Deserialize)]
struct Pick {
    request: i64,
}

async fn refill(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Form(f): Form<Pick>,
) -> Result<Response, AppError> {
    let placed = s
        .core
        .refill_from_standby(
            &v.actor,
            EventId(id),
            MeetingId(meeting),
            MeetingRequestId(f.request),
        )
        .await?;
    let day = s
        .core
        .reader(&v.actor)
        .await?
        .meetings(EventId(id), None)
        .await?
        .into_iter()
        .find(|m| m.id == placed)
        .and_then(|m| m.starts_at.map(|t| t.date()));
    Ok(see_other_with_flash(
        &format!("{}#meeting-{}", crate::paths::event_day(id, day), placed.0),
        "flash-refilled",
    ))
}
