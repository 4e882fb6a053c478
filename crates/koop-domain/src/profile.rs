//! Cooperation profiles: what a participant offers or seeks (EEN profile types).

use crate::DomainError;
use crate::ids::{EventId, OrgId, ParticipantId, ProfileId};
use crate::text_enum;
use crate::values::{CountryCode, LanguageCode, NaceCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// The Enterprise Europe Network profile types, plus investment interest.
    ProfileKind, "kind" {
        /// Business offer.
        BusinessOffer = "BO",
        /// Business request.
        BusinessRequest = "BR",
        /// Technology offer.
        TechnologyOffer = "TO",
        /// Technology request.
        TechnologyRequest = "TR",
        /// Research & development request (partners for a project).
        ResearchRequest = "RDR",
        /// Investment or settlement interest (an agency's client).
        Investment = "INV",
    }
);

impl ProfileKind {
    /// Whether a profile of this kind offers something.
    pub fn is_offer(self) -> bool {
        matches!(self, Self::BusinessOffer | Self::TechnologyOffer)
    }

    /// The kind that complements this one: a business offer meets a business request, …
    pub fn complement(self) -> Option<ProfileKind> {
        match self {
            Self::BusinessOffer => Some(Self::BusinessRequest),
            Self::BusinessRequest => Some(Self::BusinessOffer),
            Self::TechnologyOffer => Some(Self::TechnologyRequest),
            Self::TechnologyRequest => Some(Self::TechnologyOffer),
            Self::ResearchRequest => Some(Self::ResearchRequest),
            Self::Investment => None,
        }
    }
}

text_enum!(
    /// Whether the profile can be seen by others.
    ProfileStatus, "status" {
        /// Being written.
        Draft = "draft",
        /// Visible to the event's participants.
        Published = "published",
        /// No longer shown.
        Archived = "archived",
    }
);

impl ProfileStatus {
    /// Publishes a draft (or re-publishes an archived profile).
    pub fn publish(self) -> Result<Self, DomainError> {
        match self {
            Self::Draft | Self::Archived => Ok(Self::Published),
            s => Err(DomainError::illegal_transition(
                "profile",
                s.as_str(),
                "published",
            )),
        }
    }

    /// Archives a profile.
    pub fn archive(self) -> Result<Self, DomainError> {
        match self {
            Self::Published | Self::Draft => Ok(Self::Archived),
            s => Err(DomainError::illegal_transition(
                "profile",
                s.as_str(),
                "archived",
            )),
        }
    }
}

/// A cooperation profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Id.
    pub id: ProfileId,
    /// The organisation it describes.
    pub org_id: OrgId,
    /// The event it was written for, if any.
    pub event_id: Option<EventId>,
    /// The participant who owns it at that event.
    pub participant_id: Option<ParticipantId>,
    /// Status.
    pub status: ProfileStatus,
    /// Editable fields.
    #[serde(flatten)]
    pub data: ProfileData,
}

/// The editable fields of a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileData {
    /// Kind.
    pub kind: ProfileKind,
    /// Title.
    pub title: String,
    /// One-paragraph summary.
    pub summary: String,
    /// Full description.
    pub description: String,
    /// The language the profile is written in.
    pub language: LanguageCode,
    /// Sectors.
    pub nace: Vec<NaceCode>,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Countries where partners are sought (empty = anywhere).
    pub countries_sought: Vec<CountryCode>,
    /// Languages the author can meet in.
    pub languages: Vec<LanguageCode>,
    /// Until when the profile is valid.
    pub deadline: Option<NaiveDate>,
}

impl ProfileData {
    /// Checks title and summary lengths.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::required_text("title", &self.title, 200)?;
        crate::values::required_text("summary", &self.summary, 2000)?;
        crate::values::optional_text("description", &self.description, 10_000)?;
        if self.keywords.len() > 30 {
            return Err(DomainError::new(
                "keywords",
                "too_many",
                format!("{} keywords; at most 30", self.keywords.len()),
            )
            .with("max", 30));
        }
        for k in &self.keywords {
            crate::values::optional_text("keywords", k, 60)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_and_requests_complement_each_other() {
        for k in ProfileKind::ALL {
            if let Some(c) = k.complement() {
                assert_eq!(c.complement(), Some(*k));
            }
        }
        assert!(ProfileKind::TechnologyOffer.is_offer());
        assert_eq!(
            ProfileKind::parse("TR").unwrap(),
            ProfileKind::TechnologyRequest
        );
        assert_eq!(ProfileKind::parse("XX").unwrap_err().field, "kind");
    }

    #[test]
    fn archived_profiles_can_be_republished() {
        let p = ProfileStatus::Draft.publish().unwrap();
        assert!(p.publish().is_err());
        assert_eq!(
            p.archive().unwrap().publish().unwrap(),
            ProfileStatus::Published
        );
    }
}
