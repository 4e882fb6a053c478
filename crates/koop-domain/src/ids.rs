//! Typed ids, so an organisation id can never be passed where an event id is expected.
//!
//! Ids are database-assigned 64-bit integers; the newtypes exist only for type safety.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// An agency: the tenant that owns records.
    AgencyId,
    /// A login account.
    AccountId,
    /// An organisation (company, institute, network, municipality, …).
    OrgId,
    /// A person (contact).
    PersonId,
    /// A membership of an organisation in a network or cluster.
    MembershipId,
    /// A declared complementarity between two clusters.
    ComplementId,
    /// A cooperation agreement (agreement, LoI, MoU, contract).
    AgreementId,
    /// A partner-city relation between two municipalities.
    PartnerCityId,
    /// An instrument of international work (town twinning, …).
    InstrumentId,
    /// A goal an agency pursues (settlements, jobs, EU funding, …).
    GoalId,
    /// An activity (trade-fair stand, conference, publication, …).
    ActivityId,
    /// An event (cooperation exchange, delegation trip, …).
    EventId,
    /// A venue of an event.
    VenueId,
    /// A session of an event.
    SessionId,
    /// A participant registration at an event.
    ParticipantId,
    /// A cooperation profile.
    ProfileId,
    /// A meeting request between participants.
    MeetingRequestId,
    /// A meeting (scheduled, held, …).
    MeetingId,
    /// A company-visit offer.
    VisitOfferId,
    /// A booking of a company visit by a participant.
    VisitBookingId,
    /// An outcome (contact, MoU, contract, jobs, …).
    OutcomeId,
    /// An audit entry.
    AuditId,
    /// A background job.
    JobId,
    /// An investor or settlement project in an agency's pipeline.
    InvestorProjectId,
    /// A funding call an agency builds a consortium for.
    FundingCallId,
    /// A cross-cluster project idea.
    ProjectIdeaId,
);
