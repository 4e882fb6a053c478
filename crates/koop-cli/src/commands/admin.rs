//! `koop agency add` and `koop user add`: what a fresh installation needs before its
//! first login.

use super::config::{self, DbFlags, Settings};
use anyhow::{Context, bail};
use koop_core::domain::account::Role;
use koop_core::domain::ids::AgencyId;
use koop_core::ops::directory::AccountInput;
use koop_core::{Actor, Core};

/// `koop agency …`
#[derive(Debug, clap::Args)]
pub struct AgencyArgs {
    #[command(subcommand)]
    pub command: AgencyCommand,
}

/// Agency commands.
#[derive(Debug, clap::Subcommand)]
pub enum AgencyCommand {
    /// Create an agency (a tenant).
    Add {
        /// Short name used in URLs and on the command line (a-z, 0-9, -).
        slug: String,
        /// Full name.
        name: String,
        #[command(flatten)]
        db: DbFlags,
    },
}

/// `koop user …`
#[derive(Debug, clap::Args)]
pub struct UserArgs {
    #[command(subcommand)]
    pub command: UserCommand,
}

/// User commands.
#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Create a login account; the password is read from standard input.
    Add {
        /// Login e-mail.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// platform_admin, agency_staff, event_organiser or participant.
        #[arg(long)]
        role: String,
        /// The agency, by short name (not for platform admins).
        #[arg(long)]
        agency: Option<String>,
        /// UI language: de or en.
        #[arg(long, default_value = "de")]
        lang: String,
        #[command(flatten)]
        db: DbFlags,
    },
}

/// Runs `koop agency …`.
pub fn agency(args: AgencyArgs) -> anyhow::Result<()> {
    let AgencyCommand::Add { slug, name, db } = args.command;
    let settings = config::load(&db, None, Settings::default())?;
    config::runtime()?.block_on(async {
        let core = Core::open(&settings.db).await?;
        let id = core.create_agency(&Actor::system(), &name, &slug).await?;
        eprintln!("agency '{slug}' created (id {id})");
        Ok(())
    })
}

/// Runs `koop user …`.
pub fn user(args: UserArgs) -> anyhow::Result<()> {
    let UserCommand::Add {
        email,
        name,
        role,
        agency,
        lang,
        db,
    } = args.command;
    let role = Role::parse(&role).map_err(|e| anyhow::anyhow!("--role: {}", e.message))?;
    let settings = config::load(&db, None, Settings::default())?;
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .context("reading the password from standard input")?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    config::runtime()?.block_on(async {
        let core = Core::open(&settings.db).await?;
        let agency = match agency {
            None if role != Role::PlatformAdmin => bail!("--agency is needed for role {role}"),
            None => None,
            Some(slug) => {
                let all = core.reader(&Actor::system()).await?.agencies().await?;
                match all.iter().find(|a| a.slug == slug) {
                    Some(a) => Some(AgencyId(a.id)),
                    None => bail!("--agency '{slug}' does not exist"),
                }
            }
        };
        let id = core
            .create_account(
                &Actor::system(),
                AccountInput {
                    email: email.clone(),
                    display_name: name,
                    password,
                    role,
                    agency,
                    participant: None,
                    event: None,
                    ui_language: lang,
                },
            )
            .await?;
        eprintln!("account {email} created (id {id})");
        Ok(())
    })
}
