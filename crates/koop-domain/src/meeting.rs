//! Meeting requests and meetings, with the lifecycle every B2B meeting goes through:
//! requested → accepted or declined → scheduled → held (or no-show, cancelled).

use crate::DomainError;
use crate::ids::{EventId, MeetingId, MeetingRequestId, ParticipantId, SessionId};
use crate::text_enum;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Where a meeting request stands.
    RequestStatus, "status" {
        /// Sent, awaiting the other side.
        Proposed = "proposed",
        /// The other side agreed; the scheduler may place it.
        Accepted = "accepted",
        /// The other side declined.
        Declined = "declined",
        /// The requester took it back.
        Withdrawn = "withdrawn",
        /// A meeting was placed for it.
        Scheduled = "scheduled",
        /// Nobody answered it in the time the organisers allow.
        Expired = "expired",
    }
);

impl RequestStatus {
    /// The receiver accepts.
    pub fn accept(self) -> Result<Self, DomainError> {
        match self {
            Self::Proposed => Ok(Self::Accepted),
            s => Err(DomainError::illegal_transition(
                "meeting_request",
                s.as_str(),
                "accepted",
            )),
        }
    }

    /// The receiver declines.
    pub fn decline(self) -> Result<Self, DomainError> {
        match self {
            Self::Proposed | Self::Accepted => Ok(Self::Declined),
            s => Err(DomainError::illegal_transition(
                "meeting_request",
                s.as_str(),
                "declined",
            )),
        }
    }

    /// The requester withdraws.
    pub fn withdraw(self) -> Result<Self, DomainError> {
        match self {
            Self::Proposed | Self::Accepted => Ok(Self::Withdrawn),
            s => Err(DomainError::illegal_transition(
                "meeting_request",
                s.as_str(),
                "withdrawn",
            )),
        }
    }

    /// Whether it still waits for an answer, and so may expire.
    pub fn is_unanswered(self) -> bool {
        self == Self::Proposed
    }

    /// The scheduler placed a meeting for it; only accepted requests are scheduled.
    pub fn schedule(self) -> Result<Self, DomainError> {
        match self {
            Self::Accepted => Ok(Self::Scheduled),
            s => Err(DomainError::illegal_transition(
                "meeting_request",
                s.as_str(),
                "scheduled",
            )),
        }
    }
}

text_enum!(
    /// How much a participant wants a meeting; the scheduler places higher priorities first.
    Priority, "priority" {
        /// Would be nice.
        Low = "low",
        /// Wanted.
        Normal = "normal",
        /// Must happen.
        High = "high",
    }
);

/// A request of one participant to meet another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRequest {
    /// Id.
    pub id: MeetingRequestId,
    /// The event.
    pub event_id: EventId,
    /// Who asks.
    pub requester_id: ParticipantId,
    /// Who is asked.
    pub receiver_id: ParticipantId,
    /// Priority.
    pub priority: Priority,
    /// A message to the receiver.
    pub message: String,
    /// Status.
    pub status: RequestStatus,
}

/// Checks that a request joins two different participants of the same event.
pub fn check_request(requester: ParticipantId, receiver: ParticipantId) -> Result<(), DomainError> {
    if requester == receiver {
        return Err(DomainError::new(
            "receiver",
            "self_request",
            "a participant cannot request a meeting with themselves",
        ));
    }
    Ok(())
}

text_enum!(
    /// Where a meeting stands.
    MeetingStatus, "status" {
        /// Placed in a slot at a table.
        Scheduled = "scheduled",
        /// Both sides met.
        Held = "held",
        /// At least one side did not come.
        NoShow = "no_show",
        /// Cancelled before it took place.
        Cancelled = "cancelled",
    }
);

impl MeetingStatus {
    /// Records that the meeting took place; only a scheduled meeting can be held.
    pub fn hold(self) -> Result<Self, DomainError> {
        match self {
            Self::Scheduled | Self::NoShow => Ok(Self::Held),
            s => Err(DomainError::illegal_transition(
                "meeting",
                s.as_str(),
                "held",
            )),
        }
    }

    /// Records a no-show.
    pub fn mark_no_show(self) -> Result<Self, DomainError> {
        match self {
            Self::Scheduled => Ok(Self::NoShow),
            s => Err(DomainError::illegal_transition(
                "meeting",
                s.as_str(),
                "marked as no-show",
            )),
        }
    }

    /// Cancels a meeting that has not happened yet.
    pub fn cancel(self) -> Result<Self, DomainError> {
        match self {
            Self::Scheduled => Ok(Self::Cancelled),
            s => Err(DomainError::illegal_transition(
                "meeting",
                s.as_str(),
                "cancelled",
            )),
        }
    }
}

/// A meeting, placed in a session at a time and a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Id.
    pub id: MeetingId,
    /// The event.
    pub event_id: EventId,
    /// The request it fulfils (pre-arranged meetings on trips have none).
    pub request_id: Option<MeetingRequestId>,
    /// The participants (two, or a small group).
    pub participant_ids: Vec<ParticipantId>,
    /// The session.
    pub session_id: Option<SessionId>,
    /// Start time, local to the venue.
    pub starts_at: Option<NaiveDateTime>,
    /// Table number in the session (1..tables).
    pub table_no: Option<i64>,
    /// Status.
    pub status: MeetingStatus,
    /// Feedback or notes after the meeting.
    pub notes: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declined_request_cannot_be_scheduled() {
        let declined = RequestStatus::Proposed.decline().unwrap();
        let err = declined.schedule().unwrap_err();
        assert_eq!(err.code, "illegal_transition");
        assert!(err.message.contains("declined"));
    }

    #[test]
    fn only_accepted_requests_are_scheduled() {
        assert!(RequestStatus::Proposed.schedule().is_err());
        let s = RequestStatus::Proposed
            .accept()
            .unwrap()
            .schedule()
            .unwrap();
        assert_eq!(s, RequestStatus::Scheduled);
        assert!(s.withdraw().is_err());
        assert!(s.accept().is_err());
    }

    #[test]
    fn a_meeting_is_held_only_after_it_is_scheduled() {
        assert!(MeetingStatus::Cancelled.hold().is_err());
        assert_eq!(
            MeetingStatus::Scheduled.hold().unwrap(),
            MeetingStatus::Held
        );
        // A no-show recorded by mistake can be corrected.
        assert_eq!(
            MeetingStatus::Scheduled
                .mark_no_show()
                .unwrap()
                .hold()
                .unwrap(),
            MeetingStatus::Held
        );
        assert!(MeetingStatus::Held.cancel().is_err());
    }

    #[test]
    fn nobody_requests_a_meeting_with_themselves() {
        assert!(check_request(ParticipantId(3), ParticipantId(3)).is_err());
    }
}

text_enum!(
    /// What came of a meeting, asked months after the event.
    FollowUpStage, "stage" {
        /// No further contact.
        NoFurtherContact = "no_further_contact",
        /// Still in contact.
        InContact = "in_contact",
        /// They met again.
        MetAgain = "met_again",
        /// Negotiations started.
        NegotiationStarted = "negotiation_started",
        /// A cooperation agreement was reached.
        AgreementReached = "agreement_reached",
    }
);

impl FollowUpStage {
    /// How far along the chain this is; the further of two answers counts.
    pub fn rank(self) -> u8 {
        match self {
            Self::NoFurtherContact => 0,
            Self::InContact => 1,
            Self::MetAgain => 2,
            Self::NegotiationStarted => 3,
            Self::AgreementReached => 4,
        }
    }

    /// The outcome it is in the agency's records, if any.
    pub fn outcome_kind(self) -> Option<crate::outcome::OutcomeKind> {
        use crate::outcome::OutcomeKind;
        match self {
            Self::NoFurtherContact => None,
            Self::InContact => Some(OutcomeKind::ContactEstablished),
            Self::MetAgain => Some(OutcomeKind::FollowUpMeeting),
            Self::NegotiationStarted => Some(OutcomeKind::Negotiation),
            Self::AgreementReached => Some(OutcomeKind::Contract),
        }
    }
}
