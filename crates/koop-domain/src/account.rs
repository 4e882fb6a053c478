//! Accounts and roles.

use crate::ids::{AccountId, AgencyId, EventId, ParticipantId};
use crate::text_enum;
use serde::{Deserialize, Serialize};

text_enum!(
    /// What an account may do.
    Role, "role" {
        /// Runs the platform: sees every agency.
        PlatformAdmin = "platform_admin",
        /// Works for an agency: sees and changes that agency's records.
        AgencyStaff = "agency_staff",
        /// Organises events of an agency.
        EventOrganiser = "event_organiser",
        /// Takes part in an event: sees their agenda, profile and recommendations.
        Participant = "participant",
    }
);

/// A login account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// Id.
    pub id: AccountId,
    /// Login e-mail.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The agency the account works for (none for platform admins).
    pub agency_id: Option<AgencyId>,
    /// For participants: their registration.
    pub participant_id: Option<ParticipantId>,
    /// For organisers: the event they organise, if restricted to one.
    pub event_id: Option<EventId>,
    /// Preferred UI language (`de` or `en`).
    pub ui_language: String,
}

/// Whose data a request may see. Every query in koop-db takes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Not logged in: published records only.
    Anonymous,
    /// Staff, organisers and participants of an agency: its own records, records granted
    /// to it, and published records.
    Agency(AgencyId),
    /// A platform admin: everything.
    Platform,
}

impl Viewer {
    /// The viewer for an account.
    pub fn for_account(account: &Account) -> Viewer {
        match (account.role, account.agency_id) {
            (Role::PlatformAdmin, _) => Viewer::Platform,
            (_, Some(agency)) => Viewer::Agency(agency),
            (_, None) => Viewer::Anonymous,
        }
    }

    /// Whether this viewer may change records of `agency`.
    pub fn may_write(self, agency: AgencyId) -> bool {
        match self {
            Viewer::Platform => true,
            Viewer::Agency(a) => a == agency,
            Viewer::Anonymous => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_write_only_their_own_agency() {
        let v = Viewer::Agency(AgencyId(1));
        assert!(v.may_write(AgencyId(1)));
        assert!(!v.may_write(AgencyId(2)));
        assert!(Viewer::Platform.may_write(AgencyId(2)));
        assert!(!Viewer::Anonymous.may_write(AgencyId(1)));
    }
}
