//! The start page: what is in koop, and the events.

use crate::error::AppError;
use crate::pages::public::rows::{self, EventRow};
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use koop_core::domain::visit::BookingStatus;

struct Card {
    href: &'static str,
    label: String,
    count: i64,
}

/// What a participant should do next at their event.
struct NextSteps {
    event_id: i64,
    event: String,
    /// Requests waiting for their answer.
    to_answer: usize,
    /// Their next meeting (or, after the event, their first): when, with whom, where.
    next_meeting: Option<String>,
    meetings: usize,
    has_profile: bool,
    /// Company visits: the one they have or wait for, or a call to wish (None when the
    /// event offers no visits).
    visit: Option<(bool, String)>,
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct Home {
    ctx: Ctx,
    next: Option<NextSteps>,
    cards: Vec<Card>,
    events: Vec<EventRow>,
}

/// A participant's next steps: answer requests, complete the profile, go to the next
/// meeting.
async fn next_steps(
    s: &AppState,
    v: &Visitor,
    r: &mut koop_core::read::Reader,
) -> Result<Option<NextSteps>, AppError> {
    let koop_core::domain::account::Viewer::Participant { event, participant } = v.actor.viewer()
    else {
        return Ok(None);
    };
    let title = r.event(event).await?.data.title;
    let to_answer = r
        .inbox(participant)
        .await?
        .iter()
        .filter(|x| !x.sent && x.status == koop_core::domain::meeting::RequestStatus::Proposed)
        .count();
    let meetings = r.meetings(event, Some(participant)).await?;
    let now = chrono::Local::now().naive_local();
    let next = meetings
        .iter()
        .find(|m| m.starts_at.is_some_and(|t| t >= now))
        .or(meetings.first());
    let next_meeting = next.map(|m| {
        let partners: Vec<&str> = m
            .attendees
            .iter()
            .filter(|a| a.participant != participant)
            .map(|a| a.org_name.as_str())
            .collect();
        let when = m
            .starts_at
            .map(|t| crate::pages::day_time(v.lang, t))
            .unwrap_or_default();
        let table = m
            .table_no
            .map(|n| format!(" · {} {n}", v.lang.texts().get("field-table")))
            .unwrap_or_default();
        format!("{when}{table} · {}", partners.join(", "))
    });
    // Visits: the seat they have or wait for; otherwise, without a wish, a call to wish.
    let offers = r.visits(event).await?;
    let bookings = r.visit_bookings_of(event, participant).await?;
    let visit = if offers.is_empty() {
        None
    } else if let Some(b) = bookings
        .iter()
        .find(|b| matches!(b.2, BookingStatus::Confirmed | BookingStatus::Waitlisted))
    {
        let title = offers
            .iter()
            .find(|o| o.id == b.1)
            .map(|o| o.title.clone())
            .unwrap_or_default();
        Some((
            false,
            format!("{title} · {}", Ctx::new(v).kind("booking", b.2.as_str())),
        ))
    } else if bookings.iter().any(|b| b.2 == BookingStatus::Requested) {
        None
    } else {
        Some((true, v.lang.texts().get("home-wish_visits")))
    };
    let has_profile = s
        .core
        .participant_profile(&v.actor, participant)
        .await?
        .is_some();
    Ok(Some(NextSteps {
        event_id: event.0,
        event: title,
        to_answer,
        next_meeting,
        meetings: meetings.len(),
        has_profile,
        visit,
    }))
}

pub async fn show_home(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let next = next_steps(&s, &v, &mut r).await?;
    let counts = r.org_counts().await?;
    let count = |kinds: &[&str]| {
        counts
            .iter()
            .filter(|(k, _)| kinds.contains(&k.as_str()))
            .map(|c| c.1)
            .sum::<i64>()
    };
    let events = r.events(None).await?;
    let cards = vec![
        Card {
            href: crate::paths::ORGANISATIONS,
            label: ctx.t("nav-organisations"),
            count: counts.iter().map(|c| c.1).sum(),
        },
        Card {
            href: crate::paths::NETWORKS,
            label: ctx.t("nav-networks"),
            count: count(&["network"]),
        },
        Card {
            href: crate::paths::CLUSTERS,
            label: ctx.t("nav-clusters"),
            count: count(&["cluster"]),
        },
        Card {
            href: crate::paths::AGREEMENTS,
            label: ctx.t("nav-agreements"),
            count: r.agreements(None).await?.len() as i64,
        },
        Card {
            href: crate::paths::PARTNER_CITIES,
            label: ctx.t("nav-partner_cities"),
            count: r.partner_cities().await?.len() as i64,
        },
        Card {
            href: crate::paths::EVENTS,
            label: ctx.t("nav-events"),
            count: events.len() as i64,
        },
        Card {
            href: crate::paths::ACTIVITIES,
            label: ctx.t("nav-activities"),
            count: r.activities(Default::default()).await?.len() as i64,
        },
        Card {
            href: crate::paths::OUTCOMES,
            label: ctx.t("nav-outcomes"),
            count: r.outcomes(Default::default()).await?.len() as i64,
        },
    ];
    let events = events.iter().map(|x| rows::event(&ctx, x)).collect();
    render(Home {
        ctx,
        next,
        cards,
        events,
    })
}
