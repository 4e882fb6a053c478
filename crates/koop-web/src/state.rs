//! Shared state of the web application.

use koop_core::Core;

/// What every handler can reach. koop nodes keep no state of their own beyond the
/// database, so this is only the core.
#[derive(Clone)]
pub struct AppState {
    /// The core.
    pub core: Core,
}

impl AppState {
    /// Wraps the core.
    pub fn new(core: Core) -> Self {
        AppState { core }
    }
}
