//! koop-web.
