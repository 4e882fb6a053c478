//! A participant's agenda as PDF, to print or keep on the phone: by day, each meeting
//! with time, table, partner and place, in the reader's language. Organisers print any
//! participant's (`?participant=`).

use crate::error::AppError;
use crate::pages::date;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use koop_core::CoreError;
use koop_core::domain::event::ScheduleState;
use koop_core::domain::ids::{EventId, ParticipantId};
use koop_core::policy::EventAccess;
use koop_docs::pdf::{Block, Report};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/agenda.pdf", get(agenda_pdf))
}

/// More partners than this in one meeting make it a group meeting.
pub(crate) const GROUP: usize = 3;

#[derive(Deserialize)]
struct Whose {
    participant: Option<i64>,
}

async fn agenda_pdf(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<Whose>,
) -> Result<Response, AppError> {
    let t = v.lang.texts();
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    let me = match (access, q.participant) {
        (EventAccess::Attend(p), _) => p,
        (EventAccess::Manage, Some(p)) => ParticipantId(p),
        (EventAccess::Manage, None) => {
            return Err(CoreError::field(koop_core::domain::DomainError::new(
                "participant",
                "required",
                "whose agenda: ?participant=",
            ))
            .into());
        }
        (EventAccess::Public, _) => return Err(CoreError::Forbidden.into()),
    };
    let who = r.participant(me).await?;
    // A participant of another event is not found here.
    if who.event_id != event {
        return Err(CoreError::NotFound.into());
    }
    let meetings = r.meetings(event, Some(me)).await?;
    drop(r);
    let mut blocks = Vec::new();
    match ev.schedule {
        ScheduleState::Preliminary => blocks.push(Block::Text(t.get("agenda-preliminary"))),
        ScheduleState::Draft if meetings.is_empty() => {
            blocks.push(Block::Text(t.get("agenda-draft")))
        }
        _ if meetings.is_empty() => blocks.push(Block::Text(t.get("agenda-empty"))),
        _ => {}
    }
    let header = vec![
        t.get("field-time"),
        t.get("field-table"),
        t.get("field-who"),
        t.get("field-place"),
    ];
    let mut day = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let flush = |blocks: &mut Vec<Block>, rows: &mut Vec<Vec<String>>| {
        if !rows.is_empty() {
            blocks.push(Block::Table {
                widths: vec![1.1, 0.5, 3.0, 2.9],
                header: header.clone(),
                rows: std::mem::take(rows),
            });
        }
    };
    for m in &meetings {
        let this_day = m.starts_at.map(|t| t.date());
        if this_day != day {
            flush(&mut blocks, &mut rows);
            day = this_day;
            if let Some(d) = this_day {
                blocks.push(Block::Heading(date(v.lang, d)));
            }
        }
        let time = match (m.starts_at, m.minutes) {
            (Some(at), Some(min)) => format!(
                "{}–{}",
                at.format("%H:%M"),
                (at + chrono::Duration::minutes(min)).format("%H:%M")
            ),
            (Some(at), None) => at.format("%H:%M").to_string(),
            _ => String::new(),
        };
        // A meeting of the whole group (an ambassador's reception) names the group,
        // not two dozen companies.
        let others: Vec<_> = m.attendees.iter().filter(|a| a.participant != me).collect();
        let mut partners: Vec<String> = if others.len() > GROUP {
            vec![t.with(
                "agenda-group",
                vec![("count", crate::i18n::Arg::Number(others.len() as f64))],
            )]
        } else {
            others
                .iter()
                .map(|a| format!("{} ({})", a.org_name, a.country))
                .collect()
        };
        if !m.title.is_empty() {
            partners.insert(0, m.title.clone());
        }
        let place = match (&m.venue, &m.session) {
            (Some((venue, zone)), _) => format!("{venue} ({zone})"),
            (None, Some(session)) => session.clone(),
            (None, None) => String::new(),
        };
        let status = match m.status {
            koop_core::domain::meeting::MeetingStatus::Scheduled => String::new(),
            other => format!(" · {}", t.get(&format!("kind-meeting-{}", other.as_str()))),
        };
        rows.push(vec![
            format!("{time}{status}"),
            m.table_text().unwrap_or_default(),
            partners.join("\n"),
            place,
        ]);
    }
    flush(&mut blocks, &mut rows);
    let person = who.person_name.unwrap_or_default();
    blocks.push(Block::Note(t.with(
        "print-printed_at",
        vec![(
            "when",
            crate::i18n::Arg::Text(crate::pages::day_time(
                v.lang,
                chrono::Utc::now().naive_utc(),
            )),
        )],
    )));
    let report = Report {
        title: format!("{} · {}", t.get("agenda-title"), who.org_name),
        subtitle: [ev.data.title.as_str(), person.as_str()]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        blocks,
        footer: ev.data.title.clone(),
        language: v.lang.code().to_owned(),
    };
    crate::pages::pdf_response(&report, &format!("agenda-{id}-{}.pdf", me.0))
}
