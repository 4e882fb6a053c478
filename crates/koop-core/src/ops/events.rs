//! Events, venues, sessions, participants and profiles.

use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_db::owner::{EventChild, Owned};
use koop_domain::event::{
    EventData, ParticipantRole, ParticipantStatus, SessionData, Venue, check_time_zone,
};
use koop_domain::ids::{AgencyId, EventId, OrgId, ParticipantId, PersonId, SessionId, VenueId};
use koop_domain::task::Task;
use koop_domain::values::required_text;
use serde_json::json;

impl Core {
    /// Creates an event.
    pub async fn create_event(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: EventData,
        publish: bool,
    ) -> CoreResult<EventId> {
        required_text("title", &data.title, 300)?;
        data.check()?;
        self.write(actor, "event.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            // Co-organisers may be other agencies' organisations the actor can see.
            for org in &data.organiser_ids {
                koop_db::org::get(tx, actor.viewer(), *org).await?;
            }
            let id = koop_db::event::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
                permit,
                id,
                "event",
                id.0,
                json!({ "title": data.title, "kind": data.kind }),
            ))
        })
        .await
    }

    /// Adds a venue (or a station of a trip) to an event.
    pub async fn add_venue(
        &self,
        actor: &Actor,
        event: EventId,
        venue: Venue,
    ) -> CoreResult<VenueId> {
        required_text("name", &venue.name, 200)?;
        check_time_zone(&venue.time_zone)?;
        self.write(actor, "event.venue_added", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            let id = koop_db::event::insert_venue(tx, event, &venue).await?;
            Ok(Change::new(
                permit,
                id,
                "venue",
                id.0,
                json!({ "event_id": event, "name": venue.name }),
            ))
        })
        .await
    }

    /// Adds a session to an event.
    pub async fn add_session(
        &self,
        actor: &Actor,
        event: EventId,
        venue: Option<VenueId>,
        data: SessionData,
    ) -> CoreResult<SessionId> {
        required_text("title", &data.title, 300)?;
        data.check()?;
        self.write(actor, "event.session_added", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            if let Some(v) = venue {
                policy::belongs_to_event(tx, EventChild::Venue, v.0, event).await?;
            }
            let id = koop_db::event::insert_session(tx, event, venue, &data).await?;
            Ok(Change::new(
                permit,
                id,
                "session",
                id.0,
                json!({ "event_id": event, "kind": data.kind }),
            ))
        })
        .await
    }

    /// Registers a person of an organisation at an event. Both must be in the event's
    /// agency's directory, and the person must work for that organisation when the
    /// directory says whom they work for.
    pub async fn register_participant(
        &self,
        actor: &Actor,
        event: EventId,
        person: PersonId,
        org: OrgId,
        role: ParticipantRole,
    ) -> CoreResult<ParticipantId> {
        self.write(actor, "participant.registered", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Registrations).await?;
            let agency = permit.agency().ok_or(CoreError::NotFound)?;
            policy::belongs_to_agency(tx, Owned::Organisation, org.0, agency).await?;
            let (person_agency, works_for) = koop_db::owner::person(tx, person.0).await?;
            if person_agency != agency {
                return Err(CoreError::NotFound);
            }
            if works_for.is_some_and(|o| o != org) {
                return Err(CoreError::field(koop_domain::DomainError::new(
                    "org",
                    "other_organisation",
                    format!("person {person} works for another organisation than {org}"),
                )));
            }
            let id = koop_db::participant::insert(
                tx,
                event,
                person,
                org,
                role,
                ParticipantStatus::Registered,
            )
            .await
            .map_err(|e| match e {
                koop_db::DbError::Conflict(_) => CoreError::Conflict(
                    FieldError::new(
                        "person",
                        "already_registered",
                        format!("person {person} is registered already"),
                    )
                    .with("person", person),
                ),
                other => other.into(),
            })?;
            Ok(Change::new(
                permit,
                id,
                "participant",
                id.0,
                json!({ "event_id": event, "org_id": org }),
            ))
        })
        .await
    }

    /// Moves a participant through its lifecycle (confirm, check in, no-show, cancel).
    /// The status is read and changed in one transaction, and the change is
    /// conditional on it, so two changes at once cannot both apply.
    pub async fn set_participant_status(
        &self,
        actor: &Actor,
        event: EventId,
        participant: ParticipantId,
        step: impl FnOnce(ParticipantStatus) -> Result<ParticipantStatus, koop_domain::DomainError>,
    ) -> CoreResult<ParticipantStatus> {
        self.write(actor, "participant.status_changed", async |tx| {
            let (of_event, current) = koop_db::participant::state(tx, participant).await?;
            if of_event != event {
                return Err(CoreError::NotFound);
            }
            let next = step(current);
            // Checking in and no-shows are the day's work; the rest is registrations'.
            let task = match next {
                Ok(ParticipantStatus::Attended | ParticipantStatus::NoShow) => Task::OnTheDay,
                _ => Task::Registrations,
            };
            let permit = policy::manage_event(tx, actor, event, task).await?;
            let next = next?;
            if !koop_db::participant::set_status(tx, participant, current, next).await? {
                return Err(changed_meanwhile("participant"));
            }
            Ok(Change::new(
                permit,
                next,
                "participant",
                participant.0,
                json!({ "from": current, "to": next }),
            ))
        })
        .await
    }
}

/// The error for a record whose state changed between reading and writing it.
pub(crate) fn changed_meanwhile(what: &str) -> CoreError {
    CoreError::Conflict(
        FieldError::new(
            "",
            "changed_meanwhile",
            format!("this {what} was changed by someone else meanwhile; reload and try again"),
        )
        .with("what", what),
    )
}
