//! The meeting agenda, by day: for a participant their own meetings (time, table,
//! place, partner), readable on a phone, with a calendar feed; for organisers every
//! meeting, or one participant's.

use crate::error::AppError;
use crate::i18n::Arg;
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use koop_core::domain::ids::{EventId, ParticipantId};
use koop_core::domain::meeting::MeetingStatus;
use koop_core::policy::EventAccess;
use koop_core::views::MeetingView;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/meetings", get(show_agenda))
        .route("/events/{id}/meetings/{meeting}/rating", post(rate))
        .route("/events/{id}/agenda.ics", get(calendar_feed))
}

/// A partner in a meeting: organisation and country, linked to its page.
struct Partner {
    org_id: i64,
    name: String,
    country: String,
    /// The meeting's time on the partner's own clock, where it is in another zone.
    local: String,
}

struct Card {
    id: i64,
    /// Held meetings of one's own can be rated; the rating given so far.
    rateable: bool,
    score: i64,
    comment: String,
    time: String,
    /// The meeting's time on the viewer's own clock, where they are in another zone.
    my_time: String,
    place: String,
    table: String,
    title: String,
    partners: Vec<Partner>,
    /// For a meeting of the whole group: how many others take part (the list is left out).
    group: usize,
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
    /// Whether they may move meetings.
    may_move: bool,
    /// The calendar feed of that participant, to subscribe to.
    feed: Option<String>,
    /// Their agenda as PDF.
    pdf: String,
    /// Whose ratings the forms send (organisers rate for a participant).
    participant: i64,
    /// How far the schedule is published: participants see nothing of a draft, and a
    /// preliminary one is marked.
    schedule: &'static str,
    days: Vec<Day>,
    count: usize,
}

#[derive(Deserialize)]
struct AgendaQuery {
    participant: Option<i64>,
}

/// "14:00 Asia/Almaty": the meeting's start on the clock of `zone`, when that is not
/// the venue's.
fn clock(m: &MeetingView, zone: Option<&String>) -> String {
    let (Some(t), Some((_, venue_zone)), Some(zone)) = (m.starts_at, &m.venue, zone) else {
        return String::new();
    };
    if zone == venue_zone {
        return String::new();
    }
    koop_core::zones::convert(t, venue_zone, zone)
        .map(|l| format!("{} {zone}", l.format("%H:%M")))
        .unwrap_or_default()
}

fn card(
    ctx: &Ctx,
    m: &MeetingView,
    me: Option<ParticipantId>,
    ratings: &[(koop_core::domain::ids::MeetingId, i64, String)],
    zones: &HashMap<ParticipantId, String>,
) -> Card {
    let rating = ratings.iter().find(|r| r.0 == m.id);
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
        id: m.id.0,
        rateable: me.is_some() && m.status == MeetingStatus::Held,
        score: rating.map_or(0, |r| r.1),
        comment: rating.map(|r| r.2.clone()).unwrap_or_default(),
        time,
        my_time: me.map(|p| clock(m, zones.get(&p))).unwrap_or_default(),
        place,
        table: m
            .table_text()
            .map(|n| format!("{} {n}", ctx.t("field-table")))
            .unwrap_or_default(),
        title: m.title.clone(),
        group: {
            let others = m
                .attendees
                .iter()
                .filter(|a| Some(a.participant) != me)
                .count();
            if others > crate::pages::public::agenda_pdf::GROUP {
                others
            } else {
                0
            }
        },
        partners: m
            .attendees
            .iter()
            .filter(|a| Some(a.participant) != me)
            .map(|a| Partner {
                org_id: a.org_id.0,
                name: a.org_name.clone(),
                country: a.country.clone(),
                local: clock(m, zones.get(&a.participant)),
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
    let ratings = match me {
        Some(p) => r.ratings_of(p).await?,
        None => vec![],
    };
    // Each participant's own zone, where set (an online mission's partners abroad).
    let zones: HashMap<ParticipantId, String> = r
        .participants(event)
        .await?
        .into_iter()
        .filter_map(|p| Some((p.id, p.time_zone?)))
        .collect();
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
            d.cards.push(card(&ctx, m, me, &ratings, &zones));
        }
    }
    let may_move = r
        .tasks(EventId(id))
        .await?
        .contains(koop_core::domain::task::Task::Schedule);
    drop(r);
    let feed = match me {
        Some(p) => Some(crate::paths::agenda_feed(
            id,
            p.0,
            &s.core.agenda_feed_token(&v.actor, p).await?,
        )),
        None => None,
    };
    render(AgendaPage {
        id,
        title: ev.data.title.clone(),
        mine: me.is_some(),
        may_move,
        pdf: crate::paths::agenda_pdf(
            id,
            match access {
                EventAccess::Attend(_) => None,
                _ => me.map(|p| p.0),
            },
        ),
        participant: me.map_or(0, |p| p.0),
        // Where partners pick the times, the agenda is open from the first meeting.
        schedule: if ev.agenda_visible() && !ev.schedule.is_published() {
            "open"
        } else {
            ev.schedule.as_str()
        },
        feed,
        count: meetings.len(),
        days,
        ctx,
    })
}

#[derive(Deserialize)]
struct FeedQuery {
    participant: i64,
    token: String,
}

/// The agenda as an iCalendar feed (RFC 5545) for calendar apps, which poll it without
/// a login: the token in the URL is the right to read this one participant's meetings.
async fn calendar_feed(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<FeedQuery>,
) -> Result<Response, AppError> {
    let participant = ParticipantId(q.participant);
    let (title, meetings) = s
        .core
        .agenda_feed(EventId(id), participant, &q.token)
        .await?;
    let texts = v.lang.texts();
    let entries = meetings
        .iter()
        .filter_map(|m| {
            let start = m.starts_at?;
            let partners: Vec<_> = m
                .attendees
                .iter()
                .filter(|a| a.participant != participant)
                .collect();
            let names = partners
                .iter()
                .map(|a| a.org_name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let summary = if m.title.is_empty() {
                texts.with("ical-summary", vec![("partners", Arg::Text(names))])
            } else {
                m.title.clone()
            };
            let table = m
                .table_text()
                .map(|n| format!("{} {n}", texts.get("field-table")));
            let location = [m.venue.as_ref().map(|v| v.0.clone()), table]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let description = partners
                .iter()
                .map(|a| format!("{} ({})", a.org_name, a.country))
                .collect::<Vec<_>>()
                .join("\n");
            Some(koop_docs::ical::Entry {
                uid: format!("meeting-{}-event-{id}@koop", m.id),
                start,
                end: start + chrono::Duration::minutes(m.minutes.unwrap_or(30)),
                time_zone: m
                    .venue
                    .as_ref()
                    .map_or_else(|| "UTC".to_owned(), |v| v.1.clone()),
                summary,
                location,
                description,
                cancelled: m.status == MeetingStatus::Cancelled,
            })
        })
        .collect();
    let ics = koop_docs::ical::write(
        &koop_docs::ical::Calendar {
            name: title,
            entries,
        },
        chrono::Utc::now(),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        ics,
    )
        .into_response())
}

#[derive(Deserialize)]
struct RatingForm {
    participant: i64,
    #[serde(default)]
    score: i64,
    #[serde(default)]
    comment: String,
}

/// A participant rates a meeting they had.
async fn rate(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Form(f): Form<RatingForm>,
) -> Result<Response, AppError> {
    s.core
        .rate_meeting(
            &v.actor,
            EventId(id),
            koop_core::domain::ids::MeetingId(meeting),
            ParticipantId(f.participant),
            f.score,
            &f.comment,
        )
        .await?;
    Ok(crate::pages::see_other_with_flash(
        &format!("{}#meeting-{meeting}", crate::paths::event_meetings(id)),
        "flash-thanks",
    ))
}
