//! Keeping profile embeddings current: a vector is computed when a profile is written
//! and again when its text (or the configured model) changes.

use crate::matching::{fingerprint, text_profile};
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_db::profile::StoredEmbedding;
use koop_domain::ids::{EventId, ProfileId};
use koop_domain::task::Task;
use serde_json::json;

impl Core {
    /// Embeds every profile of the event whose vector is missing or stale; returns how
    /// many were embedded. Without an embedding service this does nothing.
    /// Only the event's organisers may ask for it.
    pub async fn refresh_embeddings(&self, actor: &Actor, event: EventId) -> CoreResult<usize> {
        let mut conn = self.db.conn().await?;
        let _allowed = policy::manage_event(&mut conn, actor, event, Task::Registrations).await?;
        drop(conn);
        self.refresh_event_embeddings(event).await
    }

    /// The refresh itself, as koop's own follow-up of a permitted change (a profile
    /// written): it writes only vectors derived from the event's published profiles.
    pub(crate) async fn refresh_event_embeddings(&self, event: EventId) -> CoreResult<usize> {
        let Some(embedder) = self.embedder.clone() else {
            return Ok(0);
        };
        let mut conn = self.db.conn().await?;
        let agency = koop_db::event::scope(&mut conn, event).await?.agency;
        // A vector depends only on the profile's own text, so staleness is decided from
        // the profiles alone, without building the whole engine input.
        let texts: Vec<_> = koop_db::profile::for_event(&mut conn, event)
            .await?
            .iter()
            .map(text_profile)
            .collect();
        let stored = koop_db::profile::embeddings_for_event(&mut conn, event).await?;
        drop(conn);
        let stale: Vec<_> = texts
            .iter()
            .filter(|p| {
                !stored.iter().any(|s| {
                    s.profile.0 as u64 == p.id.0
                        && s.model == embedder.model()
                        && s.fingerprint == fingerprint(p)
                })
            })
            .map(|p| {
                (
                    ProfileId(p.id.0 as i64),
                    koop_match::embed::profile_text(p),
                    fingerprint(p),
                )
            })
            .collect();
        if stale.is_empty() {
            return Ok(0);
        }
        let texts: Vec<String> = stale.iter().map(|s| s.1.clone()).collect();
        let worker = embedder.clone();
        // The HTTP call blocks; it runs off the async workers.
        let vectors = tokio::task::spawn_blocking(move || {
            crate::embeddings::embed_all(worker.as_ref(), &texts)
        })
        .await
        .map_err(|e| CoreError::Internal(format!("embedding: {e}")))?
        .map_err(|e| CoreError::Internal(format!("embedding service: {e}")))?;
        let model = embedder.model().to_owned();
        let n = stale.len();
        self.write(
            &Actor::system(),
            "profile.embeddings_refreshed",
            async |tx| {
                for ((profile, _, fp), vector) in stale.iter().zip(vectors) {
                    koop_db::profile::set_embedding(
                        tx,
                        &StoredEmbedding {
                            profile: *profile,
                            model: model.clone(),
                            fingerprint: fp.clone(),
                            vector,
                        },
                    )
                    .await?;
                }
                Ok(Change::new(
                    policy::follow_up(agency),
                    n,
                    "event",
                    event.0,
                    json!({ "profiles": n, "model": model }),
                ))
            },
        )
        .await
    }
}
