//! One module per `koop` subcommand.
