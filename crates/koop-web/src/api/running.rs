//! Running an exchange in the JSON API: start the optimiser as a background job and
//! follow it, publish the schedule, check people in, mark meetings held or no-show,
//! and read the figures. For the event's organisers, each with its task.

use super::dto::ErrorDto;
use super::exchange::Body;
use super::{ApiResult, OrApi};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use koop_core::domain::event::{ParticipantStatus, ScheduleState};
use koop_core::domain::ids::{EventId, MeetingId, ParticipantId};
use koop_core::domain::meeting::MeetingStatus;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A scheduler run: where it stands and, when done, its report.
#[derive(Serialize, ToSchema)]
pub struct ScheduleRunDto {
    pub job_id: i64,
    /// queued, running, done, failed
    pub status: String,
    pub created_at: String,
    pub finished_at: Option<String>,
    /// Why it failed, as a stable code.
    pub error: Option<String>,
    /// optimal, feasible, infeasible, unknown (when done).
    pub solver_status: Option<String>,
    pub placed: Option<usize>,
    pub kept: Option<usize>,
    pub placeable_upper_bound: Option<usize>,
    pub breaks: Option<u32>,
    pub lower_bound_breaks: Option<u32>,
    /// Accepted requests that found no slot, with the reason's code.
    pub unplaced: Vec<UnplacedDto>,
}

/// A request the run could not place.
#[derive(Serialize, ToSchema)]
pub struct UnplacedDto {
    pub request_id: i64,
    pub reason: String,
}

/// Starts the optimiser as a background job (or joins the one queued or running).
#[utoipa::path(post, path = "/api/v1/events/{id}/schedule-runs", params(("id" = i64, Path)), responses((status = 202, body = ScheduleRunDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn start_run(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<ScheduleRunDto>), AppError> {
    let event = EventId(id);
    let seconds = crate::pages::manage::scheduling::SCHEDULER_SECONDS;
    s.core
        .start_schedule_run(&v.actor, event, std::time::Duration::from_secs(seconds))
        .await
        .api()?;
    let Json(run) = latest(&s, &v, event).await?;
    Ok((StatusCode::ACCEPTED, Json(run)))
}

/// The latest scheduler run of the event.
#[utoipa::path(get, path = "/api/v1/events/{id}/schedule-runs/latest", params(("id" = i64, Path)), responses((status = 200, body = ScheduleRunDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn latest_run(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<ScheduleRunDto> {
    latest(&s, &v, EventId(id)).await
}

async fn latest(s: &AppState, v: &Visitor, event: EventId) -> ApiResult<ScheduleRunDto> {
    let mut r = s.core.reader(&v.actor).await.api()?;
    r.require_task(event, koop_core::domain::task::Task::Schedule)
        .await
        .api()?;
    let job = r
        .latest_schedule_run(event)
        .await
        .api()?
        .ok_or_else(|| AppError::api(koop_core::CoreError::NotFound))?;
    let report = job.schedule_report();
    Ok(Json(ScheduleRunDto {
        job_id: job.id.0,
        status: job.status.as_str().to_owned(),
        created_at: job.created_at.clone(),
        finished_at: job.finished_at.clone(),
        error: job.error.clone(),
        solver_status: report.as_ref().map(|x| x.status.clone()),
        placed: report.as_ref().map(|x| x.placed),
        kept: report.as_ref().map(|x| x.kept),
        placeable_upper_bound: report.as_ref().map(|x| x.placeable_upper_bound),
        breaks: report.as_ref().map(|x| x.breaks),
        lower_bound_breaks: report.as_ref().map(|x| x.lower_bound_breaks),
        unplaced: report
            .iter()
            .flat_map(|x| &x.unplaced)
            .map(|(r, why)| UnplacedDto {
                request_id: r.0,
                reason: why.clone(),
            })
            .collect(),
    }))
}

/// The schedule's new state.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct ScheduleStateDto {
    /// draft, preliminary or final
    pub state: String,
}

/// Publishes the schedule as preliminary or final (participants are mailed), or
/// takes it back to draft.
#[utoipa::path(post, path = "/api/v1/events/{id}/schedule/state", params(("id" = i64, Path)), request_body = ScheduleStateDto, responses((status = 200, body = ScheduleStateDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 409, body = ErrorDto)))]
pub async fn set_state(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<ScheduleStateDto>,
) -> ApiResult<ScheduleStateDto> {
    let to = ScheduleState::parse(&b.state).map_err(|e| AppError::api(e.into()))?;
    s.core
        .set_schedule_state(&v.actor, EventId(id), to)
        .await
        .api()?;
    Ok(Json(ScheduleStateDto {
        state: to.as_str().to_owned(),
    }))
}

/// A participant's status after a change.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct StatusDto {
    pub status: String,
}

/// Checks a participant in (one who never confirmed is confirmed on the spot).
#[utoipa::path(post, path = "/api/v1/events/{id}/participants/{participant}/check-in", params(("id" = i64, Path), ("participant" = i64, Path)), responses((status = 200, body = StatusDto), (status = 403, body = ErrorDto), (status = 409, body = ErrorDto)))]
pub async fn check_in(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, participant)): Path<(i64, i64)>,
) -> ApiResult<StatusDto> {
    let status = s
        .core
        .set_participant_status(
            &v.actor,
            EventId(id),
            ParticipantId(participant),
            |st| match st {
                ParticipantStatus::Registered => st.confirm()?.check_in(),
                _ => st.check_in(),
            },
        )
        .await
        .api()?;
    Ok(Json(StatusDto {
        status: status.to_string(),
    }))
}

/// Marks a meeting held, a no-show, or cancels it.
#[utoipa::path(post, path = "/api/v1/events/{id}/meetings/{meeting}/status", params(("id" = i64, Path), ("meeting" = i64, Path)), request_body = StatusDto, responses((status = 200, body = StatusDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 409, body = ErrorDto)))]
pub async fn meeting_status(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Body(b): Body<StatusDto>,
) -> ApiResult<StatusDto> {
    let to = match b.status.as_str() {
        "held" => MeetingStatus::Held,
        "no_show" => MeetingStatus::NoShow,
        "cancelled" => MeetingStatus::Cancelled,
        other => {
            return Err(AppError::bad_request(
                "status",
                "invalid_choice",
                format!("'{other}' is not held, no_show or cancelled"),
            )
            .into_json());
        }
    };
    let status = s
        .core
        .set_meeting_status(&v.actor, EventId(id), MeetingId(meeting), to)
        .await
        .api()?;
    Ok(Json(StatusDto {
        status: status.to_string(),
    }))
}

/// An event's figures, during and after it.
#[derive(Serialize, ToSchema)]
pub struct FiguresDto {
    /// Requests per status.
    pub requests: Vec<(String, i64)>,
    /// Meetings per status.
    pub meetings: Vec<(String, i64)>,
    /// (meetings, participants with that many)
    pub meetings_per_participant: Vec<(i64, i64)>,
    /// (country, participants, requests sent, meetings held)
    pub by_country: Vec<(String, i64, i64, i64)>,
    /// (NACE division, participants, meetings held)
    pub by_sector: Vec<(String, i64, i64)>,
    /// (score 1–5, ratings)
    pub ratings: Vec<(i64, i64)>,
}

/// The figures of an event: requests, meetings, per participant, country and sector.
#[utoipa::path(get, path = "/api/v1/events/{id}/statistics", params(("id" = i64, Path)), responses((status = 200, body = FiguresDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn statistics(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<FiguresDto> {
    let mut r = s.core.reader(&v.actor).await.api()?;
    let f = r.event_figures(EventId(id)).await.api()?;
    Ok(Json(FiguresDto {
        requests: f.requests,
        meetings: f.meetings,
        meetings_per_participant: f.meetings_per_participant,
        by_country: f.by_country,
        by_sector: f.by_sector,
        ratings: f.ratings,
    }))
}
