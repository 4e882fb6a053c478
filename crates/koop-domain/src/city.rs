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

text_enum!(
    /// A milestone of a partner-city relation.
    RelationEventKind, "kind" {
        /// The partnership agreement was signed.
        Agreed = "agreed",
        /// It was renewed or confirmed.
        Renewed = "renewed",
        /// It was extended to new fields (a work programme, a new topic).
        Extended = "extended",
        /// It went dormant.
        Paused = "paused",
        /// It came alive again.
        Resumed = "resumed",
        /// It ended.
        Ended = "ended",
    }
);

text_enum!(
    /// Where a partner-city relation stands, after its latest milestone.
    RelationStatus, "status" {
        /// Alive.
        Active = "active",
        /// Dormant.
        Paused = "paused",
        /// Over.
        Ended = "ended",
    }
);

/// A dated milestone of a partner-city relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationEvent {
    /// When.
    pub on: NaiveDate,
    /// What happened.
    pub kind: RelationEventKind,
    /// In words ("Arbeitsprogramm Umwelttechnik 2010–2012 unterzeichnet").
    pub note: String,
}

impl RelationEvent {
    /// Checks the note's length.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::optional_text("note", &self.note, 2_000)?;
        Ok(())
    }
}

/// Where a relation stands after `events` (in any order): the latest milestone that
/// changes it decides; one without any is active.
pub fn relation_status(events: &[RelationEvent]) -> RelationStatus {
    let mut dated: Vec<&RelationEvent> = events.iter().collect();
    dated.sort_by_key(|e| e.on);
    dated
        .iter()
        .rev()
        .find_map(|e| match e.kind {
            RelationEventKind::Paused => Some(RelationStatus::Paused),
            RelationEventKind::Ended => Some(RelationStatus::Ended),
            RelationEventKind::Resumed | RelationEventKind::Renewed | RelationEventKind::Agreed => {
                Some(RelationStatus::Active)
            }
            RelationEventKind::Extended => None,
        })
        .unwrap_or(RelationStatus::Active)
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
    fn the_latest_milestone_that_changes_a_relation_decides_where_it_stands() {
        let e = |y, kind| RelationEvent {
            on: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
            kind,
            note: String::new(),
        };
        assert_eq!(relation_status(&[]), RelationStatus::Active);
        let history = vec![
            e(2015, RelationEventKind::Paused),
            e(2008, RelationEventKind::Agreed),
            e(2016, RelationEventKind::Extended),
        ];
        assert_eq!(relation_status(&history), RelationStatus::Paused);
        let mut again = history.clone();
        again.push(e(2019, RelationEventKind::Resumed));
        assert_eq!(relation_status(&again), RelationStatus::Active);
        again.push(e(2024, RelationEventKind::Ended));
        assert_eq!(relation_status(&again), RelationStatus::Ended);
    }

    #[test]
    fn a_city_is_not_its_own_partner() {
        assert!(check_partner_city(OrgId(1), OrgId(1)).is_err());
        assert!(check_partner_city(OrgId(1), OrgId(2)).is_ok());
    }
}
