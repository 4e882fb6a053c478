//! People: contacts at organisations, with their consent to be contacted.

use crate::DomainError;
use crate::ids::{AgencyId, OrgId, PersonId};
use crate::text_enum;
use crate::values::LanguageCode;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Whether a person agreed that koop keeps and uses their contact data.
    Consent, "consent" {
        /// Not asked yet: data may be kept for the running event only.
        Unknown = "unknown",
        /// Agreed.
        Given = "given",
        /// Refused or withdrawn: the person must not be contacted.
        Withdrawn = "withdrawn",
    }
);

impl Consent {
    /// Moves to `Given`; allowed from any state, a person may change their mind.
    pub fn give(self) -> Consent {
        Consent::Given
    }

    /// Withdraws consent; refused if it was never given.
    pub fn withdraw(self) -> Result<Consent, DomainError> {
        match self {
            Consent::Given => Ok(Consent::Withdrawn),
            other => Err(DomainError::illegal_transition(
                "consent",
                other.as_str(),
                "withdrawn",
            )),
        }
    }

    /// Whether the person may be contacted (mail, recommendations to others).
    pub fn may_contact(self) -> bool {
        self == Consent::Given
    }
}

/// A person, with the organisation they belong to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Id.
    pub id: PersonId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// The organisation they work for.
    pub org_id: Option<OrgId>,
    /// Editable fields.
    #[serde(flatten)]
    pub data: PersonData,
}

/// The editable fields of a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonData {
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Job title or function.
    pub function: String,
    /// E-mail, lower-cased.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Languages they speak.
    pub languages: Vec<LanguageCode>,
    /// Consent state.
    pub consent: Consent,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_can_only_be_withdrawn_once_given() {
        assert!(Consent::Unknown.withdraw().is_err());
        assert_eq!(Consent::Given.withdraw().unwrap(), Consent::Withdrawn);
        assert!(Consent::Withdrawn.withdraw().is_err());
        assert!(Consent::Withdrawn.give().may_contact());
        assert!(!Consent::Unknown.may_contact());
    }
}
