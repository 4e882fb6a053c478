//! A meeting's briefing: when and where, each side (organisation, contact, sectors,
//! languages, what it says of itself, its profiles: what it offers and seeks), and why
//! the engine sees the two as a fit. For the event's organisers and the meeting's own
//! participants; printable.

use crate::error::AppError;
use crate::i18n::reasons::reason_text;
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::{EventId, MeetingId};

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/meetings/{meeting}/briefing", get(show))
}

struct SideView {
    org_id: i64,
    name: String,
    place: String,
    contact: String,
    sectors: String,
    languages: String,
    description: String,
    /// Kind, title, summary.
    profiles: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "public/briefing.html")]
struct BriefingPage {
    ctx: Ctx,
    id: i64,
    title: String,
    when: String,
    place: String,
    sides: Vec<SideView>,
    reasons: Vec<String>,
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let b = s
        .core
        .meeting_briefing(&v.actor, EventId(id), MeetingId(meeting))
        .await?;
    let ev = s.core.reader(&v.actor).await?.event(EventId(id)).await?;
    let m = &b.meeting;
    let when = match m.starts_at {
        Some(t) => format!("{} {}", date(ctx.lang, t.date()), t.format("%H:%M")),
        None => String::new(),
    };
    let place = match (&m.venue, &m.session) {
        (Some((venue, zone)), Some(session)) => format!("{venue} · {session} · {zone}"),
        (Some((venue, zone)), None) => format!("{venue} · {zone}"),
        _ => String::new(),
    };
    let sides = b
        .sides
        .iter()
        .map(|x| SideView {
            org_id: x.org.id.0,
            name: x.org.data.name.clone(),
            place: format!("{}, {}", x.org.data.city, x.org.data.country),
            contact: x.contact.clone().unwrap_or_default(),
            sectors: x
                .org
                .data
                .nace
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            languages: x
                .org
                .data
                .languages
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            description: x.org.data.description.clone(),
            profiles: x
                .profiles
                .iter()
                .map(|p| {
                    (
                        ctx.kind("profile", p.data.kind.as_str()),
                        p.data.title.clone(),
                        p.data.summary.clone(),
                    )
                })
                .collect(),
        })
        .collect();
    render(BriefingPage {
        id,
        title: if m.title.is_empty() {
            ev.data.title
        } else {
            m.title.clone()
        },
        when,
        place,
        sides,
        reasons: b
            .reasons
            .iter()
            .map(|r| reason_text(ctx.texts(), r))
            .collect(),
        ctx,
    })
}
