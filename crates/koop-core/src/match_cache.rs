//! Indexes of events, kept between requests: the match index and, on SQLite, the
//! marketplace's text index.
//!
//! Building an event's index reads every published profile with its organisation and
//! groups, and indexes their texts: at a few hundred participants that costs far more
//! than the page that shows ten recommendations. The index is therefore kept, tagged
//! with a stamp read from the database: the newest audit entry (every change of state
//! appends one, DESIGN.md §3) and the event's stored vectors (written by a job, not
//! audited). A stamp that differs means something may have changed, and the index is
//! built again. The stamp lives in the database, so every node behind a load balancer
//! sees the same changes; the cache itself is only this node's copy.
//!
//! An index is the same for every viewer: it is made of what any visitor who may see
//! the event sees (its published profiles, their organisations' names and countries,
//! and published groups), so caching it across viewers shows nobody more. Each call
//! still checks the viewer's access to the event first.

use crate::CoreResult;
use crate::read::Reader;
use koop_domain::ids::EventId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Events whose index is kept; beyond this, the cache starts again (an installation
/// runs a handful of events at a time).
const KEPT: usize = 32;

/// What the index of an event was built from, as far as the database tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    last_change: i64,
    vectors: Option<(i64, Option<String>)>,
}

impl Stamp {
    /// Reads the stamp; done before the event's data is read, so that an index is
    /// never tagged newer than what it was built from.
    pub(crate) async fn read(
        r: &mut Reader,
        event: EventId,
        model: Option<&str>,
    ) -> CoreResult<Self> {
        let last_change = koop_db::audit::last_id(r.conn()).await?;
        let vectors = match model {
            Some(m) => Some(koop_db::profile::embedding_stamp(r.conn(), event, m).await?),
            None => None,
        };
        Ok(Stamp {
            last_change,
            vectors,
        })
    }

    /// Whether an index built at `self` may serve a request that read `wanted`: it is
    /// at least as new, and saw the same vectors.
    fn serves(&self, wanted: &Stamp) -> bool {
        self.last_change >= wanted.last_change && self.vectors == wanted.vectors
    }
}

type Slot<T> = Arc<tokio::sync::Mutex<Option<(Stamp, Arc<T>)>>>;

/// One node's indexes of one kind, per event.
pub(crate) struct IndexCache<T> {
    slots: Mutex<HashMap<EventId, Slot<T>>>,
}

impl<T> Default for IndexCache<T> {
    fn default() -> Self {
        IndexCache {
            slots: Mutex::default(),
        }
    }
}

impl<T> IndexCache<T> {
    fn slot(&self, event: EventId) -> Slot<T> {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots.len() >= KEPT && !slots.contains_key(&event) {
            slots.clear();
        }
        slots.entry(event).or_default().clone()
    }

    /// The event's index as of `stamp`, built with `build` when the kept one is older.
    /// Requests that arrive during a build wait for it instead of building again.
    pub(crate) async fn get(
        &self,
        event: EventId,
        stamp: Stamp,
        build: impl AsyncFnOnce() -> CoreResult<T>,
    ) -> CoreResult<Arc<T>> {
        let slot = self.slot(event);
        let mut kept = slot.lock().await;
        if let Some((at, built)) = kept.as_ref()
            && at.serves(&stamp)
        {
            return Ok(built.clone());
        }
        let built = Arc::new(build().await?);
        *kept = Some((stamp, built.clone()));
        Ok(built)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_serves_requests_no_newer_than_itself_with_the_same_vectors() {
        let at = |last_change, vectors| Stamp {
            last_change,
            vectors,
        };
        assert!(at(5, None).serves(&at(5, None)));
        assert!(at(6, None).serves(&at(5, None)));
        assert!(!at(5, None).serves(&at(6, None)));
        let v = |n| Some((n, Some("2026-12-04T01:00:00Z".to_owned())));
        assert!(!at(6, v(3)).serves(&at(5, v(4))), "a new vector");
        assert!(at(6, v(4)).serves(&at(6, v(4))));
    }
}
