//! koop's domain model: ids, value types, entities, lifecycles and rules.
//!
//! This crate knows nothing about storage, HTTP or the filesystem (see ARCHITECTURE.md).
//! Everything here is plain data plus the rules that keep it consistent:
//! value types parse instead of validate, and lifecycles are enums whose
//! transition methods refuse an illegal step with a [`DomainError`].

#![deny(missing_docs)]

pub mod account;
pub mod activity;
pub mod agreement;
pub mod audit;
pub mod call;
pub mod city;
pub mod error;
pub mod event;
pub mod idea;
pub mod ids;
pub mod job;
pub mod meeting;
pub mod membership;
pub mod org;
pub mod outcome;
pub mod person;
pub mod profile;
pub mod settings;
pub mod settlement;
pub mod tables;
pub mod task;
pub mod values;
pub mod visit;

pub use error::DomainError;
