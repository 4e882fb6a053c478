//! The API's data shapes, with OpenAPI schemas. They are kept apart from the domain so
//! that the domain can change without breaking scripts that read the API.

use koop_core::domain::activity::Activity;
use koop_core::domain::agreement::Agreement;
use koop_core::domain::event::{Event, Session, Venue};
use koop_core::domain::org::Organisation;
use koop_core::domain::outcome::Outcome;
use koop_core::views::{MembershipView, ParticipantView, PartnerCityView, PartyView};
use serde::Serialize;
use utoipa::ToSchema;

fn strings<T: ToString>(v: &[T]) -> Vec<String> {
    v.iter().map(ToString::to_string).collect()
}

/// An organisation.
#[derive(Serialize, ToSchema)]
pub struct OrgDto {
    pub id: i64,
    pub name: String,
    /// company, research_institute, university, development_agency, chamber, association, network, cluster, municipality, ministry, location_company, embassy, other
    pub kind: String,
    pub country: String,
    pub city: String,
    pub nace: Vec<String>,
    pub languages: Vec<String>,
    pub website: Option<String>,
    pub description: String,
    pub published: bool,
    /// Memberships (on detail and group lists).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub memberships: Vec<MemberDto>,
}

impl From<&Organisation> for OrgDto {
    fn from(o: &Organisation) -> Self {
        OrgDto {
            id: o.id.0,
            name: o.data.name.clone(),
            kind: o.data.kind.to_string(),
            country: o.data.country.to_string(),
            city: o.data.city.clone(),
            nace: strings(&o.data.nace),
            languages: strings(&o.data.languages),
            website: o.data.website.clone(),
            description: o.data.description.clone(),
            published: o.published,
            memberships: vec![],
        }
    }
}

/// A membership in a network or cluster.
#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    pub group_id: i64,
    pub group_name: String,
    pub member_id: i64,
    pub member_name: String,
    pub role: String,
    pub since: Option<String>,
}

impl From<&MembershipView> for MemberDto {
    fn from(m: &MembershipView) -> Self {
        MemberDto {
            group_id: m.group_id.0,
            group_name: m.group_name.clone(),
            member_id: m.member_id.0,
            member_name: m.member_name.clone(),
            role: m.role.to_string(),
            since: m.since.map(|d| d.to_string()),
        }
    }
}

/// A party of an agreement.
#[derive(Serialize, ToSchema)]
pub struct PartyDto {
    pub org_id: i64,
    pub name: String,
    pub contribution_eur: Option<f64>,
    pub contribution_note: String,
}

/// A cooperation agreement.
#[derive(Serialize, ToSchema)]
pub struct AgreementDto {
    pub id: i64,
    pub title: String,
    /// cooperation_agreement, loi, mou, contract
    pub kind: String,
    pub signed_on: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub scope: String,
    pub sectors: Vec<String>,
    pub parties: Vec<PartyDto>,
}

impl AgreementDto {
    pub fn new(a: &Agreement, parties: &[PartyView]) -> Self {
        AgreementDto {
            id: a.id.0,
            title: a.data.title.clone(),
            kind: a.data.kind.to_string(),
            signed_on: a.data.signed_on.map(|d| d.to_string()),
            valid_from: a.data.valid_from.map(|d| d.to_string()),
            valid_until: a.data.valid_until.map(|d| d.to_string()),
            scope: a.data.scope.clone(),
            sectors: strings(&a.data.sectors),
            parties: parties
                .iter()
                .map(|p| PartyDto {
                    org_id: p.party.org_id.0,
                    name: p.name.clone(),
                    contribution_eur: p.party.contribution_eur,
                    contribution_note: p.party.contribution_note.clone(),
                })
                .collect(),
        }
    }
}

/// A partner-city relation.
#[derive(Serialize, ToSchema)]
pub struct PartnerCityDto {
    pub id: i64,
    pub home_id: i64,
    pub home_name: String,
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_country: String,
    pub since: Option<String>,
}

impl From<&PartnerCityView> for PartnerCityDto {
    fn from(p: &PartnerCityView) -> Self {
        PartnerCityDto {
            id: p.relation.id.0,
            home_id: p.relation.home_id.0,
            home_name: p.home_name.clone(),
            partner_id: p.relation.partner_id.0,
            partner_name: p.partner_name.clone(),
            partner_country: p.partner_country.clone(),
            since: p.relation.since.map(|d| d.to_string()),
        }
    }
}

/// A venue or station.
#[derive(Serialize, ToSchema)]
pub struct VenueDto {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub city: String,
    pub time_zone: String,
}

impl From<&Venue> for VenueDto {
    fn from(v: &Venue) -> Self {
        VenueDto {
            id: v.id.0,
            name: v.name.clone(),
            address: v.address.clone(),
            city: v.city.clone(),
            time_zone: v.time_zone.clone(),
        }
    }
}

/// A session.
#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    pub id: i64,
    pub venue_id: Option<i64>,
    pub kind: String,
    pub title: String,
    /// Local time at the venue, ISO 8601.
    pub starts_at: String,
    pub ends_at: String,
    pub slot_minutes: Option<i64>,
    pub tables: Option<i64>,
}

impl From<&Session> for SessionDto {
    fn from(s: &Session) -> Self {
        SessionDto {
            id: s.id.0,
            venue_id: s.venue_id.map(|v| v.0),
            kind: s.data.kind.to_string(),
            title: s.data.title.clone(),
            starts_at: s.data.starts_at.to_string(),
            ends_at: s.data.ends_at.to_string(),
            slot_minutes: s.data.slot_minutes,
            tables: s.data.tables,
        }
    }
}

/// An event.
#[derive(Serialize, ToSchema)]
pub struct EventDto {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub start_on: String,
    pub end_on: String,
    pub organiser_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub venues: Vec<VenueDto>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SessionDto>,
}

impl EventDto {
    pub fn new(e: &Event, venues: Vec<VenueDto>, sessions: Vec<SessionDto>) -> Self {
        EventDto {
            id: e.id.0,
            kind: e.data.kind.to_string(),
            title: e.data.title.clone(),
            description: e.data.description.clone(),
            start_on: e.data.start_on.to_string(),
            end_on: e.data.end_on.to_string(),
            organiser_ids: e.data.organiser_ids.iter().map(|o| o.0).collect(),
            venues,
            sessions,
        }
    }
}

/// A participant.
#[derive(Serialize, ToSchema)]
pub struct ParticipantDto {
    pub id: i64,
    pub org_id: i64,
    pub organisation: String,
    pub country: String,
    /// For the event's organisers and participants only.
    pub person: Option<String>,
    pub role: String,
    /// For the event's organisers (and the participant themselves) only.
    pub status: Option<String>,
}

impl From<&ParticipantView> for ParticipantDto {
    fn from(p: &ParticipantView) -> Self {
        ParticipantDto {
            id: p.id.0,
            org_id: p.org_id.0,
            organisation: p.org_name.clone(),
            country: p.country.clone(),
            person: p.person_name.clone(),
            role: p.role.to_string(),
            status: p.status.map(|s| s.to_string()),
        }
    }
}

/// An activity.
#[derive(Serialize, ToSchema)]
pub struct ActivityDto {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub start_on: String,
    pub end_on: String,
    pub place: String,
    pub org_ids: Vec<i64>,
    pub agreement_ids: Vec<i64>,
    pub partner_city_id: Option<i64>,
    pub event_id: Option<i64>,
}

impl From<&Activity> for ActivityDto {
    fn from(a: &Activity) -> Self {
        let d = &a.data;
        ActivityDto {
            id: a.id.0,
            kind: d.kind.to_string(),
            title: d.title.clone(),
            start_on: d.start_on.to_string(),
            end_on: d.end_on.to_string(),
            place: d.place.clone(),
            org_ids: d.org_ids.iter().map(|o| o.0).collect(),
            agreement_ids: d.agreement_ids.iter().map(|o| o.0).collect(),
            partner_city_id: d.partner_city_id.map(|x| x.0),
            event_id: d.event_id.map(|x| x.0),
        }
    }
}

/// An outcome and what it is attributed to.
#[derive(Serialize, ToSchema)]
pub struct OutcomeDto {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub achieved_on: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub meeting_id: Option<i64>,
    pub event_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub agreement_id: Option<i64>,
    pub partner_city_id: Option<i64>,
    pub instrument_id: Option<i64>,
    pub network_id: Option<i64>,
    pub cluster_id: Option<i64>,
}

impl From<&Outcome> for OutcomeDto {
    fn from(o: &Outcome) -> Self {
        let a = &o.data.attribution;
        OutcomeDto {
            id: o.id.0,
            kind: o.data.kind.to_string(),
            title: o.data.title.clone(),
            achieved_on: o.data.achieved_on.to_string(),
            value: o.data.value,
            unit: o.data.kind.unit().map(str::to_owned),
            meeting_id: a.meeting_id.map(|x| x.0),
            event_id: a.event_id.map(|x| x.0),
            activity_id: a.activity_id.map(|x| x.0),
            agreement_id: a.agreement_id.map(|x| x.0),
            partner_city_id: a.partner_city_id.map(|x| x.0),
            instrument_id: a.instrument_id.map(|x| x.0),
            network_id: a.network_id.map(|x| x.0),
            cluster_id: a.cluster_id.map(|x| x.0),
        }
    }
}

/// An error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorDto {
    /// not_found, forbidden, invalid_input, conflict, internal
    pub error: String,
    pub problems: Vec<ProblemDto>,
}

/// One problem with one field (or line of a file).
#[derive(Serialize, ToSchema)]
pub struct ProblemDto {
    pub line: Option<usize>,
    pub field: String,
    pub code: String,
    pub message: String,
}
