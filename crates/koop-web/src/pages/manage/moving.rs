//! Organisers move a scheduled meeting by hand: the page offers only the times at which
//! all its participants are free and a table is left, so no rule can break.

use crate::error::AppError;
use crate::pages::{Ctx, day_time, render, see_other_with_flash, slots};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::domain::ids::{EventId, MeetingId};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/events/{id}/meetings/{meeting}/move",
        get(show_move).post(move_meeting),
    )
}

#[derive(Template)]
#[template(path = "manage/move.html")]
struct MovePage {
    ctx: Ctx,
    id: i64,
    title: String,
    meeting: i64,
    when: String,
    table: String,
    who: String,
    slots: Vec<slots::SlotGroup>,
}

async fn show_move(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::Schedule)
        .await?;
    let title = r.event(event).await?.data.title;
    let m = r
        .meetings(event, None)
        .await?
        .into_iter()
        .find(|m| m.id == MeetingId(meeting))
        .ok_or_else(AppError::not_found)?;
    let free = r.free_slots_for_meeting(m.id).await?;
    drop(r);
    render(MovePage {
        id,
        title,
        meeting,
        when: m.starts_at.map(|t| day_time(v.lang, t)).unwrap_or_default(),
        table: m.table_no.map(|n| n.to_string()).unwrap_or_default(),
        who: m.who(),
        slots: slots::groups(&ctx, v.lang, free),
        ctx,
    })
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    slot: String,
}

async fn move_meeting(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Form(f): Form<MoveForm>,
) -> Result<Response, AppError> {
    let (session, starts_at) = slots::parse(&f.slot)?;
    s.core
        .move_meeting(
            &v.actor,
            EventId(id),
            MeetingId(meeting),
            session,
            starts_at,
        )
        .await?;
    Ok(see_other_with_flash(
        &format!("{}#meeting-{meeting}", crate::paths::event_meetings(id)),
        "flash-meeting_moved",
    ))
}
