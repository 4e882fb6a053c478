//! One module per `koop` subcommand.

pub mod matching;
pub mod schedule;
