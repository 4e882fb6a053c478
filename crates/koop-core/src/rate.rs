//! Rate limits for requests that are expensive or invite abuse: failed logins (per
//! e-mail and per client address) and meeting requests (per participant). The attempts
//! are counted in the database, so every node sees the same counts.

use crate::{Core, CoreError, CoreResult};
use chrono::{SecondsFormat, Utc};
use std::time::Duration;

/// A limit: at most `max` attempts in `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Attempts allowed.
    pub max: i64,
    /// The window they are counted in.
    pub window: Duration,
}

/// Failed logins per e-mail address.
pub const LOGIN_PER_EMAIL: Limit = Limit {
    max: 10,
    window: Duration::from_secs(15 * 60),
};
/// Failed logins per client address (one office may share an address).
pub const LOGIN_PER_CLIENT: Limit = Limit {
    max: 50,
    window: Duration::from_secs(15 * 60),
};
/// Meeting requests a participant may send per hour.
pub const REQUESTS_PER_PARTICIPANT: Limit = Limit {
    max: 60,
    window: Duration::from_secs(60 * 60),
};

fn ago(d: Duration) -> String {
    (Utc::now() - chrono::Duration::from_std(d).unwrap_or_default())
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Core {
    /// Refuses with `TooManyRequests` when `bucket` used up `limit`; counts nothing.
    pub(crate) async fn check_rate(&self, bucket: &str, limit: Limit) -> CoreResult<()> {
        let mut conn = self.db.conn().await?;
        let (n, oldest) = koop_db::rate::count_since(&mut conn, bucket, &ago(limit.window)).await?;
        if n < limit.max {
            return Ok(());
        }
        // The oldest counted attempt leaves the window first.
        let retry_after_s = oldest
            .and_then(|o| chrono::DateTime::parse_from_rfc3339(&o).ok())
            .map(|o| {
                let free = o.with_timezone(&Utc)
                    + chrono::Duration::from_std(limit.window).unwrap_or_default();
                (free - Utc::now()).num_seconds().max(1) as u64
            })
            .unwrap_or(limit.window.as_secs());
        Err(CoreError::TooManyRequests { retry_after_s })
    }

    /// Counts one attempt of `bucket`.
    pub(crate) async fn count_rate(&self, bucket: &str, limit: Limit) -> CoreResult<()> {
        let mut conn = self.db.conn().await?;
        koop_db::rate::hit(&mut conn, bucket, &ago(limit.window)).await?;
        Ok(())
    }
}
