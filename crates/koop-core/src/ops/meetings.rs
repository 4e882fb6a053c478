//! Meeting requests, meetings and company visits.

use crate::{Actor, Change, Core, CoreError, CoreResult};
pub use koop_db::meeting::NewMeeting;
use koop_domain::account::Role;
use koop_domain::ids::{
    AgencyId, EventId, MeetingId, MeetingRequestId, OrgId, ParticipantId, SessionId,
    VisitBookingId, VisitOfferId,
};
use koop_domain::meeting::{MeetingStatus, Priority, RequestStatus, check_request};
use koop_domain::values::{LanguageCode, required_text};
use koop_domain::visit::{BookingStatus, check_capacity, status_for_new_booking};
use serde_json::json;

impl Core {
    /// Participants act for themselves; organisers and staff of the event's agency for anyone.
    async fn require_participant_or_organiser(
        &self,
        actor: &Actor,
        event: EventId,
        participant: ParticipantId,
    ) -> CoreResult<AgencyId> {
        let agency = self.reader(actor).await?.event(event).await?.agency_id;
        if let Some(a) = actor.logged_in()
            && a.role == Role::Participant
        {
            return if a.participant_id == Some(participant) {
                Ok(agency)
            } else {
                Err(CoreError::Forbidden)
            };
        }
        actor.require_write(agency)?;
        Ok(agency)
    }

    /// A participant asks another for a meeting.
    pub async fn request_meeting(
        &self,
        actor: &Actor,
        requester: ParticipantId,
        receiver: ParticipantId,
        priority: Priority,
        message: &str,
    ) -> CoreResult<MeetingRequestId> {
        check_request(requester, receiver)?;
        let (event, other_event) = {
            let mut r = self.reader(actor).await?;
            (
                r.participant(requester).await?.participant.event_id,
                r.participant(receiver).await?.participant.event_id,
            )
        };
        if event != other_event {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "receiver",
                "other_event",
                "the receiver takes part in another event",
            )));
        }
        let agency = self
            .require_participant_or_organiser(actor, event, requester)
            .await?;
        self.write_as_participant(actor, agency, "meeting.request.created", async |tx| {
            let id =
                koop_db::meeting::insert_request(tx, event, requester, receiver, priority, message)
                    .await
                    .map_err(|e| match e {
                        koop_db::DbError::Conflict(_) => {
                            CoreError::Conflict("this meeting was requested already".into())
                        }
                        other => other.into(),
                    })?;
            Ok(Change::new(
                id,
                "meeting_request",
                id.0,
                json!({ "requester": requester, "receiver": receiver }),
            ))
        })
        .await
    }

    /// Moves a request through its lifecycle (accept, decline, withdraw).
    pub async fn answer_request(
        &self,
        actor: &Actor,
        request: MeetingRequestId,
        answer: RequestAnswer,
    ) -> CoreResult<RequestStatus> {
        let (event, current, requester, receiver) =
            self.reader(actor).await?.request(request).await?;
        let acting_side = match answer {
            RequestAnswer::Withdraw => requester,
            RequestAnswer::Accept | RequestAnswer::Decline => receiver,
        };
        let agency = self
            .require_participant_or_organiser(actor, event, acting_side)
            .await?;
        let next = match answer {
            RequestAnswer::Accept => current.accept(),
            RequestAnswer::Decline => current.decline(),
            RequestAnswer::Withdraw => current.withdraw(),
        }?;
        let action = match answer {
            RequestAnswer::Accept => "meeting.request.accepted",
            RequestAnswer::Decline => "meeting.request.declined",
            RequestAnswer::Withdraw => "meeting.request.withdrawn",
        };
        self.write_as_participant(actor, agency, action, async |tx| {
            koop_db::meeting::set_request_status(tx, request, next).await?;
            Ok(Change::new(
                next,
                "meeting_request",
                request.0,
                json!({ "from": current, "to": next }),
            ))
        })
        .await
    }

    /// Places a meeting: for an accepted request (which becomes scheduled), or a
    /// pre-arranged or official meeting without one.
    pub async fn place_meeting(&self, actor: &Actor, meeting: NewMeeting) -> CoreResult<MeetingId> {
        let agency = self
            .reader(actor)
            .await?
            .event(meeting.event)
            .await?
            .agency_id;
        let request_state = match meeting.request {
            Some(r) => Some(self.reader(actor).await?.request(r).await?.1.schedule()?),
            None => None,
        };
        if meeting.participants.is_empty() {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "participants",
                "required",
                "a meeting needs at least one participant",
            )));
        }
        self.write(actor, Some(agency), "meeting.scheduled", async |tx| {
            if let (Some(r), Some(s)) = (meeting.request, request_state) {
                koop_db::meeting::set_request_status(tx, r, s).await?;
            }
            let id = koop_db::meeting::insert_meeting(tx, &meeting).await?;
            Ok(Change::new(
                id,
                "meeting",
                id.0,
                json!({ "request_id": meeting.request, "starts_at": meeting.starts_at }),
            ))
        })
        .await
    }

    /// Records that a meeting was held, missed or cancelled.
    pub async fn set_meeting_status(
        &self,
        actor: &Actor,
        meeting: MeetingId,
        to: MeetingStatus,
    ) -> CoreResult<MeetingStatus> {
        let (event, current) = self.reader(actor).await?.meeting_state(meeting).await?;
        let agency = self.reader(actor).await?.event(event).await?.agency_id;
        let next = match to {
            MeetingStatus::Held => current.hold(),
            MeetingStatus::NoShow => current.mark_no_show(),
            MeetingStatus::Cancelled => current.cancel(),
            MeetingStatus::Scheduled => Err(koop_domain::DomainError::illegal_transition(
                "meeting",
                current.as_str(),
                "rescheduled this way",
            )),
        }?;
        self.write(actor, Some(agency), "meeting.status_changed", async |tx| {
            koop_db::meeting::set_meeting_status(tx, meeting, next).await?;
            Ok(Change::new(
                next,
                "meeting",
                meeting.0,
                json!({ "from": current, "to": next }),
            ))
        })
        .await
    }

    /// A host offers a company visit at an event.
    #[allow(clippy::too_many_arguments)]
    pub async fn offer_visit(
        &self,
        actor: &Actor,
        event: EventId,
        session: Option<SessionId>,
        host: OrgId,
        title: &str,
        description: &str,
        capacity: i64,
        language: &LanguageCode,
    ) -> CoreResult<VisitOfferId> {
        let title = required_text("title", title, 300)?;
        check_capacity(capacity)?;
        let agency = self.reader(actor).await?.event(event).await?.agency_id;
        self.write(actor, Some(agency), "visit.offered", async |tx| {
            let id = koop_db::meeting::insert_visit(
                tx,
                event,
                session,
                host,
                &title,
                description,
                capacity,
                language.as_str(),
            )
            .await?;
            Ok(Change::new(
                id,
                "visit_offer",
                id.0,
                json!({ "host_id": host, "capacity": capacity }),
            ))
        })
        .await
    }

    /// A participant books a visit; when it is full, the booking goes on the waiting list.
    pub async fn book_visit(
        &self,
        actor: &Actor,
        offer: VisitOfferId,
        participant: ParticipantId,
    ) -> CoreResult<(VisitBookingId, BookingStatus)> {
        let event = self.reader(actor).await?.visit_event(offer).await?;
        let agency = self
            .require_participant_or_organiser(actor, event, participant)
            .await?;
        self.write_as_participant(actor, agency, "visit.booked", async |tx| {
            // Read capacity inside the transaction, so two bookings of the last seat cannot both win.
            let (_, capacity, confirmed) = koop_db::meeting::visit_load(tx, offer).await?;
            let status = status_for_new_booking(capacity, confirmed);
            let id = koop_db::meeting::insert_booking(tx, offer, participant, status)
                .await
                .map_err(|e| match e {
                    koop_db::DbError::Conflict(_) => {
                        CoreError::Conflict("this visit is booked already".into())
                    }
                    other => other.into(),
                })?;
            Ok(Change::new(
                (id, status),
                "visit_booking",
                id.0,
                json!({ "offer_id": offer, "status": status }),
            ))
        })
        .await
    }

    /// Like [`Core::write`], for operations a participant performs for themselves (the
    /// rights were checked by the caller against the participant, not the agency).
    async fn write_as_participant<T>(
        &self,
        actor: &Actor,
        agency: AgencyId,
        action: &'static str,
        f: impl AsyncFnOnce(&mut koop_db::Conn) -> CoreResult<Change<T>>,
    ) -> CoreResult<T> {
        let as_system = Actor::system();
        let effective = match actor.logged_in() {
            Some(a) if a.role == Role::Participant => &as_system,
            _ => actor,
        };
        self.write_audited_as(effective, actor, Some(agency), action, f)
            .await
    }
}

/// An answer to a meeting request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestAnswer {
    /// The receiver accepts.
    Accept,
    /// The receiver declines.
    Decline,
    /// The requester withdraws.
    Withdraw,
}
