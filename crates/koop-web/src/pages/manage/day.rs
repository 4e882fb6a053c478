//! For organisers on the day: check participants in, and mark each meeting held or a
//! no-show with one tap, on a phone.

use crate::error::AppError;
use crate::pages::{Ctx, date, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use koop_core::CoreError;
use koop_core::domain::event::ParticipantStatus;
use koop_core::domain::ids::{EventId, MeetingId, ParticipantId};
use koop_core::domain::meeting::MeetingStatus;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/day", get(show_day))
        .route("/events/{id}/day/check-in", post(check_in))
        .route("/events/{id}/day/meetings/{meeting}", post(mark_meeting))
}

struct Arrival {
    id: i64,
    org: String,
    person: String,
    status: String,
    status_code: &'static str,
    here: bool,
}

struct Slot {
    id: i64,
    time: String,
    table: String,
    who: String,
    status: String,
    status_code: &'static str,
    open: bool,
    /// A no-show, whose slot the standby list may refill.
    freed: bool,
}

#[derive(Template)]
#[template(path = "manage/day.html")]
struct DayPage {
    ctx: Ctx,
    id: i64,
    title: String,
    day: String,
    /// The event's days, as (ISO date, shown date).
    days: Vec<(String, String)>,
    arrivals: Vec<Arrival>,
    meetings: Vec<Slot>,
    here: usize,
}

#[derive(Deserialize)]
struct DayQuery {
    date: Option<NaiveDate>,
}

async fn show_day(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<DayQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::OnTheDay)
        .await?;
    let ev = r.event(event).await?;
    let today = chrono::Local::now().date_naive();
    let (first, last) = (ev.data.start_on, ev.data.end_on);
    let day = q.date.unwrap_or(if (first..=last).contains(&today) {
        today
    } else {
        first
    });
    let days = first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| (d.to_string(), date(v.lang, d)))
        .collect();
    let arrivals: Vec<Arrival> = r
        .participants(event)
        .await?
        .into_iter()
        .filter(|p| p.status.is_some_and(|s| s != ParticipantStatus::Cancelled))
        .map(|p| {
            let status = p.status.unwrap_or(ParticipantStatus::Registered);
            Arrival {
                id: p.id.0,
                org: p.org_name,
                person: p.person_name.unwrap_or_default(),
                status: ctx.kind("participant", status.as_str()),
                status_code: status.as_str(),
                here: status == ParticipantStatus::Attended,
            }
        })
        .collect();
    let meetings = r
        .meetings(event, None)
        .await?
        .into_iter()
        .filter(|m| m.starts_at.is_some_and(|t| t.date() == day))
        .map(|m| Slot {
            id: m.id.0,
            time: m
                .starts_at
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            table: m
                .table_no
                .map(|n| format!("{} {n}", ctx.t("field-table")))
                .unwrap_or_default(),
            who: m.who(),
            status: ctx.kind("meeting", m.status.as_str()),
            status_code: m.status.as_str(),
            open: m.status == MeetingStatus::Scheduled,
            freed: m.status == MeetingStatus::NoShow && m.table_no.is_some(),
        })
        .collect();
    render(DayPage {
        id,
        title: ev.data.title,
        day: day.to_string(),
        days,
        here: arrivals.iter().filter(|a| a.here).count(),
        arrivals,
        meetings,
        ctx,
    })
}

#[derive(Deserialize)]
struct CheckIn {
    participant: i64,
    #[serde(default)]
    date: Option<NaiveDate>,
}

/// Checks a participant in; one who registered but never confirmed is confirmed on
/// the spot.
async fn check_in(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<CheckIn>,
) -> Result<Response, AppError> {
    s.core
        .set_participant_status(
            &v.actor,
            EventId(id),
            ParticipantId(f.participant),
            |st| match st {
                ParticipantStatus::Registered => st.confirm()?.check_in(),
                _ => st.check_in(),
            },
        )
        .await?;
    Ok(see_other_with_flash(
        &format!(
            "{}#arrival-{}",
            crate::paths::event_day(id, f.date),
            f.participant
        ),
        "flash-checked_in",
    ))
}

#[derive(Deserialize)]
struct Mark {
    status: String,
    #[serde(default)]
    date: Option<NaiveDate>,
}

/// Marks a meeting held or a no-show.
async fn mark_meeting(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Form(f): Form<Mark>,
) -> Result<Response, AppError> {
    let to = match f.status.as_str() {
        "held" => MeetingStatus::Held,
        "no_show" => MeetingStatus::NoShow,
        other => {
            return Err(CoreError::field(
                koop_core::domain::DomainError::new(
                    "status",
                    "invalid_choice",
                    format!("'{other}' is not held or no_show"),
                )
                .with("value", other)
                .with("choices", "held, no_show"),
            )
            .into());
        }
    };
    s.core
        .set_meeting_status(&v.actor, EventId(id), MeetingId(meeting), to)
        .await?;
    Ok(see_other_with_flash(
        &format!("{}#meeting-{meeting}", crate::paths::event_day(id, f.date)),
        "flash-saved",
    ))
}
