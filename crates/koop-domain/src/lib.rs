//! koop-domain.
