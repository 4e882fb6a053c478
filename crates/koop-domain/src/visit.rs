//! Company visits: a host offers a visit with limited capacity. Participants name up to
//! three wishes in order, and the organisers assign the seats fairly in one go (a
//! random serial dictatorship: in an order drawn by lot, each gets their best wish with
//! a seat left), so that nobody gains by booking first; who gets none waits for their
//! first wish. A direct booking takes a seat or goes on the waiting list at once.

use crate::DomainError;
use crate::ids::{EventId, OrgId, ParticipantId, SessionId, VisitBookingId, VisitOfferId};
use crate::text_enum;
use crate::values::LanguageCode;
use serde::{Deserialize, Serialize};

/// A company-visit offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitOffer {
    /// Id.
    pub id: VisitOfferId,
    /// The event.
    pub event_id: EventId,
    /// The session it takes place in.
    pub session_id: Option<SessionId>,
    /// The host.
    pub host_id: OrgId,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Seats.
    pub capacity: i64,
    /// The language the visit is held in.
    pub language: LanguageCode,
}

text_enum!(
    /// Where a visit booking stands.
    BookingStatus, "status" {
        /// Has a seat.
        Confirmed = "confirmed",
        /// Waiting for a seat to free up.
        Waitlisted = "waitlisted",
        /// Cancelled.
        Cancelled = "cancelled",
        /// A wish, waiting for the organisers' assignment.
        Requested = "requested",
    }
);

/// The most wishes a participant names.
pub const MAX_WISHES: usize = 3;

/// One wish: a participant's booking of a visit in the `requested` state, with its rank
/// (1 is the first wish).
#[derive(Debug, Clone, PartialEq)]
pub struct Wish {
    /// The booking that holds the wish.
    pub booking: VisitBookingId,
    /// Who wishes.
    pub participant: ParticipantId,
    /// Which visit.
    pub offer: VisitOfferId,
    /// 1 for the first wish, 2 for the second, …
    pub rank: i64,
}

/// Assigns the seats: participants in the order of `lot` (their draw, lowest first),
/// each their best-ranked wish with a seat left in `seats`; a participant whose wishes
/// are all full waits for their first wish. Returns the new status of every wish:
/// one `Confirmed` or `Waitlisted` per participant, the rest `Cancelled`.
pub fn assign<K: Ord>(
    wishes: &[Wish],
    seats: &mut std::collections::HashMap<VisitOfferId, i64>,
    lot: impl Fn(ParticipantId) -> K,
) -> Vec<(VisitBookingId, BookingStatus)> {
    let mut people: Vec<ParticipantId> = wishes.iter().map(|w| w.participant).collect();
    people.sort_by_key(|p| (lot(*p), *p));
    people.dedup();
    let mut out = Vec::with_capacity(wishes.len());
    for p in people {
        let mut mine: Vec<&Wish> = wishes.iter().filter(|w| w.participant == p).collect();
        mine.sort_by_key(|w| w.rank);
        let seat = mine
            .iter()
            .position(|w| seats.get(&w.offer).is_some_and(|n| *n > 0));
        let kept = seat.unwrap_or(0);
        if let Some(i) = seat
            && let Some(n) = seats.get_mut(&mine[i].offer)
        {
            *n -= 1;
        }
        for (i, w) in mine.iter().enumerate() {
            let status = match (i == kept, seat.is_some()) {
                (true, true) => BookingStatus::Confirmed,
                (true, false) => BookingStatus::Waitlisted,
                (false, _) => BookingStatus::Cancelled,
            };
            out.push((w.booking, status));
        }
    }
    out
}

/// A participant's booking of a visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitBooking {
    /// Id.
    pub id: VisitBookingId,
    /// The offer.
    pub offer_id: VisitOfferId,
    /// Who booked.
    pub participant_id: ParticipantId,
    /// Status.
    pub status: BookingStatus,
}

/// Decides whether a new booking gets a seat or goes on the waiting list.
pub fn status_for_new_booking(capacity: i64, confirmed: i64) -> BookingStatus {
    if confirmed < capacity {
        BookingStatus::Confirmed
    } else {
        BookingStatus::Waitlisted
    }
}

/// Checks a capacity is positive.
pub fn check_capacity(capacity: i64) -> Result<(), DomainError> {
    if capacity <= 0 {
        return Err(DomainError::new(
            "capacity",
            "not_positive",
            format!("capacity must be at least 1, not {capacity}"),
        )
        .with("value", capacity));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_gets_their_best_wish_with_a_seat_in_the_order_drawn_and_the_rest_wait() {
        let wish = |b, p, o, rank| Wish {
            booking: VisitBookingId(b),
            participant: ParticipantId(p),
            offer: VisitOfferId(o),
            rank,
        };
        // Everyone wants visit 1 (one seat) first; visit 2 has one seat.
        let wishes = vec![
            wish(1, 10, 1, 1),
            wish(2, 10, 2, 2),
            wish(3, 20, 1, 1),
            wish(4, 20, 2, 2),
            wish(5, 30, 1, 1),
        ];
        let mut seats =
            std::collections::HashMap::from([(VisitOfferId(1), 1), (VisitOfferId(2), 1)]);
        // The lot puts 20 first, then 30, then 10.
        let lot = |p: ParticipantId| match p.0 {
            20 => 0,
            30 => 1,
            _ => 2,
        };
        let got: std::collections::HashMap<_, _> =
            assign(&wishes, &mut seats, lot).into_iter().collect();
        assert_eq!(
            got[&VisitBookingId(3)],
            BookingStatus::Confirmed,
            "20 drew first"
        );
        assert_eq!(got[&VisitBookingId(4)], BookingStatus::Cancelled);
        assert_eq!(
            got[&VisitBookingId(5)],
            BookingStatus::Waitlisted,
            "30 wished only the full one"
        );
        assert_eq!(got[&VisitBookingId(1)], BookingStatus::Cancelled);
        assert_eq!(
            got[&VisitBookingId(2)],
            BookingStatus::Confirmed,
            "10 gets the second wish"
        );
        assert!(seats.values().all(|n| *n == 0));
    }

    #[test]
    fn full_visits_put_bookings_on_the_waiting_list() {
        assert_eq!(status_for_new_booking(2, 1), BookingStatus::Confirmed);
        assert_eq!(status_for_new_booking(2, 2), BookingStatus::Waitlisted);
        assert!(check_capacity(0).is_err());
    }
}
