//! The follow-up months after the event: for each meeting they held, a participant says
//! what came of it, with one choice and an optional note. Organisers may answer for a
//! participant (`?participant=`), as they would on the phone.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::{EventId, MeetingId, ParticipantId};
use koop_core::domain::meeting::{FollowUpStage, MeetingStatus};
use koop_core::policy::EventAccess;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/follow-up", get(show_follow_up))
        .route("/events/{id}/follow-up/{meeting}", post(answer))
}

struct Held {
    id: i64,
    when: String,
    partners: String,
    stage: String,
    note: String,
}

#[derive(Template)]
#[template(path = "public/follow_up.html")]
struct FollowUpPage {
    ctx: Ctx,
    id: i64,
    title: String,
    participant: i64,
    stages: Vec<(&'static str, String)>,
    meetings: Vec<Held>,
}

#[derive(Deserialize)]
struct Whose {
    participant: Option<i64>,
}

async fn show_follow_up(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<Whose>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    let me = match (access, q.participant) {
        (EventAccess::Attend(p), _) => p,
        (EventAccess::Manage, Some(p)) => ParticipantId(p),
        _ => return Err(CoreError::Forbidden.into()),
    };
    let answers = r.follow_up_of(me).await?;
    let meetings = r
        .meetings(event, Some(me))
        .await?
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .map(|m| {
            let answer = answers.iter().find(|a| a.0 == m.id);
            Held {
                id: m.id.0,
                when: m
                    .starts_at
                    .map(|t| crate::pages::day_time(v.lang, t))
                    .unwrap_or_default(),
                partners: m
                    .attendees
                    .iter()
                    .filter(|a| a.participant != me)
                    .map(|a| format!("{} ({})", a.org_name, a.country))
                    .collect::<Vec<_>>()
                    .join(", "),
                stage: answer.map(|a| a.1.as_str().to_owned()).unwrap_or_default(),
                note: answer.map(|a| a.2.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let stages = FollowUpStage::ALL
        .iter()
        .map(|st| (st.as_str(), ctx.kind("stage", st.as_str())))
        .collect();
    render(FollowUpPage {
        id,
        title: ev.data.title,
        participant: me.0,
        stages,
        meetings,
        ctx,
    })
}

#[derive(Deserialize)]
struct Answer {
    participant: i64,
    stage: String,
    #[serde(default)]
    note: String,
}

async fn answer(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Form(f): Form<Answer>,
) -> Result<Response, AppError> {
    let stage = FollowUpStage::parse(&f.stage).map_err(CoreError::field)?;
    s.core
        .answer_follow_up(
            &v.actor,
            EventId(id),
            MeetingId(meeting),
            ParticipantId(f.participant),
            stage,
            &f.note,
        )
        .await?;
    Ok(see_other_with_flash(
        &format!("{}#meeting-{meeting}", paths::event_follow_up(id)),
        "flash-thanks",
    ))
}
