//! Company visits assigned fairly: participants name up to three wishes in order while
//! the organisers collect them; the organisers then assign every open wish in one go
//! (`koop_domain::visit::assign`, in an order drawn by lot that nobody can influence),
//! and a seat given back goes to the first on the waiting list in the same order.

use super::events::changed_meanwhile;
use crate::mail::Notice;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_db::owner::EventChild;
use koop_domain::ids::{EventId, ParticipantId, VisitBookingId, VisitOfferId};
use koop_domain::task::Task;
use koop_domain::visit::{BookingStatus, MAX_WISHES, Wish, assign};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// A participant's place in the draw of an event: a hash of the event and the
/// participant, so the order is the same on every run and owes nothing to who came
/// first.
fn lot(event: EventId, participant: ParticipantId) -> [u8; 32] {
    Sha256::digest(format!("koop-visit-lot:{event}:{participant}").as_bytes()).into()
}

/// How an assignment went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Assigned {
    /// Participants who got a seat.
    pub seated: usize,
    /// Participants waiting for their first wish.
    pub waiting: usize,
}

impl Core {
    /// A participant's wishes, best first (at most three, each visit once), replacing
    /// their open ones. Refused once they have a seat or a place on a waiting list.
    pub async fn wish_visits(
        &self,
        actor: &Actor,
        event: EventId,
        participant: ParticipantId,
        offers: Vec<VisitOfferId>,
    ) -> CoreResult<usize> {
        if offers.len() > MAX_WISHES {
            return Err(CoreError::field(
                koop_domain::DomainError::new(
                    "wishes",
                    "too_many",
                    format!("at most {MAX_WISHES} wishes, not {}", offers.len()),
                )
                .with("max", MAX_WISHES as i64),
            ));
        }
        let mut seen = offers.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != offers.len() {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "wishes",
                "twice",
                "each visit can be wished once",
            )));
        }
        self.write(actor, "visit.wished", async |tx| {
            let permit = policy::act_for(tx, actor, event, participant).await?;
            for o in &offers {
                policy::belongs_to_event(tx, EventChild::VisitOffer, o.0, event).await?;
            }
            let current = koop_db::visit::bookings_of(tx, event, participant).await?;
            if current.iter().any(|(_, _, s, _)| {
                matches!(s, BookingStatus::Confirmed | BookingStatus::Waitlisted)
            }) {
                return Err(CoreError::conflict(
                    "visit_assigned",
                    "you have a visit already; give it back first",
                ));
            }
            koop_db::visit::clear_wishes(tx, event, participant).await?;
            for (i, o) in offers.iter().enumerate() {
                koop_db::visit::insert_wish(tx, *o, participant, i as i64 + 1)
                    .await
                    .map_err(|e| match e {
                        koop_db::DbError::Conflict(_) => {
                            CoreError::conflict("already_booked", "this visit is booked already")
                        }
                        other => other.into(),
                    })?;
            }
            Ok(Change::new(
                permit,
                offers.len(),
                "participant",
                participant.0,
                json!({ "wishes": offers }),
            ))
        })
        .await
    }

    /// Assigns every open wish of the event fairly; organisers only.
    pub async fn assign_visits(&self, actor: &Actor, event: EventId) -> CoreResult<Assigned> {
        self.write(actor, "visit.assigned", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
            let wishes: Vec<Wish> = koop_db::visit::wishes(tx, event)
                .await?
                .into_iter()
                .map(|(booking, participant, offer, rank)| Wish {
                    booking,
                    participant,
                    offer,
                    rank,
                })
                .collect();
            let mut seats: HashMap<VisitOfferId, i64> = koop_db::visit::visits(tx, event)
                .await?
                .into_iter()
                .map(|v| (v.id, (v.capacity - v.confirmed).max(0)))
                .collect();
            let visits = koop_db::visit::visits(tx, event).await?;
            let ev = koop_db::event::get(tx, event).await?;
            let mut done = Assigned::default();
            for (booking, status) in assign(&wishes, &mut seats, |p| lot(event, p)) {
                if !koop_db::visit::set_booking_status(
                    tx,
                    booking,
                    BookingStatus::Requested,
                    status,
                )
                .await?
                {
                    return Err(changed_meanwhile("visit wish"));
                }
                match status {
                    BookingStatus::Confirmed => done.seated += 1,
                    BookingStatus::Waitlisted => done.waiting += 1,
                    _ => continue,
                }
                // Each participant hears of the one wish that got an answer.
                if let Some(w) = wishes.iter().find(|w| w.booking == booking) {
                    let visit = visits
                        .iter()
                        .find(|v| v.id == w.offer)
                        .map(|v| v.title.clone())
                        .unwrap_or_default();
                    self.queue_mail_to(tx, ev.agency_id, w.participant, || Notice::VisitAssigned {
                        event: ev.data.title.clone(),
                        event_id: event,
                        visit,
                        seated: status == BookingStatus::Confirmed,
                    })
                    .await?;
                }
            }
            Ok(Change::new(
                permit,
                done,
                "event",
                event.0,
                json!({ "seated": done.seated, "waiting": done.waiting }),
            ))
        })
        .await
        .inspect(|_| self.wake_worker())
    }

    /// Gives back a seat (or leaves a waiting list); a freed seat goes to the first on
    /// the waiting list, in the order of the draw. For the participant and organisers.
    pub async fn give_back_visit(
        &self,
        actor: &Actor,
        event: EventId,
        booking: VisitBookingId,
    ) -> CoreResult<()> {
        self.write(actor, "visit.given_back", async |tx| {
            policy::belongs_to_event(tx, EventChild::VisitBooking, booking.0, event).await?;
            let (offer, participant, status) = koop_db::visit::booking(tx, booking).await?;
            let permit = policy::act_for(tx, actor, event, participant).await?;
            if !matches!(status, BookingStatus::Confirmed | BookingStatus::Waitlisted)
                || !koop_db::visit::set_booking_status(
                    tx,
                    booking,
                    status,
                    BookingStatus::Cancelled,
                )
                .await?
            {
                return Err(changed_meanwhile("visit booking"));
            }
            if status == BookingStatus::Confirmed
                && let Some(next) = koop_db::visit::waiting_for(tx, offer)
                    .await?
                    .into_iter()
                    .min_by_key(|(_, p)| lot(event, *p))
            {
                koop_db::visit::set_booking_status(
                    tx,
                    next.0,
                    BookingStatus::Waitlisted,
                    BookingStatus::Confirmed,
                )
                .await?;
                let ev = koop_db::event::get(tx, event).await?;
                let visit = koop_db::visit::visits(tx, event)
                    .await?
                    .into_iter()
                    .find(|v| v.id == offer)
                    .map(|v| v.title)
                    .unwrap_or_default();
                self.queue_mail_to(tx, ev.agency_id, next.1, || Notice::VisitAssigned {
                    event: ev.data.title.clone(),
                    event_id: event,
                    visit,
                    seated: true,
                })
                .await?;
            }
            Ok(Change::new(
                permit,
                (),
                "visit_booking",
                booking.0,
                json!({ "from": status }),
            ))
        })
        .await
        .inspect(|_| self.wake_worker())
    }
}
