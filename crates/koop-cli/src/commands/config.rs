//! Settings: defaults, then `koop.toml` (or `--config FILE`), then `KOOP_*` environment
//! variables, then command-line flags, each overriding the one before.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// koop's settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// Database URL: `sqlite://PATH` or `postgres://…` (`KOOP_DB`).
    pub db: String,
    /// Address to listen on (`KOOP_BIND`).
    pub bind: String,
    /// Log filter, e.g. `info` or `koop_web=debug` (`KOOP_LOG`).
    pub log: String,
    /// An OpenAI-compatible embedding service, e.g. `http://127.0.0.1:8089` (`KOOP_EMBEDDINGS_URL`).
    pub embeddings_url: Option<String>,
    /// The model to ask it for (`KOOP_EMBEDDINGS_MODEL`).
    pub embeddings_model: String,
    /// How long a background job stays claimed by a node that stopped answering
    /// before another node takes it up (`KOOP_JOB_LEASE_SECONDS`).
    pub job_lease_seconds: u64,
    /// Mark cookies `Secure`: set this when koop is served over TLS (`KOOP_SECURE_COOKIES`).
    pub secure_cookies: bool,
    /// Take the client's address from `X-Forwarded-For`, for the login limit; only
    /// behind your own proxy (`KOOP_TRUST_PROXY`).
    pub trust_proxy: bool,
    /// The SMTP server for mail, e.g. `smtp://127.0.0.1:25` for a local relay,
    /// `smtp://user:pass@mail.example:587?tls=required` or `smtps://…:465`
    /// (`KOOP_SMTP_URL`). Without it, mail goes to `mail_dir`.
    pub smtp_url: Option<String>,
    /// The folder that receives mail as `.eml` files when no SMTP server is set (`KOOP_MAIL_DIR`).
    pub mail_dir: PathBuf,
    /// The sender of koop's mail (`KOOP_MAIL_FROM`).
    pub mail_from: String,
    /// This koop's address as people reach it, for links in mail (`KOOP_PUBLIC_URL`);
    /// by default, `http://` and the bind address.
    pub public_url: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            db: "sqlite://koop.db".into(),
            bind: "127.0.0.1:8080".into(),
            log: "info".into(),
            embeddings_url: None,
            embeddings_model: "multilingual-e5-small".into(),
            job_lease_seconds: 30,
            secure_cookies: false,
            trust_proxy: false,
            smtp_url: None,
            mail_dir: PathBuf::from("mail"),
            mail_from: "koop <koop@localhost>".into(),
            public_url: None,
        }
    }
}

/// Flags shared by the commands that open the database.
#[derive(Debug, Clone, clap::Args)]
pub struct DbFlags {
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://koop.db].
    #[arg(long)]
    pub db: Option<String>,
    /// Configuration file [default: koop.toml, if present].
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Loads the settings, with `db` and `bind` from the command line winning.
pub fn load(flags: &DbFlags, bind: Option<&str>, defaults: Settings) -> anyhow::Result<Settings> {
    let file = flags
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from("koop.toml"));
    if flags.config.is_some() && !file.exists() {
        anyhow::bail!("configuration file {} does not exist", file.display());
    }
    let mut settings: Settings = Figment::from(Serialized::defaults(defaults))
        .merge(Toml::file(&file))
        .merge(Env::prefixed("KOOP_").only(&[
            "db",
            "bind",
            "log",
            "embeddings_url",
            "embeddings_model",
            "job_lease_seconds",
            "secure_cookies",
            "trust_proxy",
            "smtp_url",
            "mail_dir",
            "mail_from",
            "public_url",
        ]))
        .extract()
        .map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    if let Some(db) = &flags.db {
        settings.db = db.clone();
    }
    if let Some(b) = bind {
        settings.bind = b.to_owned();
    }
    Ok(settings)
}

/// Starts logging to stderr.
pub fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// A runtime for the async commands.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

/// Opens the core on the configured database, with the embedding service if one is set.
pub async fn open_core(settings: &Settings) -> anyhow::Result<koop_core::Core> {
    use anyhow::Context;
    let core = koop_core::Core::open(&settings.db).await.with_context(|| {
        format!(
            "cannot open the database {}",
            koop_core::redact_db_url(&settings.db)
        )
    })?;
    Ok(match &settings.embeddings_url {
        Some(url) if !url.is_empty() => core.with_embeddings(url, &settings.embeddings_model)?,
        _ => core,
    })
}

/// The mailer, as configured: SMTP when a server is set, else a folder of files.
pub fn mailer(settings: &Settings, bound: &str) -> anyhow::Result<koop_core::mail::Mailer> {
    use koop_core::mail::{MailRoute, MailSettings, Mailer};
    let route = match &settings.smtp_url {
        Some(url) if !url.is_empty() => MailRoute::Smtp(url.clone()),
        _ => MailRoute::Folder(settings.mail_dir.clone()),
    };
    let base_url = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{bound}"));
    let mail = MailSettings {
        route,
        from: settings.mail_from.clone(),
        base_url,
    };
    Mailer::new(&mail, koop_web::mail::composer()).map_err(|e| anyhow::anyhow!("{e}"))
}

/// This node's job worker, as configured.
pub fn worker_options(settings: &Settings) -> koop_core::jobs::WorkerOptions {
    let mut options = koop_core::jobs::WorkerOptions::for_this_process();
    options.lease = std::time::Duration::from_secs(settings.job_lease_seconds.max(1));
    options
}

/// How the web face behaves, as configured.
pub fn web_options(settings: &Settings) -> koop_web::WebOptions {
    koop_web::WebOptions {
        secure_cookies: settings.secure_cookies,
        trust_proxy: settings.trust_proxy,
    }
}
