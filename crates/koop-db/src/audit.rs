//! The audit log.

use crate::codec::now;
use crate::{Conn, DbResult};
use koop_domain::audit::AuditEntry;
use koop_domain::ids::{AccountId, AgencyId, AuditId};

/// Appends an entry; called by every operation inside its transaction.
pub async fn append(
    conn: &mut Conn,
    agency: Option<AgencyId>,
    actor: Option<AccountId>,
    action: &str,
    subject: (&str, i64),
    data: &str,
) -> DbResult<AuditId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO audit_entry (agency_id, actor_id, action, subject_kind, subject_id, data, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(agency.map(|a| a.0))
    .bind(actor.map(|a| a.0))
    .bind(action)
    .bind(subject.0)
    .bind(subject.1)
    .bind(data)
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(AuditId(id))
}

/// The id of the newest entry (0 when there is none). Every change of state appends
/// one entry, so the value changes whenever anything was written: caches of derived
/// data compare it to know that they are still current.
pub async fn last_id(conn: &mut Conn) -> DbResult<i64> {
    let id: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM audit_entry")
        .fetch_one(conn)
        .await?;
    Ok(id.unwrap_or(0))
}

/// Number of entries (tests use it to check that a failed operation left none).
pub async fn count(conn: &mut Conn) -> DbResult<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM audit_entry")
        .fetch_one(conn)
        .await?)
}

/// The newest entries of an agency (or all, for `None`).
pub async fn recent(
    conn: &mut Conn,
    agency: Option<AgencyId>,
    limit: i64,
) -> DbResult<Vec<AuditEntry>> {
    let rows: Vec<(i64, Option<i64>, Option<i64>, String, String, i64, String, String)> = sqlx::query_as(
        "SELECT id, agency_id, actor_id, action, subject_kind, subject_id, data, at FROM audit_entry \
         WHERE ($1 < 0 OR agency_id = $1) ORDER BY id DESC LIMIT $2",
    )
    .bind(agency.map_or(-1, |a| a.0))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: AuditId(r.0),
            agency_id: r.1.map(AgencyId),
            actor_id: r.2.map(AccountId),
            action: r.3,
            subject_kind: r.4,
            subject_id: r.5,
            data: r.6,
            at: r.7,
        })
        .collect())
}
