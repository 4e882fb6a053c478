//! For organisers: starting a scheduler run (a background job) and following it to
//! its result.

use crate::error::AppError;
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{Html, Redirect};
use axum::routing::{get, post};
use koop_core::domain::event::ScheduleState;
use koop_core::domain::ids::EventId;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/events/{id}/schedule",
            get(show_schedule_run).post(run_scheduler),
        )
        .route("/events/{id}/schedule/state", post(publish))
}

#[derive(Template)]
#[template(path = "manage/schedule_result.html")]
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
    /// How far the schedule is published, and the steps to take from here.
    state: String,
    state_code: &'static str,
    steps: Vec<(&'static str, String)>,
}

/// How long the scheduler may search in one run.
pub(crate) const SCHEDULER_SECONDS: u64 = 20;

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
    reader
        .require_task(event, koop_core::domain::task::Task::Schedule)
        .await?;
    let ev = reader.event(event).await?;
    let title = ev.data.title;
    let steps = ScheduleState::ALL
        .iter()
        .filter(|st| **st != ev.schedule)
        .map(|st| (st.as_str(), ctx.t(&format!("publish-to-{}", st.as_str()))))
        .collect();
    let state = ctx.kind("schedule", ev.schedule.as_str());
    let state_code = ev.schedule.as_str();
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
        state,
        state_code,
        steps,
        ctx,
    })
}

#[derive(serde::Deserialize)]
struct PublishForm {
    state: String,
}

/// Publishes the schedule to the participants (preliminary or final), or takes it back.
async fn publish(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<PublishForm>,
) -> Result<axum::response::Response, AppError> {
    let to = ScheduleState::parse(&f.state).map_err(koop_core::CoreError::from)?;
    s.core.set_schedule_state(&v.actor, EventId(id), to).await?;
    Ok(crate::pages::see_other_with_flash(
        &crate::paths::event_schedule(id),
        "flash-saved",
    ))
}
