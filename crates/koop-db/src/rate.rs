//! Counted attempts for rate limits. Times are RFC 3339 UTC text with milliseconds,
//! compared as text.

use crate::codec::now_ms;
use crate::{Conn, DbResult};

/// How many attempts `bucket` made since `since`, and the oldest of them.
pub async fn count_since(
    conn: &mut Conn,
    bucket: &str,
    since: &str,
) -> DbResult<(i64, Option<String>)> {
    Ok(
        sqlx::query_as("SELECT COUNT(*), MIN(at) FROM rate_hit WHERE bucket = $1 AND at >= $2")
            .bind(bucket)
            .bind(since)
            .fetch_one(conn)
            .await?,
    )
}

/// Counts one attempt of `bucket`, and forgets its attempts older than `forget_before`.
pub async fn hit(conn: &mut Conn, bucket: &str, forget_before: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM rate_hit WHERE bucket = $1 AND at < $2")
        .bind(bucket)
        .bind(forget_before)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO rate_hit (bucket, at) VALUES ($1, $2)")
        .bind(bucket)
        .bind(now_ms())
        .execute(conn)
        .await?;
    Ok(())
}
