//! Funding calls (EU programmes, INTERREG, state programmes) and the consortium an
//! agency builds for one, from preparation to submission and result.

use crate::DomainError;
use crate::ids::{AgencyId, FundingCallId, OrgId};
use crate::text_enum;
use crate::values::{CountryCode, optional_text, required_text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Where a consortium's application stands.
    CallStatus, "status" {
        /// The consortium is being built.
        Preparing = "preparing",
        /// The application was submitted.
        Submitted = "submitted",
        /// The project was granted.
        Won = "won",
        /// It was not.
        Lost = "lost",
    }
);

/// The editable fields of a call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallData {
    /// Title ("Interreg Central Europe: …").
    pub title: String,
    /// The programme ("Horizon Europe", "Interreg Central Europe", a state programme).
    pub programme: String,
    /// The topic's code where the programme has one (`HORIZON-CL5-2025-D3-01`), else empty.
    pub topic_code: String,
    /// What the topic asks for, in the call's words.
    pub topic_text: String,
    /// The submission deadline.
    pub deadline: Option<NaiveDate>,
    /// Countries whose organisations may take part; empty for any.
    pub eligible_countries: Vec<CountryCode>,
}

impl CallData {
    /// Checks the texts' lengths.
    pub fn check(&self) -> Result<(), DomainError> {
        required_text("title", &self.title, 300)?;
        optional_text("programme", &self.programme, 200)?;
        optional_text("topic_code", &self.topic_code, 100)?;
        required_text("topic_text", &self.topic_text, 10_000)?;
        Ok(())
    }

    /// Whether an organisation from `country` may take part.
    pub fn admits(&self, country: &CountryCode) -> bool {
        self.eligible_countries.is_empty() || self.eligible_countries.contains(country)
    }
}

/// A call with its consortium.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingCall {
    /// Id.
    pub id: FundingCallId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: CallData,
    /// Where the application stands.
    pub status: CallStatus,
    /// The consortium: each member with its role ("Koordinator", "Partner").
    pub members: Vec<(OrgId, String)>,
    /// The granted funding, once won.
    pub funding_eur: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_without_eligible_countries_admits_everyone() {
        let mut d = CallData {
            title: "Interreg".into(),
            programme: String::new(),
            topic_code: String::new(),
            topic_text: "Klebtechnik".into(),
            deadline: None,
            eligible_countries: vec![],
        };
        let de = CountryCode::parse("DE").unwrap();
        assert!(d.admits(&de));
        d.eligible_countries = vec![CountryCode::parse("PL").unwrap()];
        assert!(!d.admits(&de));
        d.topic_text.clear();
        assert_eq!(d.check().unwrap_err().field, "topic_text");
    }
}
