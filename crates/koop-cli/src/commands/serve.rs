//! `koop serve`, `koop demo` and `koop migrate`.

use super::config::{self, DbFlags, Settings};
use anyhow::Context;
use koop_core::{Actor, Core};
use std::net::SocketAddr;

/// Arguments of `koop serve` and `koop demo`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbFlags,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long)]
    pub bind: Option<String>,
}

/// Arguments of `koop demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub serve: ServeArgs,
    /// The exchange at this many times its size (80 participants each), for trying
    /// koop at the size of a large event.
    #[arg(long, default_value_t = 1)]
    pub scale: usize,
}

/// Arguments of `koop migrate`.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub db: DbFlags,
}

/// The core with the mailer, for a serving node.
fn with_mailer(core: Core, settings: &Settings) -> anyhow::Result<Core> {
    let mailer = config::mailer(settings, &settings.bind)?;
    if settings.smtp_url.as_deref().is_none_or(str::is_empty) {
        eprintln!("Mail goes to the folder {}", settings.mail_dir.display());
    }
    Ok(core.with_mail(mailer))
}

fn parse_bind(bind: &str) -> anyhow::Result<SocketAddr> {
    bind.parse()
        .with_context(|| format!("--bind '{bind}' is not an address such as 127.0.0.1:8080"))
}

/// Serves koop on the configured database.
pub fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let settings = config::load(&args.db, args.bind.as_deref(), Settings::default())?;
    config::init_logging(&settings.log);
    let addr = parse_bind(&settings.bind)?;
    config::runtime()?.block_on(async {
        let core = with_mailer(config::open_core(&settings).await?, &settings)?;
        let worker = core.start_worker(config::worker_options(&settings));
        koop_web::serve(core, config::web_options(&settings), addr, |bound| {
            eprintln!("koop listens on http://{bound}")
        })
        .await?;
        worker.stop().await;
        Ok(())
    })
}

/// Loads the demo world (when the database is empty) and serves it.
pub fn demo(args: DemoArgs) -> anyhow::Result<()> {
    let defaults = Settings {
        db: "sqlite://koop-demo.db".into(),
        ..Settings::default()
    };
    let (scale, args) = (args.scale, args.serve);
    let settings = config::load(&args.db, args.bind.as_deref(), defaults)?;
    config::init_logging(&settings.log);
    let addr = parse_bind(&settings.bind)?;
    config::runtime()?.block_on(async {
        // The demo world is loaded without mail: its requests are history, not news.
        let core = config::open_core(&settings).await?;
        let empty = core
            .reader(&Actor::system())
            .await?
            .agencies()
            .await?
            .is_empty();
        if empty {
            eprintln!(
                "Loading the demo world into {} …",
                koop_core::redact_db_url(&settings.db)
            );
            koop_demo::load_scaled(&core, scale)
                .await
                .context("loading the demo world failed")?;
        } else {
            eprintln!(
                "{} already holds data; serving it as it is.",
                koop_core::redact_db_url(&settings.db)
            );
        }
        let core = with_mailer(core, &settings)?;
        let worker = core.start_worker(config::worker_options(&settings));
        koop_web::serve(core, config::web_options(&settings), addr, |bound| {
            eprintln!(
                "\nkoop demo: http://{bound}\n\nDemo logins (password: {}):",
                koop_demo::DEMO_PASSWORD
            );
            for (email, role) in koop_demo::logins() {
                eprintln!("  {email:<28} {role}");
            }
            eprintln!("\nStop with Ctrl-C.");
        })
        .await?;
        worker.stop().await;
        Ok(())
    })
}

/// Applies pending migrations and exits.
pub fn migrate(args: MigrateArgs) -> anyhow::Result<()> {
    let settings = config::load(&args.db, None, Settings::default())?;
    config::runtime()?.block_on(async {
        let core = config::open_core(&settings).await?;
        eprintln!(
            "{}: migrations applied ({:?}).",
            koop_core::redact_db_url(&settings.db),
            core.backend()
        );
        Ok(())
    })
}
