//! One module per `koop` subcommand.

pub mod admin;
pub mod config;
pub mod data;
pub mod load_test;
pub mod matching;
pub mod schedule;
mod schedule_scale;
pub mod serve;
