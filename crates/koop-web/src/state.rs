//! Shared state of the web application.

use koop_core::Core;

/// How the web face behaves; the defaults suit `koop demo` on a laptop.
#[derive(Debug, Clone, Default)]
pub struct WebOptions {
    /// Mark cookies `Secure` (serve over TLS, usually behind a proxy that terminates it).
    pub secure_cookies: bool,
    /// Take the client's address from `X-Forwarded-For` (only behind your own proxy).
    pub trust_proxy: bool,
}

/// What every handler can reach. koop nodes keep no state of their own beyond the
/// database, so this is the core and the configured options.
#[derive(Clone)]
pub struct AppState {
    /// The core.
    pub core: Core,
    /// The options.
    pub options: WebOptions,
}

impl AppState {
    /// Wraps the core.
    pub fn new(core: Core, options: WebOptions) -> Self {
        AppState { core, options }
    }
}
