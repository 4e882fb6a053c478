//! The meeting agenda, by day: for a participant their own meetings (time, table,
//! place, partner), readable on a phone, with a calendar feed; for organisers every
//! meeting, or one participant's.

use crate::error::AppError;
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::{EventId, ParticipantId};
use koop_core::policy::EventAccess;
use koop_core::views::MeetingView;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/meetings", get(show_agenda))
}

/// A partner in a meeting: organisation and country, linked to its page.
struct Partner {
    org_id: i64,
    name: String,
    country: String,
}

struct Card {
    time: String,
    place: String,
    table: String,
    title: String,
    partners: Vec<Partner>,
    status: String,
    status_code: &'static str,
}

struct Day {
    date: String,
    cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "public/agenda.html")]
struct AgendaPage {
    ctx: Ctx,
    id: i64,
    title: String,
    /// Whose agenda, when it is one participant's.
    mine: bool,
    days: Vec<Day>,
    count: usize,
}

#[derive(Deserialize)]
struct AgendaQuery {
    participant: Option<i64>,
}

fn card(ctx: &Ctx, m: &MeetingView, me: Option<ParticipantId>) -> Card {
    let time = match (m.starts_at, m.minutes) {
        (Some(t), Some(min)) => format!(
            "{}–{}",
            t.format("%H:%M"),
            (t + chrono::Duration::minutes(min)).format("%H:%M")
        ),
        (Some(t), None) => t.format("%H:%M").to_string(),
        _ => String::new(),
    };
    let place = match (&m.venue, &m.session) {
        (Some((venue, _)), Some(session)) => format!("{venue} · {session}"),
        (Some((venue, _)), None) => venue.clone(),
        (None, Some(session)) => session.clone(),
        (None, None) => String::new(),
    };
    Card {
        time,
        place,
        table: m
            .table_no
            .map(|n| format!("{} {n}", ctx.t("field-table")))
            .unwrap_or_default(),
        title: m.title.clone(),
        partners: m
            .attendees
            .iter()
            .filter(|a| Some(a.participant) != me)
            .map(|a| Partner {
                org_id: a.org_id.0,
                name: a.org_name.clone(),
                country: a.country.clone(),
            })
            .collect(),
        status: ctx.kind("meeting", m.status.as_str()),
        status_code: m.status.as_str(),
    }
}

async fn show_agenda(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<AgendaQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    // The reader decides what is shown: a participant's own meetings whatever they
    // ask, every meeting (or one participant's) for organisers, nothing for others.
    let me = match access {
        EventAccess::Attend(p) => Some(p),
        _ => q.participant.map(ParticipantId),
    };
    let meetings = r.meetings(event, me).await?;
    let mut days: Vec<Day> = Vec::new();
    for m in &meetings {
        let day = m
            .starts_at
            .map(|t| date(v.lang, t.date()))
            .unwrap_or_default();
        if days.last().is_none_or(|d| d.date != day) {
            days.push(Day {
                date: day,
                cards: Vec::new(),
            });
        }
        if let Some(d) = days.last_mut() {
            d.cards.push(card(&ctx, m, me));
        }
    }
    render(AgendaPage {
        id,
        title: ev.data.title,
        mine: me.is_some(),
        count: meetings.len(),
        days,
        ctx,
    })
}
