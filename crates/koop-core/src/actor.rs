//! Who performs an operation, and what they may do.

use crate::{CoreError, CoreResult};
use koop_domain::account::{Account, Role, Viewer};
use koop_domain::ids::{AccountId, AgencyId};

/// The one performing an operation: a logged-in account, an anonymous visitor, or the
/// system itself (the CLI and the demo loader, which act with platform rights).
#[derive(Debug, Clone)]
pub struct Actor {
    account: Option<Account>,
    system: bool,
}

impl Actor {
    /// The system (CLI, demo loader): may do everything, audited without an account.
    pub fn system() -> Actor {
        Actor {
            account: None,
            system: true,
        }
    }

    /// An anonymous visitor.
    pub fn anonymous() -> Actor {
        Actor {
            account: None,
            system: false,
        }
    }

    /// A logged-in account.
    pub fn account(account: Account) -> Actor {
        Actor {
            account: Some(account),
            system: false,
        }
    }

    /// The account, if logged in.
    pub fn logged_in(&self) -> Option<&Account> {
        self.account.as_ref()
    }

    /// The account id for audit entries.
    pub fn account_id(&self) -> Option<AccountId> {
        self.account.as_ref().map(|a| a.id)
    }

    /// Whose records this actor may read.
    pub fn viewer(&self) -> Viewer {
        match &self.account {
            _ if self.system => Viewer::Platform,
            Some(a) => Viewer::for_account(a),
            None => Viewer::Anonymous,
        }
    }

    /// Staff and organisers may change their agency's records; platform admins and the
    /// system any agency's. Participants change only their own things (checked per operation).
    pub fn require_write(&self, agency: AgencyId) -> CoreResult<()> {
        if self.system {
            return Ok(());
        }
        match &self.account {
            None => Err(CoreError::Forbidden),
            Some(a) => match a.role {
                Role::PlatformAdmin => Ok(()),
                Role::AgencyStaff | Role::EventOrganiser if a.agency_id == Some(agency) => Ok(()),
                _ => Err(CoreError::Forbidden),
            },
        }
    }

    /// Only platform admins and the system.
    pub fn require_platform(&self) -> CoreResult<()> {
        match &self.account {
            _ if self.system => Ok(()),
            Some(a) if a.role == Role::PlatformAdmin => Ok(()),
            _ => Err(CoreError::Forbidden),
        }
    }
}
