//! koop's storage: one sqlx `Any` pool over SQLite or PostgreSQL, the migrations of
//! both, and one module per aggregate.
//!
//! This is the only crate that holds SQL (see ARCHITECTURE.md). Every query is a
//! runtime query with `$N` placeholders, so one code shape serves both backends.
//! Reads take a [`koop_domain::account::Viewer`], so that no query can forget the tenant.
//! Writes take a `&mut AnyConnection`, which is a transaction opened by `koop-core`.

#![deny(missing_docs)]

pub mod account;
pub mod activity;
pub mod agency;
pub mod agreement;
pub mod audit;
pub mod call;
pub mod city;
mod codec;
pub mod complement;
pub mod consent;
mod error;
pub mod event;
pub mod follow_up;
pub mod idea;
pub mod job;
pub mod meeting;
pub mod membership;
pub mod merge;
pub mod org;
pub mod outcome;
pub mod owner;
pub mod participant;
pub mod person;
mod pool;
pub mod presence;
pub mod printout;
pub mod profile;
pub mod rate;
pub mod request;
pub mod secret;
pub mod settlement;
pub mod stats;
pub mod tables;
mod visibility;
pub mod visit;

pub use error::{Booked, DbError};
pub use pool::{Backend, Db, create_postgres_database, redact};
pub use sqlx::AnyConnection as Conn;

/// The result of a storage call.
pub type DbResult<T> = Result<T, DbError>;

// Dynamic SQL here (wrapped in `sqlx::AssertSqlSafe`) is only ever assembled from
// constant fragments: column lists, the visibility clause and the dialect switch in
// `codec`. User input always travels as bind parameters.
