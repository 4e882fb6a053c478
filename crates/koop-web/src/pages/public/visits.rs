//! Company visits: participants name up to three wishes in order, see the seat they
//! got or their place on the waiting list, and can give a seat back; organisers see
//! the demand per visit and assign the seats fairly in one go.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::{EventId, VisitBookingId, VisitOfferId};
use koop_core::domain::visit::BookingStatus;
use koop_core::policy::EventAccess;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/visits", get(show_visits))
        .route("/events/{id}/visits/wishes", post(save_wishes))
        .route("/events/{id}/visits/assign", post(assign))
        .route(
            "/events/{id}/visits/bookings/{booking}/give-back",
            post(give_back),
        )
}

struct Offer {
    id: i64,
    title: String,
    description: String,
    host_id: i64,
    host: String,
    language: String,
    capacity: i64,
    confirmed: i64,
    waitlisted: i64,
    wishes: usize,
}

/// The participant's own standing.
struct Mine {
    /// A seat or a waiting-list place: (booking, status text, visit title).
    held: Option<(i64, String, String)>,
    /// Open wishes, best first: visit ids (for the form) and titles.
    wishes: Vec<(i64, String)>,
}

#[derive(Template)]
#[template(path = "public/visits.html")]
struct VisitsPage {
    ctx: Ctx,
    id: i64,
    title: String,
    manages: bool,
    offers: Vec<Offer>,
    mine: Option<Mine>,
}

impl VisitsPage {
    /// The visit chosen as wish `rank` (1-based), for the form's selects.
    fn wished(&self, rank: &usize, offer: &i64) -> bool {
        self.mine
            .as_ref()
            .and_then(|m| m.wishes.get(rank - 1))
            .is_some_and(|w| w.0 == *offer)
    }
}

async fn show_visits(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    let visits = r.visits(event).await?;
    let (manages, mine, wishes) = match access {
        EventAccess::Manage => (true, None, r.visit_wish_counts(event).await?),
        EventAccess::Attend(me) => {
            let title_of = |o: VisitOfferId| {
                visits
                    .iter()
                    .find(|x| x.id == o)
                    .map(|x| x.title.clone())
                    .unwrap_or_default()
            };
            let bookings = r.visit_bookings_of(event, me).await?;
            let held = bookings
                .iter()
                .find(|b| matches!(b.2, BookingStatus::Confirmed | BookingStatus::Waitlisted))
                .map(|b| (b.0.0, ctx.kind("booking", b.2.as_str()), title_of(b.1)));
            let wishes = bookings
                .iter()
                .filter(|b| b.2 == BookingStatus::Requested)
                .map(|b| (b.1.0, title_of(b.1)))
                .collect();
            (false, Some(Mine { held, wishes }), Default::default())
        }
        EventAccess::Public => return Err(CoreError::Forbidden.into()),
    };
    let offers = visits
        .into_iter()
        .map(|x| Offer {
            id: x.id.0,
            wishes: wishes.get(&x.id).copied().unwrap_or(0),
            title: x.title,
            description: x.description,
            host_id: x.host_id.0,
            host: x.host_name,
            language: x.language,
            capacity: x.capacity,
            confirmed: x.confirmed,
            waitlisted: x.waitlisted,
        })
        .collect();
    render(VisitsPage {
        id,
        title: ev.data.title,
        manages,
        offers,
        mine,
        ctx,
    })
}

#[derive(Deserialize)]
struct WishForm {
    #[serde(default)]
    wish1: String,
    #[serde(default)]
    wish2: String,
    #[serde(default)]
    wish3: String,
}

async fn save_wishes(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<WishForm>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let me = match s.core.reader(&v.actor).await?.event_access(event).await?.1 {
        EventAccess::Attend(me) => me,
        _ => return Err(CoreError::Forbidden.into()),
    };
    let mut offers = Vec::new();
    for (field, value) in [
        ("wish1", &f.wish1),
        ("wish2", &f.wish2),
        ("wish3", &f.wish3),
    ] {
        if value.is_empty() {
            continue;
        }
        let n = value.parse().map_err(|_| {
            AppError::bad_request(field, "invalid_choice", format!("'{value}' is not a visit"))
        })?;
        offers.push(VisitOfferId(n));
    }
    s.core.wish_visits(&v.actor, event, me, offers).await?;
    Ok(see_other_with_flash(
        &crate::paths::event_visits(id),
        "flash-visit_wishes",
    ))
}

async fn assign(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    s.core.assign_visits(&v.actor, EventId(id)).await?;
    Ok(see_other_with_flash(
        &crate::paths::event_visits(id),
        "flash-visits_assigned",
    ))
}

async fn give_back(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, booking)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    s.core
        .give_back_visit(&v.actor, EventId(id), VisitBookingId(booking))
        .await?;
    Ok(see_other_with_flash(
        &crate::paths::event_visits(id),
        "flash-visit_given_back",
    ))
}
