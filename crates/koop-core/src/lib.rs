//! koop's operations: every change of state is one function here.
//!
//! An operation checks the actor's rights and the domain rules, writes in one
//! transaction, and appends one audit entry in that same transaction (see
//! [`Core::write`]). `koop-web` and `koop-cli` call these functions and never write to
//! the database themselves; reads go through [`read::Reader`], which always carries the
//! viewer so that no page can read another tenant's records.

#![deny(missing_docs)]

mod actor;
pub mod auth;
pub mod availability;
pub mod cluster_matching;
pub mod dashboard;
mod embedding_ops;
pub mod embeddings;
mod error;
mod expiry;
pub mod export;
pub mod feeds;
pub mod import;
pub mod jobs;
pub mod mail;
mod match_cache;
pub mod matching;
pub mod ops;
pub mod overlaps;
pub mod own_data;
pub mod policy;
pub mod rate;
pub mod read;
pub mod report;
pub mod scheduling;
pub mod search;
pub mod testing;
pub mod trip_matching;

pub use actor::Actor;
pub use error::{CoreError, CoreResult, FieldError};
pub use koop_db::{Backend, redact as redact_db_url};
pub use koop_domain as domain;

pub mod zones;

/// Views and filters that reads return, re-exported so callers need not know koop-db.
pub mod views {
    pub use koop_db::activity::ActivityFilter;
    pub use koop_db::agency::Agency;
    pub use koop_db::agreement::PartyView;
    pub use koop_db::city::PartnerCityView;
    pub use koop_db::meeting::MeetingView;
    pub use koop_db::membership::MembershipView;
    pub use koop_db::org::OrgFilter;
    pub use koop_db::outcome::OutcomeFilter;
    pub use koop_db::participant::ParticipantView;
    pub use koop_db::request::RequestView;
    pub use koop_db::stats::EventFigures;
    pub use koop_db::visit::VisitView;
}

use koop_db::{Conn, Db};

/// The entry point: owns the database pool and, when configured, the embedding client.
#[derive(Clone)]
pub struct Core {
    db: Db,
    embedder: Option<std::sync::Arc<embeddings::OpenAiEmbeddings>>,
    /// Wakes this node's job worker when this node queued a job.
    wake: std::sync::Arc<tokio::sync::Notify>,
    /// Sends mail; without it, no mail is queued.
    mailer: Option<std::sync::Arc<mail::Mailer>>,
    /// This node's match indexes of events, current as the database says.
    match_cache: std::sync::Arc<match_cache::IndexCache<matching::Built>>,
    /// This node's marketplace text indexes of events (SQLite), likewise.
    search_cache: std::sync::Arc<match_cache::IndexCache<search::TextIndex>>,
    /// The calendar feeds' secret, once read.
    feed_secret: std::sync::Arc<tokio::sync::OnceCell<String>>,
}

impl std::fmt::Debug for Core {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Core")
            .field("backend", &self.db.backend())
            .field(
                "embeddings",
                &self.embedder.as_ref().map(|e| e.model().to_owned()),
            )
            .finish()
    }
}

/// What an operation changed, for its audit entry, with the policy's permit for it.
pub(crate) struct Change<T> {
    pub permit: policy::Permit,
    pub value: T,
    pub subject_kind: &'static str,
    pub subject_id: i64,
    pub data: serde_json::Value,
}

impl<T> Change<T> {
    pub(crate) fn new(
        permit: policy::Permit,
        value: T,
        subject_kind: &'static str,
        subject_id: i64,
        data: serde_json::Value,
    ) -> Self {
        Change {
            permit,
            value,
            subject_kind,
            subject_id,
            data,
        }
    }
}

impl Core {
    /// Opens the database at `url` and applies pending migrations.
    pub async fn open(url: &str) -> CoreResult<Core> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        Ok(Core {
            db,
            embedder: None,
            wake: std::sync::Arc::new(tokio::sync::Notify::new()),
            mailer: None,
            match_cache: std::sync::Arc::default(),
            search_cache: std::sync::Arc::default(),
            feed_secret: std::sync::Arc::default(),
        })
    }

    /// Uses an OpenAI-compatible embedding service for profile texts; without one,
    /// matching works from codes, keywords and text alone.
    pub fn with_embeddings(mut self, url: &str, model: &str) -> CoreResult<Core> {
        self.embedder = Some(std::sync::Arc::new(embeddings::OpenAiEmbeddings::new(
            url, model,
        )?));
        Ok(self)
    }

    /// The embedding model in use, if any.
    pub fn embedding_model(&self) -> Option<&str> {
        self.embedder.as_ref().map(|e| e.model())
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Closes the pool; waits until every connection is returned, so drop readers first.
    pub async fn close(&self) {
        self.db.close().await;
    }

    /// A reader for `viewer`.
    pub async fn reader(&self, actor: &Actor) -> CoreResult<read::Reader> {
        Ok(read::Reader::new(self.db.conn().await?, actor.viewer()))
    }

    /// Runs one operation: `f` asks the policy for a permit and writes, in one
    /// transaction, so the rights check reads the same state as the write; then one
    /// audit entry is appended in the actor's name and the transaction commits.
    /// Nothing is written if any step fails, including the audit entry.
    pub(crate) async fn write<T>(
        &self,
        actor: &Actor,
        action: &'static str,
        f: impl AsyncFnOnce(&mut Conn) -> CoreResult<Change<T>>,
    ) -> CoreResult<T> {
        let mut tx = self.db.begin().await?;
        let change = f(&mut tx).await?;
        koop_db::audit::append(
            &mut tx,
            change.permit.agency(),
            actor.account_id(),
            action,
            (change.subject_kind, change.subject_id),
            &change.data.to_string(),
        )
        .await?;
        tx.commit().await.map_err(koop_db::DbError::from)?;
        Ok(change.value)
    }
}
