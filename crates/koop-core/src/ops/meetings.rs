//! Meeting requests, meetings and company visits.

use super::events::changed_meanwhile;
use crate::mail::Notice;
use crate::ops::tables::stand_allows;
use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
pub use koop_db::meeting::NewMeeting;
use koop_db::owner::{EventChild, Owned};
use koop_domain::ids::{
    EventId, MeetingId, MeetingRequestId, OrgId, ParticipantId, SessionId, VisitBookingId,
    VisitOfferId,
};
use koop_domain::meeting::{MeetingStatus, Priority, RequestStatus, check_request};
use koop_domain::settings::RequestMode;
use koop_domain::task::Task;
use koop_domain::values::{LanguageCode, optional_text, required_text};
use koop_domain::visit::{BookingStatus, check_capacity, status_for_new_booking};
use serde_json::json;

impl Core {
    /// A participant of `event` asks another for a meeting (or an organiser asks for them).
    #[allow(clippy::too_many_arguments)]
    pub async fn request_meeting(
        &self,
        actor: &Actor,
        event: EventId,
        requester: ParticipantId,
        receiver: ParticipantId,
        priority: Priority,
        message: &str,
    ) -> CoreResult<MeetingRequestId> {
        check_request(requester, receiver)?;
        let message = optional_text("message", message, 2_000)?;
        let bucket = format!("request:participant:{requester}");
        self.check_rate(&bucket, crate::rate::REQUESTS_PER_PARTICIPANT)
            .await?;
        let id = self
            .write(actor, "meeting.request.created", async |tx| {
                let permit = policy::act_for(tx, actor, event, requester).await?;
                policy::belongs_to_event(tx, EventChild::Participant, receiver.0, event).await?;
                let ev = koop_db::event::get(tx, event).await?;
                let settings = &ev.settings;
                let sent = koop_db::request::sent_count(tx, event, requester).await?;
                if !settings.allows_another_request(sent) {
                    return Err(CoreError::Conflict(
                        FieldError::new(
                            "",
                            "request_limit",
                            format!("you have sent {sent} requests, the most this event allows"),
                        )
                        .with("count", sent),
                    ));
                }
                let status = match settings.request_mode {
                    RequestMode::PartnerAccepts => RequestStatus::Proposed,
                    RequestMode::Automatic => RequestStatus::Accepted,
                };
                let id = koop_db::request::insert_request(
                    tx, event, requester, receiver, priority, &message, status,
                )
                .await
                .map_err(|e| match e {
                    koop_db::DbError::Conflict(_) => CoreError::conflict(
                        "already_requested",
                        "this meeting was requested already",
                    ),
                    other => other.into(),
                })?;
                let from = koop_db::participant::get(tx, requester).await?.org_name;
                self.queue_mail_to(tx, ev.agency_id, receiver, || Notice::RequestReceived {
                    event: ev.data.title.clone(),
                    event_id: event,
                    from,
                    message: message.clone(),
                })
                .await?;
                Ok(Change::new(
                    permit,
                    id,
                    "meeting_request",
                    id.0,
                    json!({ "requester": requester, "receiver": receiver }),
                ))
            })
            .await?;
        self.count_rate(&bucket, crate::rate::REQUESTS_PER_PARTICIPANT)
            .await?;
        self.wake_worker();
        Ok(id)
    }

    /// Moves a request of `event` through its lifecycle (accept, decline, withdraw).
    /// The status is read and changed in one transaction and the update is conditional
    /// on it, so of two answers at the same moment one wins and the other gets a conflict.
    pub async fn answer_request(
        &self,
        actor: &Actor,
        event: EventId,
        request: MeetingRequestId,
        answer: RequestAnswer,
    ) -> CoreResult<RequestStatus> {
        let action = match answer {
            RequestAnswer::Accept => "meeting.request.accepted",
            RequestAnswer::Decline => "meeting.request.declined",
            RequestAnswer::Withdraw => "meeting.request.withdrawn",
        };
        let next = self
            .write(actor, action, async |tx| {
                let (of_event, current, requester, receiver) =
                    koop_db::request::request_state(tx, request).await?;
                if of_event != event {
                    return Err(CoreError::NotFound);
                }
                let acting_side = match answer {
                    RequestAnswer::Withdraw => requester,
                    RequestAnswer::Accept | RequestAnswer::Decline => receiver,
                };
                let permit = policy::act_for(tx, actor, event, acting_side).await?;
                // A request answered by someone else already is a conflict, not bad input.
                let next = match answer {
                    RequestAnswer::Accept => current.accept(),
                    RequestAnswer::Decline => current.decline(),
                    RequestAnswer::Withdraw => current.withdraw(),
                }
                .map_err(|_| {
                    CoreError::Conflict(
                        FieldError::new(
                            "",
                            "request_answered",
                            format!("this request was answered already: it is {current}"),
                        )
                        .with("status", current),
                    )
                })?;
                if !koop_db::request::set_request_status(tx, request, current, next).await? {
                    return Err(changed_meanwhile("request"));
                }
                if let RequestAnswer::Accept | RequestAnswer::Decline = answer {
                    let ev = koop_db::event::get(tx, event).await?;
                    let partner = koop_db::participant::get(tx, receiver).await?.org_name;
                    self.queue_mail_to(tx, ev.agency_id, requester, || Notice::RequestAnswered {
                        event: ev.data.title.clone(),
                        event_id: event,
                        partner,
                        accepted: answer == RequestAnswer::Accept,
                    })
                    .await?;
                }
                Ok(Change::new(
                    permit,
                    next,
                    "meeting_request",
                    request.0,
                    json!({ "from": current, "to": next }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(next)
    }

    /// Places a meeting: for an accepted request (which becomes scheduled), or a
    /// pre-arranged or official meeting without one. The session, the participants and
    /// the request must be the event's; the database refuses a participant or a table
    /// booked twice at one time.
    pub async fn place_meeting(&self, actor: &Actor, meeting: NewMeeting) -> CoreResult<MeetingId> {
        if meeting.participants.is_empty() {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "participants",
                "required",
                "a meeting needs at least one participant",
            )));
        }
        let event = meeting.event;
        self.write(actor, "meeting.scheduled", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
            check_meeting_ids(tx, &meeting).await?;
            let (session, table) = (meeting.session, meeting.table_no);
            if !stand_allows(tx, event, session, table, &meeting.participants).await? {
                return Err(CoreError::field(koop_domain::DomainError::new(
                    "table_no",
                    "stand_taken",
                    "a stand owner meets at their stand, and nobody else meets there",
                )));
            }
            if let Some(r) = meeting.request {
                let (_, current, a, b) = koop_db::request::request_state(tx, r).await?;
                let mut pair = [a, b];
                pair.sort();
                let mut who = meeting.participants.clone();
                who.sort();
                if who != pair {
                    return Err(CoreError::field(koop_domain::DomainError::new(
                        "participants",
                        "not_the_request",
                        format!("the meeting's participants are not the two of request {r}"),
                    )));
                }
                let next = current.schedule()?;
                if !koop_db::request::set_request_status(tx, r, current, next).await? {
                    return Err(changed_meanwhile("request"));
                }
            }
            let id = koop_db::meeting::insert_meeting(tx, &meeting)
                .await
                .map_err(booking_conflict)?;
            Ok(Change::new(
                permit,
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
        event: EventId,
        meeting: MeetingId,
        to: MeetingStatus,
    ) -> CoreResult<MeetingStatus> {
        self.write(actor, "meeting.status_changed", async |tx| {
            let (of_event, current) = koop_db::meeting::meeting_state(tx, meeting).await?;
            if of_event != event {
                return Err(CoreError::NotFound);
            }
            // Held and no-show are the day's work; cancelling changes the schedule.
            let task = match to {
                MeetingStatus::Held | MeetingStatus::NoShow => Task::OnTheDay,
                _ => Task::Schedule,
            };
            let permit = policy::manage_event(tx, actor, event, task).await?;
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
            // A no-show whose slot was refilled cannot become held again: its slot is taken.
            if !koop_db::meeting::set_meeting_status(tx, meeting, current, next)
                .await
                .map_err(booking_conflict)?
            {
                return Err(changed_meanwhile("meeting"));
            }
            // A cancellation on an agenda people see is news to the two sides, and only them.
            if next == MeetingStatus::Cancelled
                && koop_db::event::get(tx, event).await?.agenda_visible()
            {
                let sides = koop_db::meeting::participants_of(tx, meeting).await?;
                self.tell_about(tx, event, meeting, &sides, |event, event_id, meeting| {
                    Notice::MeetingCancelled {
                        event,
                        event_id,
                        meeting,
                    }
                })
                .await?;
            }
            Ok(Change::new(
                permit,
                next,
                "meeting",
                meeting.0,
                json!({ "from": current, "to": next }),
            ))
        })
        .await
        .inspect(|_| self.wake_worker())
    }

    /// A participant rates a meeting they had (1 to 5, with an optional comment); a
    /// second rating replaces the first. Only meetings that were held can be rated.
    pub async fn rate_meeting(
        &self,
        actor: &Actor,
        event: EventId,
        meeting: MeetingId,
        participant: ParticipantId,
        score: i64,
        comment: &str,
    ) -> CoreResult<()> {
        if !(1..=5).contains(&score) {
            return Err(CoreError::field(
                koop_domain::DomainError::new(
                    "score",
                    "out_of_range",
                    format!("{score} is not from 1 to 5"),
                )
                .with("value", score)
                .with("min", 1)
                .with("max", 5),
            ));
        }
        let comment = optional_text("comment", comment, 2_000)?;
        self.write(actor, "meeting.rated", async |tx| {
            let permit = policy::act_for(tx, actor, event, participant).await?;
            let (of_event, status) = koop_db::meeting::meeting_state(tx, meeting).await?;
            if of_event != event
                || !koop_db::meeting::participants_of(tx, meeting)
                    .await?
                    .contains(&participant)
            {
                return Err(CoreError::NotFound);
            }
            if status != MeetingStatus::Held {
                return Err(CoreError::conflict(
                    "not_held",
                    "only a meeting that was held can be rated",
                ));
            }
            koop_db::meeting::rate(tx, meeting, participant, score, &comment).await?;
            Ok(Change::new(
                permit,
                (),
                "meeting",
                meeting.0,
                json!({ "participant": participant, "score": score }),
            ))
        })
        .await
    }

    /// A host of the event's agency offers a company visit at an event.
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
        let description = optional_text("description", description, 10_000)?;
        check_capacity(capacity)?;
        self.write(actor, "visit.offered", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            if let Some(s) = session {
                policy::belongs_to_event(tx, EventChild::Session, s.0, event).await?;
            }
            let agency = permit.agency().ok_or(CoreError::NotFound)?;
            policy::belongs_to_agency(tx, Owned::Organisation, host.0, agency).await?;
            let id = koop_db::visit::insert_visit(
                tx,
                event,
                session,
                host,
                &title,
                &description,
                capacity,
                language.as_str(),
            )
            .await?;
            Ok(Change::new(
                permit,
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
        self.write(actor, "visit.booked", async |tx| {
            // Read capacity inside the transaction (locked on PostgreSQL), so two
            // bookings of the last seat cannot both win.
            let (event, capacity, confirmed) = koop_db::visit::visit_load(tx, offer).await?;
            let permit = policy::act_for(tx, actor, event, participant).await?;
            let status = status_for_new_booking(capacity, confirmed);
            let id = koop_db::visit::insert_booking(tx, offer, participant, status)
                .await
                .map_err(|e| match e {
                    koop_db::DbError::Conflict(_) => {
                        CoreError::conflict("already_booked", "this visit is booked already")
                    }
                    other => other.into(),
                })?;
            Ok(Change::new(
                permit,
                (id, status),
                "visit_booking",
                id.0,
                json!({ "offer_id": offer, "status": status }),
            ))
        })
        .await
    }
}

/// Checks that a new meeting's session and participants are the event's, and that its
/// table is one of the session's.
pub(crate) async fn check_meeting_ids(tx: &mut koop_db::Conn, m: &NewMeeting) -> CoreResult<()> {
    for p in &m.participants {
        policy::belongs_to_event(tx, EventChild::Participant, p.0, m.event).await?;
    }
    if let Some(r) = m.request {
        policy::belongs_to_event(tx, EventChild::Request, r.0, m.event).await?;
    }
    let Some(session) = m.session else {
        return Ok(());
    };
    policy::belongs_to_event(tx, EventChild::Session, session.0, m.event).await?;
    let tables = koop_db::event::session_tables(tx, session).await?;
    match (m.table_no, tables) {
        (Some(t), Some(n)) if t < 1 || t > n => {
            Err(CoreError::field(koop_domain::DomainError::new(
                "table_no",
                "no_such_table",
                format!("table {t} is not one of the session's {n} tables"),
            )))
        }
        _ => Ok(()),
    }
}

/// A refused double booking becomes a conflict the person can act on.
pub(crate) fn booking_conflict(e: koop_db::DbError) -> CoreError {
    match e {
        koop_db::DbError::DoubleBooking(koop_db::Booked::Participant) => CoreError::conflict(
            "participant_booked",
            "a participant of this meeting has another meeting at that time",
        ),
        koop_db::DbError::DoubleBooking(koop_db::Booked::Table) => {
            CoreError::conflict("table_booked", "this table is taken at that time")
        }
        other => other.into(),
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
