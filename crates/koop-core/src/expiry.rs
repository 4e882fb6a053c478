//! Requests that nobody answered in the time an event's organisers allow expire, so
//! the requester knows to look elsewhere and the statistics count them as expired.

use crate::{Actor, Change, Core, CoreResult, policy};
use chrono::{SecondsFormat, Utc};
use serde_json::json;

/// How often a node's worker sweeps for expired requests.
pub(crate) const SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

impl Core {
    /// Expires the unanswered requests of every event with an expiry, older than its
    /// number of days; one audit entry per event that had any. Returns how many expired.
    pub async fn expire_requests(&self) -> CoreResult<u64> {
        let events = {
            let mut conn = self.db.conn().await?;
            koop_db::event::all_settings(&mut conn).await?
        };
        let mut total = 0;
        for (event, agency, settings) in events {
            let Some(days) = settings.request_expiry_days else {
                continue;
            };
            let cutoff = (Utc::now() - chrono::Duration::days(days))
                .to_rfc3339_opts(SecondsFormat::Secs, true);
            // Most sweeps find nothing; they should not fill the audit log.
            let due = {
                let mut conn = self.db.conn().await?;
                koop_db::request::count_sent_before(&mut conn, event, &cutoff).await?
            };
            if due == 0 {
                continue;
            }
            total += self
                .write(&Actor::system(), "meeting.request.expired", async |tx| {
                    let n = koop_db::request::expire_sent_before(tx, event, &cutoff).await?;
                    Ok(Change::new(
                        policy::follow_up(agency),
                        n,
                        "event",
                        event.0,
                        json!({ "expired": n, "days": days }),
                    ))
                })
                .await?;
        }
        Ok(total)
    }
}
