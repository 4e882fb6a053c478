//! A participant's recommended partners, each with its reasons, and meeting requests
//! straight from them.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::{EventId, ParticipantId};
use koop_core::domain::meeting::Priority;
use koop_core::policy::EventAccess;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/recommendations", get(show_recommendations))
        .route("/events/{id}/requests", post(request_meeting))
}

/// How many partners a participant sees.
const SHOWN: usize = 15;

struct RecRow {
    title: String,
    kind: String,
    org_id: i64,
    org_name: String,
    country: String,
    score: String,
    reasons: Vec<String>,
    participant: Option<i64>,
    /// The status of an existing request between the two, translated.
    requested: Option<String>,
}

#[derive(Template)]
#[template(path = "public/recommendations.html")]
struct Recommendations {
    ctx: Ctx,
    id: i64,
    title: String,
    participant: i64,
    choices: Vec<(i64, String)>,
    own_title: Option<String>,
    recs: Vec<RecRow>,
}

#[derive(Deserialize)]
struct RecQuery {
    participant: Option<i64>,
}

async fn show_recommendations(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<RecQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    // Participants see their own recommendations; organisers pick anyone's; the public
    // and other events' people none.
    let (participant, choices) = if let EventAccess::Attend(me) = access {
        (me.0, vec![])
    } else if access != EventAccess::Manage {
        return Err(CoreError::Forbidden.into());
    } else {
        let people = r.participants(event).await?;
        let choices: Vec<(i64, String)> = people
            .iter()
            .map(|p| {
                (
                    p.id.0,
                    match &p.person_name {
                        Some(name) => format!("{} – {name}", p.org_name),
                        None => p.org_name.clone(),
                    },
                )
            })
            .collect();
        let chosen = q
            .participant
            .or(choices.first().map(|c| c.0))
            .ok_or_else(AppError::not_found)?;
        // A participant of another event is not one of this event's.
        if !choices.iter().any(|c| c.0 == chosen) {
            return Err(AppError::not_found());
        }
        (chosen, choices)
    };
    let existing = r.requests_of(ParticipantId(participant)).await?;
    drop(r);
    let own = s
        .core
        .participant_profile(&v.actor, ParticipantId(participant))
        .await?;
    let recs = match &own {
        Some(p) => s.core.recommendations(&v.actor, event, p.id, SHOWN).await?,
        None => vec![],
    };
    let recs = recs
        .into_iter()
        .map(|x| RecRow {
            title: x.title,
            kind: ctx.kind("profile", x.kind.as_str()),
            org_id: x.org_id.0,
            org_name: x.org_name,
            country: x.country,
            score: format!("{:.1}", x.score),
            reasons: x
                .reasons
                .iter()
                .map(|r| crate::i18n::reason_text(v.lang.texts(), r))
                .collect(),
            participant: x.participant_id.map(|p| p.0),
            requested: existing
                .iter()
                .find(|(other, _)| Some(*other) == x.participant_id)
                .map(|(_, st)| ctx.kind("request", st.as_str())),
        })
        .collect();
    render(Recommendations {
        id,
        title: ev.data.title,
        participant,
        choices,
        own_title: own.map(|p| p.data.title),
        recs,
        ctx,
    })
}

#[derive(Deserialize)]
struct RequestForm {
    requester: i64,
    receiver: i64,
    #[serde(default)]
    message: String,
    /// The marketplace search the request was sent from, to return to.
    #[serde(default)]
    back: String,
}

/// A meeting request from the recommendations; core checks that a participant asks for themselves.
async fn request_meeting(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<RequestForm>,
) -> Result<Response, AppError> {
    s.core
        .request_meeting(
            &v.actor,
            EventId(id),
            ParticipantId(f.requester),
            ParticipantId(f.receiver),
            Priority::Normal,
            &f.message,
        )
        .await?;
    // Only a page of this event's marketplace is a place to return to.
    let marketplace = crate::paths::event_profiles(id);
    let back = match f.back.strip_prefix(&marketplace) {
        Some(rest) if rest.is_empty() || rest.starts_with('?') => f.back.clone(),
        _ => crate::paths::event_recommendations(id, Some(f.requester)),
    };
    Ok(see_other_with_flash(&back, "flash-request_sent"))
}
