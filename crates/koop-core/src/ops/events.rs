//! Events, venues, sessions, participants and profiles.

use crate::{Actor, Change, Core, CoreError, CoreResult};
pub use koop_db::profile::ProfileOwner;
use koop_domain::event::{
    EventData, ParticipantRole, ParticipantStatus, SessionData, Venue, check_time_zone,
};
use koop_domain::ids::{
    AgencyId, EventId, OrgId, ParticipantId, PersonId, ProfileId, SessionId, VenueId,
};
use koop_domain::profile::{ProfileData, ProfileStatus};
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
        self.write(actor, Some(agency), "event.created", async |tx| {
            let id = koop_db::event::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
                id,
                "event",
                id.0,
                json!({ "title": data.title, "kind": data.kind }),
            ))
        })
        .await
    }

    /// The agency that owns an event the actor may see.
    async fn event_agency(&self, actor: &Actor, event: EventId) -> CoreResult<AgencyId> {
        Ok(self.reader(actor).await?.event(event).await?.agency_id)
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
        let agency = self.event_agency(actor, event).await?;
        self.write(actor, Some(agency), "event.venue_added", async |tx| {
            let id = koop_db::event::insert_venue(tx, event, &venue).await?;
            Ok(Change::new(
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
        let agency = self.event_agency(actor, event).await?;
        self.write(actor, Some(agency), "event.session_added", async |tx| {
            let id = koop_db::event::insert_session(tx, event, venue, &data).await?;
            Ok(Change::new(
                id,
                "session",
                id.0,
                json!({ "event_id": event, "kind": data.kind }),
            ))
        })
        .await
    }

    /// Registers a person of an organisation at an event.
    pub async fn register_participant(
        &self,
        actor: &Actor,
        event: EventId,
        person: PersonId,
        org: OrgId,
        role: ParticipantRole,
    ) -> CoreResult<ParticipantId> {
        let agency = self.event_agency(actor, event).await?;
        self.write(actor, Some(agency), "participant.registered", async |tx| {
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
                koop_db::DbError::Conflict(_) => {
                    CoreError::Conflict(format!("person {person} is registered already"))
                }
                other => other.into(),
            })?;
            Ok(Change::new(
                id,
                "participant",
                id.0,
                json!({ "event_id": event, "org_id": org }),
            ))
        })
        .await
    }

    /// Moves a participant through its lifecycle (confirm, check in, no-show, cancel).
    pub async fn set_participant_status(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        step: impl FnOnce(ParticipantStatus) -> Result<ParticipantStatus, koop_domain::DomainError>,
    ) -> CoreResult<ParticipantStatus> {
        let (event, current) = {
            let mut r = self.reader(actor).await?;
            let p = r.participant(participant).await?;
            (p.participant.event_id, p.participant.status)
        };
        let next = step(current)?;
        let agency = self.event_agency(actor, event).await?;
        self.write(
            actor,
            Some(agency),
            "participant.status_changed",
            async |tx| {
                koop_db::participant::set_status(tx, participant, next).await?;
                Ok(Change::new(
                    next,
                    "participant",
                    participant.0,
                    json!({ "from": current, "to": next }),
                ))
            },
        )
        .await
    }

    /// Writes a cooperation profile for an organisation, optionally at an event.
    pub async fn create_profile(
        &self,
        actor: &Actor,
        owner: ProfileOwner,
        status: ProfileStatus,
        data: ProfileData,
    ) -> CoreResult<ProfileId> {
        data.check()?;
        let id = self
            .write(actor, Some(owner.agency), "profile.created", async |tx| {
                let id = koop_db::profile::insert(tx, owner, status, &data).await?;
                Ok(Change::new(
                    id,
                    "profile",
                    id.0,
                    json!({ "kind": data.kind, "org_id": owner.org }),
                ))
            })
            .await?;
        // A side effect after the commit: an unreachable embedding service must not cost
        // the author their profile; the vector is computed on the next refresh instead.
        if let Some(event) = owner.event
            && let Err(e) = self.refresh_embeddings(actor, event).await
        {
            tracing::warn!(%e, profile = %id, "profile embedding failed");
        }
        Ok(id)
    }
}
