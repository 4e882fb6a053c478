//! Installation secrets, created once and shared by every node.

use crate::codec::now;
use crate::{Conn, DbResult};

/// The secret `name`; `fresh` becomes it when there is none yet. Two nodes creating it
/// at once meet in the primary key, and both read the one that won.
pub async fn get_or_create(conn: &mut Conn, name: &str, fresh: &str) -> DbResult<String> {
    sqlx::query(
        "INSERT INTO instance_secret (name, value, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(fresh)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT value FROM instance_secret WHERE name = $1")
            .bind(name)
            .fetch_one(conn)
            .await?,
    )
}
