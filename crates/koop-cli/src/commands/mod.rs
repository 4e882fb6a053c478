//! One module per `koop` subcommand.

pub mod schedule;
