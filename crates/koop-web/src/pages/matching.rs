//! Partner recommendations at an event, and the organisers' view of who needs help.

use super::{Ctx, render, see_other_with_flash};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Redirect, Response};
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
        .route("/events/{id}/matching", get(show_coverage))
        .route(
            "/events/{id}/schedule",
            get(show_schedule_run).post(run_scheduler),
        )
}

/// How many partners a participant sees.
const SHOWN: usize = 15;
/// A score from which a partner counts as a good match in the organisers' view.
const GOOD: f32 = 3.0;

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
#[template(path = "recommendations.html")]
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
            "",
        )
        .await?;
    Ok(see_other_with_flash(
        &crate::paths::event_recommendations(id, Some(f.requester)),
        "flash-request_sent",
    ))
}

struct CoverageRow {
    count: usize,
    org_id: i64,
    org: String,
    title: String,
    participant: Option<i64>,
}

#[derive(Template)]
#[template(path = "coverage.html")]
struct CoveragePage {
    ctx: Ctx,
    id: i64,
    title: String,
    rows: Vec<CoverageRow>,
}

async fn show_coverage(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let title = s
        .core
        .reader(&v.actor)
        .await?
        .event(event)
        .await?
        .data
        .title;
    let rows = s
        .core
        .match_coverage(&v.actor, event, GOOD, SHOWN)
        .await?
        .into_iter()
        .map(|c| CoverageRow {
            count: c.good_matches,
            org_id: c.profile.org_id.0,
            org: c.org_name,
            title: c.profile.data.title,
            participant: c.profile.participant_id.map(|p| p.0),
        })
        .collect();
    render(CoveragePage {
        id,
        title,
        rows,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "schedule_result.html")]
struct ScheduleResult {
    ctx: Ctx,
    id: i64,
    title: String,
    /// The newest run: its id and status code.
    job: Option<(i64, &'static str)>,
    running: bool,
    error: Option<String>,
    r: Option<koop_core::scheduling::ScheduleReport>,
    /// Who, and why not.
    unplaced: Vec<(String, String)>,
}

/// How long the scheduler may search in one run.
const SCHEDULER_SECONDS: u64 = 20;

/// Organisers start a run of the scheduler: a background job, so the answer comes at
/// once and the run's page follows it. Meetings already on the agenda stay.
async fn run_scheduler(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Redirect, AppError> {
    s.core
        .start_schedule_run(
            &v.actor,
            EventId(id),
            std::time::Duration::from_secs(SCHEDULER_SECONDS),
        )
        .await?;
    Ok(Redirect::to(&crate::paths::event_schedule(id)))
}

/// The newest scheduler run of an event: going (the page reloads itself) or its result.
async fn show_schedule_run(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut reader = s.core.reader(&v.actor).await?;
    let title = reader.event(event).await?.data.title;
    let job = reader.latest_schedule_run(event).await?;
    let r = job.as_ref().and_then(|j| j.schedule_report());
    let mut unplaced = Vec::new();
    for (req, why) in r.iter().flat_map(|r| &r.unplaced) {
        let (_, _, a, b) = reader.request(*req).await?;
        let who = format!(
            "{} · {}",
            reader.participant(a).await?.org_name,
            reader.participant(b).await?.org_name
        );
        unplaced.push((who, ctx.t(&format!("unplaced-{why}"))));
    }
    let error = job.as_ref().and_then(|j| j.error.as_ref()).map(|code| {
        ctx.t(&format!(
            "job-error-{}",
            code.split(':').next().unwrap_or(code)
        ))
    });
    render(ScheduleResult {
        id,
        title,
        running: job.as_ref().is_some_and(|j| j.status.is_open()),
        job: job.as_ref().map(|j| (j.id.0, j.status.as_str())),
        error,
        r,
        unplaced,
        ctx,
    })
}
