//! Who performs an operation; what they may do is decided in [`crate::policy`].

use koop_domain::account::{Account, Viewer};
use koop_domain::ids::AccountId;

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
}
