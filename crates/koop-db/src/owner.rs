//! Whose a record is: the owning agency of a record by kind and id, and the event of an
//! event's child. Operations compare these with the tenant their rights check used, so
//! an id of another tenant or event cannot slip into a write.

use crate::{Conn, DbResult};
use koop_domain::ids::{AgencyId, EventId, OrgId};

/// Kinds of records that belong to an agency directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owned {
    /// `organisation`.
    Organisation,
    /// `person`.
    Person,
    /// `agreement`.
    Agreement,
    /// `partner_city`.
    PartnerCity,
    /// `activity`.
    Activity,
    /// `outcome`.
    Outcome,
    /// `event`.
    Event,
    /// `instrument`.
    Instrument,
    /// `funding_call`.
    FundingCall,
    /// `project_idea`.
    ProjectIdea,
    /// `investor_project`.
    InvestorProject,
}

impl Owned {
    /// The kind by the name audit entries and grants use.
    pub fn parse(kind: &str) -> Option<Owned> {
        Some(match kind {
            "organisation" => Owned::Organisation,
            "person" => Owned::Person,
            "agreement" => Owned::Agreement,
            "partner_city" => Owned::PartnerCity,
            "activity" => Owned::Activity,
            "outcome" => Owned::Outcome,
            "event" => Owned::Event,
            "instrument" => Owned::Instrument,
            "funding_call" => Owned::FundingCall,
            "project_idea" => Owned::ProjectIdea,
            "investor_project" => Owned::InvestorProject,
            _ => return None,
        })
    }

    fn query(self) -> &'static str {
        match self {
            Owned::Organisation => "SELECT agency_id FROM organisation WHERE id = $1",
            Owned::Person => "SELECT agency_id FROM person WHERE id = $1",
            Owned::Agreement => "SELECT agency_id FROM agreement WHERE id = $1",
            Owned::PartnerCity => "SELECT agency_id FROM partner_city WHERE id = $1",
            Owned::Activity => "SELECT agency_id FROM activity WHERE id = $1",
            Owned::Outcome => "SELECT agency_id FROM outcome WHERE id = $1",
            Owned::Event => "SELECT agency_id FROM event WHERE id = $1",
            Owned::Instrument => "SELECT agency_id FROM instrument WHERE id = $1",
            Owned::FundingCall => "SELECT agency_id FROM funding_call WHERE id = $1",
            Owned::ProjectIdea => "SELECT agency_id FROM project_idea WHERE id = $1",
            Owned::InvestorProject => "SELECT agency_id FROM investor_project WHERE id = $1",
        }
    }
}

/// The agency that owns record `id` of `kind`.
pub async fn agency_of(conn: &mut Conn, kind: Owned, id: i64) -> DbResult<AgencyId> {
    let a: i64 = sqlx::query_scalar(kind.query())
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(AgencyId(a))
}

/// The agency of a person and the organisation they work for.
pub async fn person(conn: &mut Conn, id: i64) -> DbResult<(AgencyId, Option<OrgId>)> {
    let (a, o): (i64, Option<i64>) =
        sqlx::query_as("SELECT agency_id, org_id FROM person WHERE id = $1")
            .bind(id)
            .fetch_one(conn)
            .await?;
    Ok((AgencyId(a), o.map(OrgId)))
}

/// Children of an event, by the table that holds their `event_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventChild {
    /// `venue`.
    Venue,
    /// `event_session`.
    Session,
    /// `participant`.
    Participant,
    /// `meeting_request`.
    Request,
    /// `meeting`.
    Meeting,
    /// `visit_offer`.
    VisitOffer,
    /// `visit_booking`.
    VisitBooking,
}

impl EventChild {
    fn query(self) -> &'static str {
        match self {
            EventChild::Venue => "SELECT event_id FROM venue WHERE id = $1",
            EventChild::Session => "SELECT event_id FROM event_session WHERE id = $1",
            EventChild::Participant => "SELECT event_id FROM participant WHERE id = $1",
            EventChild::Request => "SELECT event_id FROM meeting_request WHERE id = $1",
            EventChild::Meeting => "SELECT event_id FROM meeting WHERE id = $1",
            EventChild::VisitOffer => "SELECT event_id FROM visit_offer WHERE id = $1",
            EventChild::VisitBooking => {
                "SELECT v.event_id FROM visit_booking b JOIN visit_offer v ON v.id = b.offer_id WHERE b.id = $1"
            }
        }
    }
}

/// The event that record `id` of `kind` belongs to.
pub async fn event_of(conn: &mut Conn, kind: EventChild, id: i64) -> DbResult<EventId> {
    let e: i64 = sqlx::query_scalar(kind.query())
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(EventId(e))
}
