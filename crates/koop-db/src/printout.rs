//! Printouts of an event's meetings, each with a snapshot of the meetings as printed.

use crate::codec::now;
use crate::{Conn, DbResult};
use koop_domain::ids::{AccountId, EventId};

/// Stores a printout of `kind` with its snapshot (JSON); returns its id.
pub async fn insert(
    conn: &mut Conn,
    event: EventId,
    kind: &str,
    account: Option<AccountId>,
    snapshot: &str,
) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO printout (event_id, kind, printed_at, account_id, snapshot) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(event.0)
    .bind(kind)
    .bind(now())
    .bind(account.map(|a| a.0))
    .bind(snapshot)
    .fetch_one(conn)
    .await?)
}

/// The newest printout of `kind`: when it was made (RFC 3339) and its snapshot.
pub async fn latest(
    conn: &mut Conn,
    event: EventId,
    kind: &str,
) -> DbResult<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT printed_at, snapshot FROM printout WHERE event_id = $1 AND kind = $2 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(event.0)
    .bind(kind)
    .fetch_optional(conn)
    .await?)
}
