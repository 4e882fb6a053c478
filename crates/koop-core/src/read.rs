//! Reads for pages, the API and reports. A [`Reader`] carries the viewer into every
//! query; reads of an event's children (sessions, participants, meetings, …) first check
//! that the viewer may see the event.

use crate::policy::{self, EventAccess};
use crate::{CoreError, CoreResult};
use koop_db::{
    activity, agency, agreement, audit, city, event, meeting, membership, org, outcome,
    participant, person, profile, request, visit,
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
use koop_domain::task::{Task, Tasks};
use sqlx::pool::PoolConnection;

use crate::views::*;

/// A pooled connection bound to one viewer.
pub struct Reader {
    conn: PoolConnection<sqlx::Any>,
    viewer: Viewer,
    /// The viewer's access to events asked about before: a page asks several times,
    /// and a reader lives for one page.
    known: Vec<(EventId, EventAccess, Tasks, bool)>,
}

impl Reader {
    pub(crate) fn new(conn: PoolConnection<sqlx::Any>, viewer: Viewer) -> Self {
        Reader {
            conn,
            viewer,
            known: Vec::new(),
        }
    }

    /// The viewer.
    pub fn viewer(&self) -> Viewer {
        self.viewer
    }

    /// The connection, for reads of other modules of koop-core.
    pub(crate) fn conn(&mut self) -> &mut koop_db::Conn {
        &mut self.conn
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

    /// One membership (current or ended), if the viewer may see its group.
    pub async fn membership(
        &mut self,
        id: koop_domain::ids::MembershipId,
    ) -> CoreResult<MembershipView> {
        Ok(membership::get(&mut self.conn, self.viewer, id).await?)
    }

    /// The current memberships in groups of a kind (`network` or `cluster`): overlaps,
    /// suggestions and group lists count those who are members today, not those who
    /// left.
    pub async fn memberships_in(&mut self, kind: &str) -> CoreResult<Vec<MembershipView>> {
        let today = chrono::Utc::now().date_naive();
        let mut all = membership::in_groups_of_kind(&mut self.conn, self.viewer, kind).await?;
        all.retain(|m| m.is_current(today));
        Ok(all)
    }

    /// Declared complementarities between clusters whose two sides the viewer may see.
    pub async fn complements(&mut self) -> CoreResult<Vec<koop_db::complement::ComplementView>> {
        Ok(koop_db::complement::list(&mut self.conn, self.viewer).await?)
    }

    /// One agreement with its parties.
    /// What each party contributes stays with the owning agency: other viewers get the
    /// parties without their contributions.
    pub async fn agreement(&mut self, id: AgreementId) -> CoreResult<(Agreement, Vec<PartyView>)> {
        let a = agreement::get(&mut self.conn, self.viewer, id).await?;
        Ok(redact_contributions(self.viewer, a))
    }

    /// Agreements, optionally of one party.
    pub async fn agreements(
        &mut self,
        party: Option<OrgId>,
    ) -> CoreResult<Vec<(Agreement, Vec<PartyView>)>> {
        let viewer = self.viewer;
        Ok(agreement::list_visible(&mut self.conn, viewer, party)
            .await?
            .into_iter()
            .map(|a| redact_contributions(viewer, a))
            .collect())
    }

    /// Partner-city relations.
    pub async fn partner_cities(&mut self) -> CoreResult<Vec<PartnerCityView>> {
        Ok(city::list_partners(&mut self.conn, self.viewer).await?)
    }

    /// A partner-city relation's milestones, oldest first.
    pub async fn partner_city_history(
        &mut self,
        id: PartnerCityId,
    ) -> CoreResult<Vec<koop_domain::city::RelationEvent>> {
        // Through the relation, so that a viewer who may not see it gets NotFound.
        self.partner_city(id).await?;
        Ok(koop_db::city::events(&mut self.conn, id).await?)
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

    /// The targets of an agency's goals per year: goal, year, target.
    pub async fn goal_targets(&mut self, agency: AgencyId) -> CoreResult<Vec<(GoalId, i32, f64)>> {
        Ok(city::goal_targets(&mut self.conn, agency).await?)
    }

    /// Activities.
    pub async fn activities(&mut self, filter: ActivityFilter) -> CoreResult<Vec<Activity>> {
        Ok(activity::list_visible(&mut self.conn, self.viewer, filter).await?)
    }

    /// One activity.
    pub async fn activity(&mut self, id: ActivityId) -> CoreResult<Activity> {
        Ok(activity::get(&mut self.conn, self.viewer, id).await?)
    }

    /// The leads each organisation of an activity collected.
    pub async fn activity_leads(
        &mut self,
        id: ActivityId,
    ) -> CoreResult<Vec<(OrgId, Option<i64>)>> {
        activity::get(&mut self.conn, self.viewer, id).await?;
        Ok(activity::leads(&mut self.conn, id).await?)
    }

    /// Outcomes.
    pub async fn outcomes(&mut self, filter: OutcomeFilter) -> CoreResult<Vec<Outcome>> {
        Ok(outcome::list_visible(&mut self.conn, self.viewer, filter).await?)
    }

    /// Whether an organisation is archived.
    pub async fn is_archived(&mut self, id: OrgId) -> CoreResult<bool> {
        Ok(koop_db::merge::is_archived(&mut self.conn, id).await?)
    }

    /// The organisation `id` was merged into, if it was a duplicate.
    pub async fn merged_into(&mut self, id: OrgId) -> CoreResult<Option<OrgId>> {
        Ok(koop_db::merge::merged_into(&mut self.conn, id).await?)
    }

    /// The agency's EEN partnering profiles, by reference; for its staff only.
    pub async fn een_profiles(&mut self, agency: AgencyId) -> CoreResult<Vec<(String, Profile)>> {
        if !policy::may_change_agency_records(self.viewer, agency) {
            return Err(CoreError::Forbidden);
        }
        Ok(koop_db::profile::een_profiles(&mut self.conn, agency).await?)
    }

    /// The funding calls of the viewer's agency.
    pub async fn calls(&mut self) -> CoreResult<Vec<koop_domain::call::FundingCall>> {
        Ok(koop_db::call::list_visible(&mut self.conn, self.viewer).await?)
    }

    /// One funding call.
    pub async fn call(&mut self, id: FundingCallId) -> CoreResult<koop_domain::call::FundingCall> {
        Ok(koop_db::call::get(&mut self.conn, self.viewer, id).await?)
    }

    /// The cross-cluster project ideas of the viewer's agency.
    pub async fn ideas(&mut self) -> CoreResult<Vec<koop_domain::idea::ProjectIdea>> {
        Ok(koop_db::idea::list_visible(&mut self.conn, self.viewer).await?)
    }

    /// One project idea.
    pub async fn idea(
        &mut self,
        id: koop_domain::ids::ProjectIdeaId,
    ) -> CoreResult<koop_domain::idea::ProjectIdea> {
        Ok(koop_db::idea::get(&mut self.conn, self.viewer, id).await?)
    }

    /// Investor and settlement projects (the viewer's agency's; never public).
    pub async fn investor_projects(&mut self) -> CoreResult<Vec<koop_domain::settlement::Project>> {
        Ok(koop_db::settlement::list_visible(&mut self.conn, self.viewer).await?)
    }

    /// One investor or settlement project.
    pub async fn investor_project(
        &mut self,
        id: koop_domain::ids::InvestorProjectId,
    ) -> CoreResult<koop_domain::settlement::Project> {
        Ok(koop_db::settlement::get(&mut self.conn, self.viewer, id).await?)
    }

    /// The organisations that stand for an agency, to offer as an event's organisers.
    pub async fn agency_orgs(&mut self, agency: AgencyId) -> CoreResult<Vec<OrgId>> {
        Ok(koop_db::agency::orgs_of(&mut self.conn, agency).await?)
    }

    /// Where and when each participant of an event can meet (only those with windows).
    pub async fn presence(
        &mut self,
        event: EventId,
    ) -> CoreResult<std::collections::HashMap<ParticipantId, Vec<koop_domain::event::Presence>>>
    {
        self.access(event).await?;
        Ok(koop_db::presence::of_event(&mut self.conn, event).await?)
    }

    /// One event.
    pub async fn event(&mut self, id: EventId) -> CoreResult<Event> {
        Ok(self.event_access(id).await?.0)
    }

    /// One event and what the viewer may see and do there.
    pub async fn event_access(&mut self, id: EventId) -> CoreResult<(Event, EventAccess)> {
        let access = self.access(id).await?;
        Ok((event::get(&mut self.conn, id).await?, access))
    }

    /// The viewer's access to an event; `NotFound` when they may not see it.
    pub(crate) async fn access(&mut self, id: EventId) -> CoreResult<EventAccess> {
        Ok(self.rights(id).await?.0)
    }

    /// The viewer's access to an event, the tasks they may do there, and whether they
    /// own it; read once per reader.
    async fn rights(&mut self, id: EventId) -> CoreResult<(EventAccess, Tasks, bool)> {
        if let Some((_, access, tasks, owns)) = self.known.iter().find(|(e, ..)| *e == id) {
            return Ok((*access, *tasks, *owns));
        }
        let scope = event::scope(&mut self.conn, id).await?;
        let access = policy::event_access(self.viewer, &scope).ok_or(CoreError::NotFound)?;
        let tasks = match access {
            EventAccess::Manage => policy::tasks(self.viewer, &scope),
            _ => Tasks::none(),
        };
        let owns = policy::owns(self.viewer, &scope);
        self.known.push((id, access, tasks, owns));
        Ok((access, tasks, owns))
    }

    /// What the viewer may do at an event (none unless they manage it), for pages to
    /// show only the buttons that work.
    pub async fn tasks(&mut self, id: EventId) -> CoreResult<Tasks> {
        Ok(self.rights(id).await?.1)
    }

    /// Whether the viewer owns an event: decides what its co-organisers may do.
    pub async fn owns(&mut self, id: EventId) -> CoreResult<bool> {
        Ok(self.rights(id).await?.2)
    }

    /// Succeeds for those who may do `task` at the event; `Forbidden` for others who
    /// can see it.
    pub async fn require_task(&mut self, id: EventId, task: Task) -> CoreResult<()> {
        if self.tasks(id).await?.contains(task) {
            Ok(())
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// Succeeds for `participant` themselves and the event's organisers.
    pub(crate) async fn require_own(
        &mut self,
        event: EventId,
        participant: ParticipantId,
    ) -> CoreResult<()> {
        if self.access(event).await?.sees_own(participant) {
            Ok(())
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// Succeeds for the event's organisers; `Forbidden` for others who can see it.
    pub async fn require_manage(&mut self, id: EventId) -> CoreResult<()> {
        match self.access(id).await? {
            EventAccess::Manage => Ok(()),
            _ => Err(CoreError::Forbidden),
        }
    }

    /// Events the viewer may see, optionally of one organiser, newest first.
    pub async fn events(&mut self, organiser: Option<OrgId>) -> CoreResult<Vec<Event>> {
        let visible: Vec<EventId> = event::scopes(&mut self.conn)
            .await?
            .iter()
            .filter(|s| policy::event_access(self.viewer, s).is_some())
            .map(|s| s.id)
            .collect();
        Ok(event::list(&mut self.conn, &visible, organiser).await?)
    }

    /// Venues of an event.
    pub async fn venues(&mut self, id: EventId) -> CoreResult<Vec<Venue>> {
        self.access(id).await?;
        Ok(event::venues(&mut self.conn, id).await?)
    }

    /// The travel times between an event's venues (a < b, minutes); organisers only.
    pub async fn travel_times(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<(koop_domain::ids::VenueId, koop_domain::ids::VenueId, i64)>> {
        self.require_manage(id).await?;
        Ok(event::travel(&mut self.conn, id).await?)
    }

    /// Sessions of an event.
    pub async fn sessions(&mut self, id: EventId) -> CoreResult<Vec<Session>> {
        self.access(id).await?;
        Ok(event::sessions(&mut self.conn, id).await?)
    }

    /// Participants of an event, with what the viewer may see of each: organisers see
    /// everything; the event's participants see the active participants with names;
    /// everyone else sees the active participants' organisations only.
    pub async fn participants(&mut self, id: EventId) -> CoreResult<Vec<ParticipantView>> {
        let access = self.access(id).await?;
        Ok(participant::for_event(&mut self.conn, id)
            .await?
            .into_iter()
            .filter_map(|p| redact_participant(p, access))
            .collect())
    }

    /// What each registrant answered to the event's questions; organisers only.
    pub async fn registration_answers(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<(ParticipantId, Vec<koop_domain::settings::Answer>)>> {
        self.require_manage(id).await?;
        Ok(participant::answers_for_event(&mut self.conn, id).await?)
    }

    /// Participants per country.
    pub async fn participant_countries(&mut self, id: EventId) -> CoreResult<Vec<(String, i64)>> {
        self.access(id).await?;
        Ok(participant::countries(&mut self.conn, id).await?)
    }

    /// One participant, as [`Reader::participants`] shows them.
    pub async fn participant(&mut self, id: ParticipantId) -> CoreResult<ParticipantView> {
        let p = participant::get(&mut self.conn, id).await?;
        let access = self.access(p.event_id).await?;
        redact_participant(p, access).ok_or(CoreError::NotFound)
    }

    /// Published profiles of an event.
    pub async fn event_profiles(&mut self, id: EventId) -> CoreResult<Vec<Profile>> {
        self.access(id).await?;
        Ok(profile::for_event(&mut self.conn, id).await?)
    }

    /// Published profiles of an organisation the viewer may see.
    pub async fn org_profiles(&mut self, id: OrgId) -> CoreResult<Vec<Profile>> {
        self.org(id).await?;
        Ok(profile::for_org(&mut self.conn, id).await?)
    }

    /// Every profile a participant wrote, drafts and archived ones included: for the
    /// participant and the event's organisers.
    pub async fn profiles_of(&mut self, participant: ParticipantId) -> CoreResult<Vec<Profile>> {
        let event = participant::event_of(&mut self.conn, participant).await?;
        if !self.access(event).await?.sees_own(participant) {
            return Err(CoreError::Forbidden);
        }
        Ok(profile::of_participant(&mut self.conn, participant).await?)
    }

    /// A profile for editing, in any status: for those who may write it (its
    /// participant, the event's organisers, the agency's staff).
    pub async fn editable_profile(&mut self, id: ProfileId) -> CoreResult<Profile> {
        let (p, agency) = profile::get(&mut self.conn, id).await?;
        let may = match (p.event_id, p.participant_id) {
            (Some(event), Some(participant)) => self.access(event).await?.sees_own(participant),
            (Some(event), None) => self.access(event).await? == EventAccess::Manage,
            (None, _) => policy::may_change_agency_records(self.viewer, agency),
        };
        if may { Ok(p) } else { Err(CoreError::NotFound) }
    }

    /// A request's event, status, requester and receiver: for its two sides and the
    /// event's organisers.
    pub async fn request(
        &mut self,
        id: MeetingRequestId,
    ) -> CoreResult<(EventId, RequestStatus, ParticipantId, ParticipantId)> {
        let r = request::request_state(&mut self.conn, id).await?;
        let access = self.access(r.0).await?;
        if access.sees_own(r.2) || access.sees_own(r.3) {
            Ok(r)
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// The other side and status of every request a participant sent or received: for
    /// the participant and the event's organisers.
    pub async fn requests_of(
        &mut self,
        participant: ParticipantId,
    ) -> CoreResult<Vec<(ParticipantId, RequestStatus)>> {
        let event = participant::event_of(&mut self.conn, participant).await?;
        if !self.access(event).await?.sees_own(participant) {
            return Err(CoreError::Forbidden);
        }
        Ok(request::requests_of(&mut self.conn, participant).await?)
    }

    /// A participant's inbox: every request they sent or received, with the other side
    /// and the message, newest first. For the participant and the event's organisers.
    pub async fn inbox(
        &mut self,
        participant: ParticipantId,
    ) -> CoreResult<Vec<koop_db::request::RequestView>> {
        let event = participant::event_of(&mut self.conn, participant).await?;
        if !self.access(event).await?.sees_own(participant) {
            return Err(CoreError::Forbidden);
        }
        Ok(request::inbox(&mut self.conn, participant).await?)
    }

    /// A participant's ratings of their meetings: (meeting, score, comment).
    pub async fn ratings_of(
        &mut self,
        participant: ParticipantId,
    ) -> CoreResult<Vec<(MeetingId, i64, String)>> {
        let event = participant::event_of(&mut self.conn, participant).await?;
        if !self.access(event).await?.sees_own(participant) {
            return Err(CoreError::Forbidden);
        }
        Ok(meeting::ratings_of(&mut self.conn, participant).await?)
    }

    /// Accepted requests of an event that wait for a slot (organisers only).
    pub async fn accepted_requests(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<koop_db::request::OpenRequest>> {
        self.require_manage(id).await?;
        Ok(request::accepted_requests(&mut self.conn, id).await?)
    }

    /// Scheduled meetings of an event with session, start and participants (organisers only).
    pub async fn placed_meetings(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<koop_db::meeting::Placed>> {
        self.require_manage(id).await?;
        Ok(meeting::placed(&mut self.conn, id).await?)
    }

    /// Stored embeddings of the event's published profiles.
    pub async fn profile_embeddings(
        &mut self,
        id: EventId,
    ) -> CoreResult<Vec<koop_db::profile::StoredEmbedding>> {
        self.access(id).await?;
        Ok(profile::embeddings_for_event(&mut self.conn, id).await?)
    }

    /// An event's figures: requests and meetings by status, meetings per participant,
    /// by country and by sector (organisers only).
    pub async fn event_figures(&mut self, id: EventId) -> CoreResult<koop_db::stats::EventFigures> {
        self.require_manage(id).await?;
        Ok(koop_db::stats::event_figures(&mut self.conn, id).await?)
    }

    /// Request counts per status at an event (organisers only).
    pub async fn request_counts(&mut self, id: EventId) -> CoreResult<Vec<(String, i64)>> {
        self.require_manage(id).await?;
        Ok(request::request_counts(&mut self.conn, id).await?)
    }

    /// The number of meetings at an event that hold a slot: a figure the public may see.
    pub async fn meeting_count(&mut self, id: EventId) -> CoreResult<usize> {
        self.access(id).await?;
        Ok(meeting::placed(&mut self.conn, id).await?.len())
    }

    /// A meeting's event and status: for its participants and the event's organisers.
    pub async fn meeting_state(&mut self, id: MeetingId) -> CoreResult<(EventId, MeetingStatus)> {
        let m = meeting::meeting_state(&mut self.conn, id).await?;
        let access = self.access(m.0).await?;
        let seen = match access {
            EventAccess::Manage => true,
            EventAccess::Attend(p) => meeting::participants_of(&mut self.conn, id)
                .await?
                .contains(&p),
            EventAccess::Public => false,
        };
        if seen {
            Ok(m)
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// Meetings of an event: organisers see all (or one participant's); a participant
    /// sees their own only, whatever they ask for; others see none.
    pub async fn meetings(
        &mut self,
        id: EventId,
        participant: Option<ParticipantId>,
    ) -> CoreResult<Vec<MeetingView>> {
        let whose = match self.access(id).await? {
            EventAccess::Manage => participant,
            // Participants see the schedule once the organisers publish it (or at once
            // where they pick the times themselves).
            EventAccess::Attend(_) if !event::get(&mut self.conn, id).await?.agenda_visible() => {
                return Ok(vec![]);
            }
            EventAccess::Attend(me) => Some(me),
            EventAccess::Public => return Err(CoreError::Forbidden),
        };
        Ok(meeting::meetings(&mut self.conn, id, whose).await?)
    }

    /// Company-visit offers of an event.
    pub async fn visits(&mut self, id: EventId) -> CoreResult<Vec<VisitView>> {
        self.access(id).await?;
        Ok(visit::visits(&mut self.conn, id).await?)
    }

    /// A participant's visit bookings and wishes: (booking, offer, status, rank); for
    /// the participant and the event's organisers.
    pub async fn visit_bookings_of(
        &mut self,
        event: EventId,
        participant: ParticipantId,
    ) -> CoreResult<
        Vec<(
            koop_domain::ids::VisitBookingId,
            koop_domain::ids::VisitOfferId,
            koop_domain::visit::BookingStatus,
            Option<i64>,
        )>,
    > {
        self.require_own(event, participant).await?;
        Ok(visit::bookings_of(&mut self.conn, event, participant).await?)
    }

    /// How many open wishes each visit has; organisers only.
    pub async fn visit_wish_counts(
        &mut self,
        event: EventId,
    ) -> CoreResult<std::collections::HashMap<koop_domain::ids::VisitOfferId, usize>> {
        self.require_manage(event).await?;
        let mut out = std::collections::HashMap::new();
        for (_, _, offer, _) in visit::wishes(&mut self.conn, event).await? {
            *out.entry(offer).or_insert(0) += 1;
        }
        Ok(out)
    }

    /// The event of a visit offer.
    pub async fn visit_event(&mut self, offer: VisitOfferId) -> CoreResult<EventId> {
        let (event, _, _) = visit::visit_load(&mut self.conn, offer).await?;
        self.access(event).await?;
        Ok(event)
    }

    /// The newest audit entries the viewer may read (staff: their agency; admins: all).
    pub async fn audit(&mut self, limit: i64) -> CoreResult<Vec<AuditEntry>> {
        let agency = policy::audit_scope(self.viewer).ok_or(CoreError::Forbidden)?;
        Ok(audit::recent(&mut self.conn, agency, limit).await?)
    }

    /// The number of audit entries (for tests).
    pub async fn audit_count(&mut self) -> CoreResult<i64> {
        Ok(audit::count(&mut self.conn).await?)
    }
}

/// What `access` may see of one participant; `None` when they may not see the row.
fn redact_participant(mut p: ParticipantView, access: EventAccess) -> Option<ParticipantView> {
    if access == EventAccess::Manage {
        return Some(p);
    }
    let own = access.sees_own(p.id);
    if !own && !p.status.is_some_and(|s| s.is_active()) {
        return None;
    }
    if !own {
        p.status = None;
        p.person_id = None;
    }
    if !access.sees_names() {
        p.person_name = None;
    }
    Some(p)
}

/// Leaves out the parties' contributions unless `viewer` may change the agreement.
fn redact_contributions(
    viewer: Viewer,
    (mut agreement, mut parties): (Agreement, Vec<PartyView>),
) -> (Agreement, Vec<PartyView>) {
    if !policy::may_change_agency_records(viewer, agreement.agency_id) {
        for p in agreement.data.parties.iter_mut() {
            p.contribution_eur = None;
            p.contribution_note.clear();
        }
        for p in parties.iter_mut() {
            p.party.contribution_eur = None;
            p.party.contribution_note.clear();
        }
    }
    (agreement, parties)
}
