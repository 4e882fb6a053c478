//! Cooperation agreements: two or more parties, a kind, dates, scope and contributions.

use crate::DomainError;
use crate::ids::{AgencyId, AgreementId, OrgId};
use crate::text_enum;
use crate::values::NaceCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// The legal weight of an agreement, from loose to binding.
    AgreementKind, "kind" {
        /// A cooperation agreement between an agency and a network.
        Cooperation = "cooperation_agreement",
        /// Letter of intent.
        LetterOfIntent = "loi",
        /// Memorandum of understanding.
        Mou = "mou",
        /// A contract.
        Contract = "contract",
    }
);

/// One party of an agreement and what it contributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementParty {
    /// The party.
    pub org_id: OrgId,
    /// What the party contributes, in EUR per year, if stated.
    pub contribution_eur: Option<f64>,
    /// What it contributes in words (staff, stand space, …).
    pub contribution_note: String,
}

/// An agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Id.
    pub id: AgreementId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: AgreementData,
    /// Whether anonymous visitors may see it.
    pub published: bool,
}

/// The editable fields of an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementData {
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: AgreementKind,
    /// Date of signature.
    pub signed_on: Option<NaiveDate>,
    /// Valid from.
    pub valid_from: Option<NaiveDate>,
    /// Valid until (open-ended when empty).
    pub valid_until: Option<NaiveDate>,
    /// Scope in words.
    pub scope: String,
    /// Sectors it covers.
    pub sectors: Vec<NaceCode>,
    /// The parties, at least two.
    pub parties: Vec<AgreementParty>,
}

impl AgreementData {
    /// Checks the rules: two or more distinct parties, non-negative contributions,
    /// and a validity period that does not end before it starts.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::optional_text("scope", &self.scope, 10_000)?;
        for p in &self.parties {
            crate::values::optional_text("contribution_note", &p.contribution_note, 1_000)?;
        }
        if self.parties.len() < 2 {
            return Err(DomainError::new(
                "parties",
                "too_few_parties",
                format!(
                    "an agreement needs at least two parties, this one has {}",
                    self.parties.len()
                ),
            ));
        }
        let mut ids: Vec<_> = self.parties.iter().map(|p| p.org_id).collect();
        ids.sort();
        ids.dedup();
        if ids.len() != self.parties.len() {
            return Err(DomainError::new(
                "parties",
                "duplicate_party",
                "the same organisation is listed twice as a party",
            ));
        }
        if let Some(bad) = self
            .parties
            .iter()
            .find(|p| p.contribution_eur.is_some_and(|c| c < 0.0 || c.is_nan()))
        {
            return Err(DomainError::new(
                "contribution_eur",
                "negative_contribution",
                format!(
                    "the contribution of party {} must be zero or more",
                    bad.org_id
                ),
            ));
        }
        if let (Some(from), Some(until)) = (self.valid_from, self.valid_until)
            && until < from
        {
            return Err(DomainError::new(
                "valid_until",
                "ends_before_start",
                format!("valid until {until} is before valid from {from}"),
            ));
        }
        Ok(())
    }

    /// Whether the agreement is in force on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_until.is_none_or(|u| day <= u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(id: i64) -> AgreementParty {
        AgreementParty {
            org_id: OrgId(id),
            contribution_eur: Some(1000.0),
            contribution_note: String::new(),
        }
    }

    fn agreement(parties: Vec<AgreementParty>) -> AgreementData {
        AgreementData {
            title: "Kooperationsvereinbarung".into(),
            kind: AgreementKind::Cooperation,
            signed_on: None,
            valid_from: NaiveDate::from_ymd_opt(2004, 1, 1),
            valid_until: None,
            scope: String::new(),
            sectors: vec![],
            parties,
        }
    }

    #[test]
    fn an_agreement_needs_two_distinct_parties() {
        assert_eq!(
            agreement(vec![party(1)]).check().unwrap_err().code,
            "too_few_parties"
        );
        assert_eq!(
            agreement(vec![party(1), party(1)])
                .check()
                .unwrap_err()
                .code,
            "duplicate_party"
        );
        assert!(agreement(vec![party(1), party(2)]).check().is_ok());
    }

    #[test]
    fn negative_contributions_and_inverted_periods_are_refused() {
        let mut a = agreement(vec![party(1), party(2)]);
        a.parties[1].contribution_eur = Some(-5.0);
        assert_eq!(a.check().unwrap_err().field, "contribution_eur");
        let mut b = agreement(vec![party(1), party(2)]);
        b.valid_until = NaiveDate::from_ymd_opt(2003, 12, 31);
        assert_eq!(b.check().unwrap_err().code, "ends_before_start");
    }

    #[test]
    fn open_ended_agreements_stay_in_force() {
        let a = agreement(vec![party(1), party(2)]);
        assert!(a.in_force_on(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
        assert!(!a.in_force_on(NaiveDate::from_ymd_opt(2003, 1, 1).unwrap()));
    }
}
