//! A city's international work: partner cities, instruments and goals.

use crate::DomainError;
use crate::ids::{AgencyId, GoalId, InstrumentId, OrgId, PartnerCityId};
use crate::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A partnership between a municipality and a partner city or region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerCity {
    /// Id.
    pub id: PartnerCityId,
    /// Owning agency (the city's international office).
    pub agency_id: AgencyId,
    /// The home municipality.
    pub home_id: OrgId,
    /// The partner municipality or region.
    pub partner_id: OrgId,
    /// Partners since.
    pub since: Option<NaiveDate>,
    /// Notes on the relation.
    pub note: String,
}

/// Checks a partner-city relation joins two different municipalities.
pub fn check_partner_city(home: OrgId, partner: OrgId) -> Result<(), DomainError> {
    if home == partner {
        return Err(DomainError::new(
            "partner",
            "self_partnership",
            "a city cannot be its own partner city",
        ));
    }
    Ok(())
}

/// An instrument of international work. Agencies configure their own; the demo uses
/// town twinning, inter-municipal partnerships and targeted location marketing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    /// Id.
    pub id: InstrumentId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Name, e.g. "Städtepartnerschaft".
    pub name: String,
    /// What it is for.
    pub description: String,
}

text_enum!(
    /// The kinds of goal a city or agency pursues with its instruments.
    GoalKind, "kind" {
        /// Settlements of companies.
        Settlement = "settlement",
        /// Jobs created.
        Jobs = "jobs",
        /// EU funding acquired.
        EuFunding = "eu_funding",
        /// Exports and sales.
        Exports = "exports",
        /// Skilled workers and apprentices.
        SkilledWorkers = "skilled_workers",
        /// Research cooperation.
        Research = "research",
        /// Visibility of the location.
        Visibility = "visibility",
    }
);

/// A goal of an agency, optionally tied to an instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Id.
    pub id: GoalId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Kind.
    pub kind: GoalKind,
    /// The instrument that serves it, if any.
    pub instrument_id: Option<InstrumentId>,
    /// The goal in words.
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_is_not_its_own_partner() {
        assert!(check_partner_city(OrgId(1), OrgId(1)).is_err());
        assert!(check_partner_city(OrgId(1), OrgId(2)).is_ok());
    }
}
