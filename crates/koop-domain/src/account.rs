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

/// Whose data a request may see. Every query in koop-db takes one; what each case may
/// see and do is decided in `koop_core::policy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Not logged in: published records only.
    Anonymous,
    /// A participant of one event: published records, their own event (its published
    /// profiles and participant list), and their own data.
    Participant {
        /// The event they take part in.
        event: EventId,
        /// Their registration.
        participant: ParticipantId,
    },
    /// An event organiser: published records, and the events they organise: one event,
    /// or (without one) every event their agency runs or co-organises.
    Organiser {
        /// The agency they work for.
        agency: AgencyId,
        /// The one event they organise, if restricted to one.
        event: Option<EventId>,
    },
    /// Agency staff: the agency's own records, records granted to it, published records,
    /// and the events the agency runs or co-organises.
    Staff(AgencyId),
    /// A platform admin: everything.
    Platform,
}

impl Viewer {
    /// The viewer for an account. An account whose role lacks what it needs (staff
    /// without an agency, a participant without a registration) sees what the public sees.
    pub fn for_account(account: &Account) -> Viewer {
        match account.role {
            Role::PlatformAdmin => Viewer::Platform,
            Role::AgencyStaff => account.agency_id.map_or(Viewer::Anonymous, Viewer::Staff),
            Role::EventOrganiser => match account.agency_id {
                Some(agency) => Viewer::Organiser {
                    agency,
                    event: account.event_id,
                },
                None => Viewer::Anonymous,
            },
            Role::Participant => match (account.event_id, account.participant_id) {
                (Some(event), Some(participant)) => Viewer::Participant { event, participant },
                _ => Viewer::Anonymous,
            },
        }
    }

    /// The agency whose own records this viewer reads as staff (not as the public).
    pub fn staff_of(self) -> Option<AgencyId> {
        match self {
            Viewer::Staff(a) => Some(a),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(role: Role, agency: Option<i64>, event: Option<i64>, p: Option<i64>) -> Account {
        Account {
            id: AccountId(1),
            email: "a@b.example".into(),
            display_name: "A".into(),
            role,
            agency_id: agency.map(AgencyId),
            participant_id: p.map(ParticipantId),
            event_id: event.map(EventId),
            ui_language: "de".into(),
        }
    }

    #[test]
    fn a_participant_account_is_not_its_agencys_staff() {
        let v = Viewer::for_account(&account(Role::Participant, Some(1), Some(5), Some(9)));
        assert_eq!(
            v,
            Viewer::Participant {
                event: EventId(5),
                participant: ParticipantId(9)
            }
        );
        assert_eq!(v.staff_of(), None);
        let staff = Viewer::for_account(&account(Role::AgencyStaff, Some(1), None, None));
        assert_eq!(staff.staff_of(), Some(AgencyId(1)));
        let lost = Viewer::for_account(&account(Role::Participant, Some(1), None, None));
        assert_eq!(lost, Viewer::Anonymous);
    }
}
