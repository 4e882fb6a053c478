//! koop-core.
