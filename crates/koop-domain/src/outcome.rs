//! Outcomes: what came of a contact, meeting or activity, attributed to whatever made it happen.

use crate::DomainError;
use crate::ids::{
    ActivityId, AgencyId, AgreementId, EventId, InstrumentId, InvestorProjectId, MeetingId, OrgId,
    OutcomeId, PartnerCityId,
};
use crate::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// The steps of the chain contact → meeting → follow-up → agreement → effect.
    OutcomeKind, "kind" {
        /// A contact was established.
        ContactEstablished = "contact_established",
        /// A follow-up meeting took place.
        FollowUpMeeting = "follow_up_meeting",
        /// Negotiations started.
        Negotiation = "negotiation",
        /// A cooperation project started.
        CooperationProject = "cooperation_project",
        /// A letter of intent was signed.
        LetterOfIntent = "loi",
        /// A memorandum of understanding was signed.
        Mou = "mou",
        /// A contract was signed.
        Contract = "contract",
        /// A sale was made (value in EUR).
        Sale = "sale",
        /// A company settled (value: number of settlements).
        Settlement = "settlement",
        /// Jobs were created (value: number of jobs).
        Jobs = "jobs",
        /// An investment was made (value in EUR).
        Investment = "investment",
        /// EU funding was acquired (value in EUR).
        EuFunding = "eu_funding",
    }
);

impl OutcomeKind {
    /// The unit a value of this kind is measured in, if it has one.
    pub fn unit(self) -> Option<&'static str> {
        match self {
            Self::Sale | Self::Investment | Self::EuFunding => Some("EUR"),
            Self::Jobs => Some("jobs"),
            Self::Settlement => Some("companies"),
            _ => None,
        }
    }
}

/// What an outcome is attributed to; any combination may be set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The meeting that led to it.
    pub meeting_id: Option<MeetingId>,
    /// The event.
    pub event_id: Option<EventId>,
    /// The activity.
    pub activity_id: Option<ActivityId>,
    /// The agreement it was achieved under.
    pub agreement_id: Option<AgreementId>,
    /// The partner-city relation.
    pub partner_city_id: Option<PartnerCityId>,
    /// The instrument.
    pub instrument_id: Option<InstrumentId>,
    /// The network that brokered it.
    pub network_id: Option<OrgId>,
    /// The cluster that brokered it.
    pub cluster_id: Option<OrgId>,
    /// The investor or settlement project it came from.
    pub investor_project_id: Option<InvestorProjectId>,
}

/// An outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Id.
    pub id: OutcomeId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: OutcomeData,
}

/// The editable fields of an outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeData {
    /// Kind.
    pub kind: OutcomeKind,
    /// What happened, in words.
    pub title: String,
    /// When.
    pub achieved_on: NaiveDate,
    /// Value in the kind's unit.
    pub value: Option<f64>,
    /// The organisations that achieved it.
    pub org_ids: Vec<OrgId>,
    /// What it is attributed to.
    pub attribution: Attribution,
}

impl OutcomeData {
    /// Checks the value is non-negative and only given where the kind has a unit.
    pub fn check(&self) -> Result<(), DomainError> {
        match (self.value, self.kind.unit()) {
            (Some(v), _) if v < 0.0 || v.is_nan() => Err(DomainError::new(
                "value",
                "negative_value",
                format!("value must be zero or more, not {v}"),
            )),
            (Some(_), None) => Err(DomainError::new(
                "value",
                "no_unit",
                format!("an outcome of kind {} has no value", self.kind),
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_need_a_unit_and_a_sign() {
        let mut o = OutcomeData {
            kind: OutcomeKind::Jobs,
            title: "Neue Arbeitsplätze".into(),
            achieved_on: NaiveDate::from_ymd_opt(2019, 6, 1).unwrap(),
            value: Some(12.0),
            org_ids: vec![],
            attribution: Attribution::default(),
        };
        assert!(o.check().is_ok());
        o.value = Some(-1.0);
        assert_eq!(o.check().unwrap_err().code, "negative_value");
        o.kind = OutcomeKind::Mou;
        o.value = Some(1.0);
        assert_eq!(o.check().unwrap_err().code, "no_unit");
    }
}
