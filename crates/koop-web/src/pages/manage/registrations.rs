//! The organisers' list of registrations: who registered, what they answered, whose
//! profile is missing, and a button to confirm each.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use koop_core::domain::event::ParticipantStatus;
use koop_core::domain::ids::{EventId, ParticipantId};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/registrations", get(show_registrations))
        .route(
            "/events/{id}/registrations/{participant}/confirm",
            post(confirm),
        )
}

struct Registration {
    id: i64,
    org: String,
    country: String,
    person: String,
    status: String,
    waiting: bool,
    profiles: usize,
    /// (question, answer)
    answers: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "manage/registrations.html")]
struct RegistrationsPage {
    ctx: Ctx,
    id: i64,
    title: String,
    registrations: Vec<Registration>,
    waiting: usize,
    incomplete: usize,
}

async fn show_registrations(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::Registrations)
        .await?;
    let ev = r.event(event).await?;
    let answers: HashMap<ParticipantId, _> =
        r.registration_answers(event).await?.into_iter().collect();
    let mut profiles: HashMap<ParticipantId, usize> = HashMap::new();
    for p in r.event_profiles(event).await? {
        if let Some(owner) = p.participant_id {
            *profiles.entry(owner).or_default() += 1;
        }
    }
    let registrations: Vec<Registration> = r
        .participants(event)
        .await?
        .into_iter()
        .map(|p| {
            let status = p.status.unwrap_or(ParticipantStatus::Registered);
            Registration {
                id: p.id.0,
                org: p.org_name,
                country: p.country,
                person: p.person_name.unwrap_or_default(),
                status: ctx.kind("participant", status.as_str()),
                waiting: status == ParticipantStatus::Registered,
                profiles: profiles.get(&p.id).copied().unwrap_or(0),
                answers: answers
                    .get(&p.id)
                    .map(|a| {
                        a.iter()
                            .map(|x| (x.question.clone(), x.answer.clone()))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    render(RegistrationsPage {
        id,
        title: ev.data.title,
        waiting: registrations.iter().filter(|x| x.waiting).count(),
        incomplete: registrations.iter().filter(|x| x.profiles == 0).count(),
        registrations,
        ctx,
    })
}

async fn confirm(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, participant)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    s.core
        .set_participant_status(&v.actor, event, ParticipantId(participant), |st| {
            st.confirm()
        })
        .await?;
    Ok(see_other_with_flash(
        &format!("{}#p{participant}", paths::event_registrations(event)),
        "flash-confirmed",
    ))
}
