//! The group's programme as PDF: by day, every session of the event (the group
//! programme, official meetings with their titles, company visits, the time for
//! individual meetings), with its time and place in the place's zone. For the event's
//! organisers and participants.

use crate::error::AppError;
use crate::pages::date;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use koop_core::CoreError;
use koop_core::domain::event::SessionKind;
use koop_core::domain::ids::EventId;
use koop_core::policy::EventAccess;
use koop_docs::pdf::{Block, Report};

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/programme.pdf", get(programme_pdf))
}

async fn programme_pdf(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let t = v.lang.texts();
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    if access == EventAccess::Public {
        return Err(CoreError::Forbidden.into());
    }
    let venues = r.venues(event).await?;
    let mut sessions = r.sessions(event).await?;
    sessions.sort_by_key(|x| x.data.starts_at);
    // The meetings the reader may see (all for organisers, one's own for participants):
    // in the sessions that are not for B2B meetings, their titles name the programme.
    let meetings = r.meetings(event, None).await?;
    // The group: everyone but the partners met on the way.
    let people = r
        .participants(event)
        .await?
        .iter()
        .filter(|p| p.role != koop_core::domain::event::ParticipantRole::LocalPartner)
        .count();
    drop(r);
    let mut blocks = Vec::new();
    let header = vec![
        t.get("field-time"),
        t.get("programme-what"),
        t.get("field-place"),
    ];
    let mut day = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let flush = |blocks: &mut Vec<Block>, rows: &mut Vec<Vec<String>>| {
        if !rows.is_empty() {
            blocks.push(Block::Table {
                widths: vec![1.2, 3.6, 2.6],
                header: header.clone(),
                rows: std::mem::take(rows),
            });
        }
    };
    for x in &sessions {
        let this_day = Some(x.data.starts_at.date());
        if this_day != day {
            flush(&mut blocks, &mut rows);
            day = this_day;
            blocks.push(Block::Heading(date(v.lang, x.data.starts_at.date())));
        }
        let mut what = vec![x.data.title.clone()];
        if x.data.kind == SessionKind::B2bMeetings {
            what.push(t.get("programme-b2b"));
        } else {
            let mut held: Vec<(chrono::NaiveDateTime, String)> = meetings
                .iter()
                .filter(|m| m.session.as_deref() == Some(x.data.title.as_str()))
                .filter(|m| !m.title.is_empty())
                .filter_map(|m| {
                    let at = m.starts_at?;
                    (x.data.starts_at <= at && at < x.data.ends_at)
                        .then(|| (at, format!("{} {}", at.format("%H:%M"), m.title)))
                })
                .collect();
            held.sort();
            held.dedup();
            what.extend(held.into_iter().map(|h| h.1));
        }
        let place = x
            .venue_id
            .and_then(|id| venues.iter().find(|v| v.id == id))
            .map(|v| format!("{}, {} ({})", v.name, v.city, v.time_zone))
            .unwrap_or_default();
        rows.push(vec![
            format!(
                "{}–{}",
                x.data.starts_at.format("%H:%M"),
                x.data.ends_at.format("%H:%M")
            ),
            what.join("\n"),
            place,
        ]);
    }
    flush(&mut blocks, &mut rows);
    let report = Report {
        title: format!("{} · {}", t.get("programme-title"), ev.data.title),
        subtitle: t.with(
            "programme-subtitle",
            vec![("count", crate::i18n::Arg::Number(people as f64))],
        ),
        blocks,
        footer: ev.data.title.clone(),
        language: v.lang.code().to_owned(),
    };
    crate::pages::pdf_response(&report, &format!("programme-{id}.pdf"))
}
