//! Reads for pages, the API and reports. A [`Reader`] carries the viewer into every
//! query; reads of an event's children (sessions, participants, meetings, …) first check
//! that the viewer may see the event.

use crate::CoreResult;
use koop_db::{
    activity, agency, agreement, audit, city, event, meeting, membership, org, outcome,
    participant, person, profile,
};
use koop_domain::account::Viewer;
use koop_domain::activity::Activity;
use koop_domain::agreement::Agreement;
use koop_domain::audit::AuditEntry;
use koop_domain::city::{Goal, Instrument};
use koop_domain::event::{Event, Session, Venue};
use koop_domain::ids::*;
use koop_domain::meeting::{MeetingStatus, RequestStatus};
use koop_domain::org::Organisation;
use koop_domain::outcome::Outcome;
use koop_domain::person::Person;
use koop_domain::profile::Profile;
use sqlx::pool::PoolConnection;

use crate::views::*;

/// A pooled connection bound to one viewer.
pub struct Reader {
    conn: PoolConnection<sqlx::Any>,
    viewer: Viewer,
}

impl Reader {
    pub(crate) fn new(conn: PoolConnection<sqlx::Any>, viewer: Viewer) -> Self {
        Reader { conn, viewer }
    }

    /// The viewer.
    pub fn viewer(&self) -> Viewer {
        self.viewer
    }

    /// All agencies (their names are public).
    pub async fn agencies(&mut self) -> CoreResult<Vec<Agency>> {
        Ok(agency::list(&mut self.conn).await?)
    }

    /// One organisation.
    pub async fn org(&mut self, id: OrgId) -> CoreResult<Organisation> {
        Ok(org::get(&mut self.conn, self.viewer, id).await?)
    }

    /// Organisations.
    pub async fn orgs(&mut self, filter: &OrgFilter) -> CoreResult<Vec<Organisation>> {
        Ok(org::list_visible(&mut self.conn, self.viewer, filter).await?)
    }

    /// Organisation counts per kind.
    pub async fn org_counts(&mut self) -> CoreResult<Vec<(String, i64)>> {
        Ok(org::count_by_kind(&mut self.conn, self.viewer).await?)
    }

    /// Names and kinds of organisations referred to by a record the viewer may see.
    pub async fn org_names(&mut self, ids: &[OrgId]) -> CoreResult<Vec<(OrgId, String, String)>> {
        Ok(org::names(&mut self.conn, ids).await?)
    }

    /// One person.
    pub async fn person(&mut self, id: PersonId) -> CoreResult<Person> {
        Ok(person::get(&mut self.conn, self.viewer, id).await?)
    }

    /// People, optionally of one organisation.
    pub async fn people(&mut self, org: Option<OrgId>) -> CoreResult<Vec<Person>> {
        Ok(person::list_visible(&mut self.conn, self.viewer, org).await?)
    }

    /// Memberships where `org` is the group or the member.
    pub async fn memberships(&mut self, org: OrgId) -> CoreResult<Vec<MembershipView>> {
        Ok(membership::for_org(&mut self.conn, self.viewer, org).await?)
    }

    /// All memberships in groups of a kind (`network` or `cluster`).
    pub async fn memberships_in(&mut self, kind: &str) -> CoreResult<Vec<MembershipView>> {
        Ok(membership::in_groups_of_kind(&mut self.conn, self.viewer, kind).await?)
    }

    /// Declared complementarities between clusters whose two sides the viewer may see.
    pub async fn complements(&mut self) -> CoreResult<Vec<koop_db::complement::ComplementView>> {
        Ok(koop_db::complement::list(&mut self.conn, self.viewer).await?)
    }

    /// One agreement with its parties.
    pub async fn agreement(&mut self, id: AgreementId) -> CoreResult<(Agreement, Vec<PartyView>)> {
        Ok(agreement::get(&mut self.conn, self.viewer, id).await?)
    }

    /// Agreements, optionally of one party.
    pub async fn agreements(
        &mut self,
        party: Option<OrgId>,
    ) -> CoreResult<Vec<(Agreement, Vec<PartyView>)>> {
        Ok(agreement::list_visible(&mut self.conn, self.viewer, party).await?)
    }

    /// Partner-city relations.
    pub async fn partner_cities(&mut self) -> CoreResult<Vec<PartnerCityView>> {
        Ok(city::list_partners(&mut self.conn, self.viewer).await?)
    }

    /// One partner-city relation.
    pub async fn partner_city(&mut self, id: PartnerCityId) -> CoreResult<PartnerCityView> {
        Ok(city::get_partner(&mut self.conn, self.viewer, id).await?)
    }

    /// Instruments of an agency.
    pub async fn instruments(&mut self, agency: AgencyId) -> CoreResult<Vec<Instrument>> {
        Ok(city::instruments(&mut self.conn, Some(agency)).await?)
    }

    /// Goals of an agency.
    pub async fn goals(&mut self, agency: AgencyId) -> CoreResult<Vec<Goal>> {
        Ok(city::goals(&mut self.conn, Some(agency)).await?)
    }

    /// Activities.
    pub async fn activities(&mut self, filter: ActivityFilter) -> CoreResult<Vec<Activity>> {
        Ok(activity::list_visible(&mut self.conn, self.viewer, filter).await?)
    }

    /// One activity.
    pub async fn activity(&mut self, id: ActivityId) -> CoreResult<Activity> {
        Ok(activity::get(&mut self.conn, self.viewer, id).await?)
    }

    /// Outcomes.
    pub async fn outcomes(&mut self, filter: OutcomeFilter) -> CoreResult<Vec<Outcome>> {
        Ok(outcome::list_visible(&mut self.conn, self.viewer, filter).await?)
    }

    /// One event.
    pub async fn event(&mut self, id: EventId) -> CoreResult<Event> {
        Ok(event::get(&mut self.conn, self.viewer, id).await?)
    }

    /// Events, optionally of one organiser.
    pub async fn events(&mut self, organiser: Option<OrgId>) -> CoreResult<Vec<Event>> {
        Ok(event::list_visible(&mut self.conn, self.viewer, organiser).await?)
    }

    /// Venues of an event.
    pub async fn venues(&mut self, id: EventId) -> CoreResult<Vec<Venue>> {
        self.event(id).await?;
        Ok(event::venues(&mut self.conn, id).await?)
    }

    /// Sessions of an event.
    pub async fn sessions(&mut self, id: EventId) -> CoreResult<Vec<Session>> {
        self.event(id).await?;
        Ok(event::sessions(&mut self.conn, id).await?)
    }

    /// Participants of an event.
    pub async fn participants(&mut self, id: EventId) -> CoreResult<Vec<ParticipantView>> {
        self.event(id).await?;
        Ok(participant::for_event(&mut self.conn, id).await?)
    }

    /// Participants per country.
    pub async fn participant_countries(&mut self, id: EventId) -> CoreResult<Vec<(String, i64)>> {
        self.event(id).await?;
        Ok(participant::countries(&mut self.conn, id).await?)
    }

    /// One participant, if the viewer may see their event.
    pub async fn participant(&mut self, id: ParticipantId) -> CoreResult<ParticipantView> {
        let p = participant::get(&mut self.conn, id).await?;
        self.event(p.participant.event_id).await?;
        Ok(p)
    }

    /// Published profiles of an event.
    pub async fn event_profiles(&mut self, id: EventId) -> CoreResult<Vec<Profile>> {
        self.event(id).await?;
        Ok(profile::for_event(&mut self.conn, id).await?)
    }

    /// Published profiles of an organisation the viewer may see.
    pub async fn org_profiles(&mut self, id: OrgId) -> CoreResult<Vec<Profile>> {
        self.org(id).await?;
        Ok(profile::for_org(&mut self.conn, id).await?)
    }

    /// A request's event, status, requester and receiver.
    pub async fn request(
        &mut self,
        id: MeetingRequestId,
    ) -> CoreResult<(EventId, RequestStatus, ParticipantId, ParticipantId)> {
        let r = meeting::request_state(&mut self.conn, id).await?;
        self.event(r.0).await?;
        Ok(r)
    }

    /// The other side and status of every request a participant sent or received.
    pub async fn requests_of(
        &mut self,
        participant: ParticipantId,
    ) -> CoreResult<Vec<(ParticipantId, RequestStatus)>> {
        self.participant(participant).await?;
        Ok(meeting::requests_of(&mut self.conn, participant).await?)
    }

    /// Accepted requests of an event that wait for a slot.
    pub async fn accepted_requests(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<koop_db::meeting::OpenRequest>> {
        self.event(id).await?;
        Ok(meeting::accepted_requests(&mut self.conn, id).await?)
    }

    /// Scheduled meetings of an event with session, start and participants.
    pub async fn placed_meetings(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<koop_db::meeting::Placed>> {
        self.event(id).await?;
        Ok(meeting::placed(&mut self.conn, id).await?)
    }

    /// Stored profile embeddings of an event.
    pub async fn profile_embeddings(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<koop_db::profile::StoredEmbedding>> {
        self.event(id).await?;
        Ok(profile::embeddings_for_event(&mut self.conn, id).await?)
    }

    /// Request counts per status at an event.
    pub async fn request_counts(&mut self, id: EventId) -> CoreResult<Vec<(String, i64)>> {
        self.event(id).await?;
        Ok(meeting::request_counts(&mut self.conn, id).await?)
    }

    /// A meeting's event and status.
    pub async fn meeting_state(&mut self, id: MeetingId) -> CoreResult<(EventId, MeetingStatus)> {
        let m = meeting::meeting_state(&mut self.conn, id).await?;
        self.event(m.0).await?;
        Ok(m)
    }

    /// Meetings of an event, optionally of one participant.
    pub async fn meetings(
        &mut self,
        id: EventId,
        participant: Option<ParticipantId>,
    ) -> CoreResult<Vec<MeetingView>> {
        self.event(id).await?;
        Ok(meeting::meetings(&mut self.conn, id, participant).await?)
    }

    /// Company-visit offers of an event.
    pub async fn visits(&mut self, id: EventId) -> CoreResult<Vec<VisitView>> {
        self.event(id).await?;
        Ok(meeting::visits(&mut self.conn, id).await?)
    }

    /// The event of a visit offer.
    pub async fn visit_event(&mut self, offer: VisitOfferId) -> CoreResult<EventId> {
        let (event, _, _) = meeting::visit_load(&mut self.conn, offer).await?;
        self.event(event).await?;
        Ok(event)
    }

    /// The newest audit entries the viewer may read (staff: their agency; admins: all).
    pub async fn audit(&mut self, limit: i64) -> CoreResult<Vec<AuditEntry>> {
        let agency = match self.viewer {
            Viewer::Platform => None,
            Viewer::Agency(a) => Some(a),
            Viewer::Anonymous => return Err(crate::CoreError::Forbidden),
        };
        Ok(audit::recent(&mut self.conn, agency, limit).await?)
    }

    /// The number of audit entries (for tests).
    pub async fn audit_count(&mut self) -> CoreResult<i64> {
        Ok(audit::count(&mut self.conn).await?)
    }
}
