//! Company visits: a host offers a visit with limited capacity; participants book it
//! and are placed on a waiting list when it is full.

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
    }
);

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
    fn full_visits_put_bookings_on_the_waiting_list() {
        assert_eq!(status_for_new_booking(2, 1), BookingStatus::Confirmed);
        assert_eq!(status_for_new_booking(2, 2), BookingStatus::Waitlisted);
        assert!(check_capacity(0).is_err());
    }
}
