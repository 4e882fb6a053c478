//! koop-db.
