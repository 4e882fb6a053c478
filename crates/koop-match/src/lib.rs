//! koop-match.
