//! Activities of agencies and networks: stands, conferences, publications, visits.

use crate::DomainError;
use crate::ids::{ActivityId, AgencyId, AgreementId, EventId, InstrumentId, OrgId, PartnerCityId};
use crate::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// What kind of activity this was.
    ActivityKind, "kind" {
        /// A presentation of the location.
        LocationPresentation = "location_presentation",
        /// A (joint) stand at a trade fair.
        TradeFairStand = "trade_fair_stand",
        /// A conference or a talk at one.
        Conference = "conference",
        /// An information event.
        InformationEvent = "information_event",
        /// A company visit.
        CompanyVisit = "company_visit",
        /// A publication in trade media.
        Publication = "publication",
        /// A delegation visit (incoming or outgoing).
        DelegationVisit = "delegation_visit",
        /// A contact brokered between two organisations.
        ContactBrokerage = "contact_brokerage",
        /// Anything else.
        Other = "other",
    }
);

/// An activity, tied to the agreements, instrument and partner city it serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Id.
    pub id: ActivityId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: ActivityData,
    /// Whether anonymous visitors may see it.
    pub published: bool,
}

/// The editable fields of an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityData {
    /// Kind.
    pub kind: ActivityKind,
    /// Title.
    pub title: String,
    /// First day.
    pub start_on: NaiveDate,
    /// Last day.
    pub end_on: NaiveDate,
    /// Place (city, venue).
    pub place: String,
    /// Description.
    pub description: String,
    /// Organisations involved (co-exhibitors, speakers, hosts).
    pub org_ids: Vec<OrgId>,
    /// The agreements it was carried out under.
    pub agreement_ids: Vec<AgreementId>,
    /// The instrument it belongs to.
    pub instrument_id: Option<InstrumentId>,
    /// The partner-city relation it belongs to.
    pub partner_city_id: Option<PartnerCityId>,
    /// The event it is part of.
    pub event_id: Option<EventId>,
}

impl ActivityData {
    /// Checks that the activity does not end before it starts.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::optional_text("place", &self.place, 200)?;
        crate::values::optional_text("description", &self.description, 10_000)?;
        if self.end_on < self.start_on {
            return Err(DomainError::new(
                "end_on",
                "ends_before_start",
                format!("end {} is before start {}", self.end_on, self.start_on),
            ));
        }
        Ok(())
    }
}
