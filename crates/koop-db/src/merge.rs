//! Merging a duplicate organisation into the one it duplicates, and archiving one: every reference moves
//! over, a reference the kept organisation already has is dropped instead of doubled,
//! and the duplicate's row stays, pointing to the kept one.

use crate::{Conn, DbResult};
use koop_domain::ids::OrgId;

/// Link tables where an organisation appears once per other key: (table, the
/// organisation's column, the other key's columns).
const ONCE_PER: &[(&str, &str, &str)] = &[
    ("agreement_party", "org_id", "agreement_id"),
    ("event_organiser", "org_id", "event_id"),
    ("activity_org", "org_id", "activity_id"),
    ("outcome_org", "org_id", "outcome_id"),
    ("investor_project_partner", "org_id", "project_id"),
    ("call_member", "org_id", "call_id"),
    ("idea_org", "org_id", "idea_id, role"),
    ("membership", "member_id", "group_id"),
    ("membership", "group_id", "member_id"),
    ("partner_city", "partner_id", "home_id"),
    ("partner_city", "home_id", "partner_id"),
];

/// Columns that refer to an organisation without such a rule.
const PLAIN: &[(&str, &str)] = &[
    ("agency_org", "org_id"),
    ("person", "org_id"),
    ("participant", "org_id"),
    ("profile", "org_id"),
    ("visit_offer", "host_id"),
    ("outcome", "network_id"),
    ("outcome", "cluster_id"),
    ("investor_project", "company_id"),
];

/// How many references moved, per table.
pub type Moved = Vec<(&'static str, u64)>;

/// Moves every reference to `duplicate` over to `keep` and marks `duplicate` as merged.
/// Runs inside the caller's transaction.
pub async fn merge(conn: &mut Conn, keep: OrgId, duplicate: OrgId) -> DbResult<Moved> {
    let (k, d) = (keep.0, duplicate.0);
    let mut moved: Moved = Vec::new();
    // A membership or partnership between the two would become one with itself.
    for (table, a, b) in [
        ("membership", "group_id", "member_id"),
        ("partner_city", "home_id", "partner_id"),
    ] {
        let sql =
            format!("DELETE FROM {table} WHERE ({a} = $1 AND {b} = $2) OR ({a} = $2 AND {b} = $1)");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(k)
            .bind(d)
            .execute(&mut *conn)
            .await?;
    }
    for (table, col, other) in ONCE_PER {
        let drop = format!(
            "DELETE FROM {table} WHERE {col} = $2 AND ({other}) IN \
             (SELECT {other} FROM {table} WHERE {col} = $1)"
        );
        sqlx::query(sqlx::AssertSqlSafe(drop))
            .bind(k)
            .bind(d)
            .execute(&mut *conn)
            .await?;
        let update = format!("UPDATE {table} SET {col} = $1 WHERE {col} = $2");
        let n = sqlx::query(sqlx::AssertSqlSafe(update))
            .bind(k)
            .bind(d)
            .execute(&mut *conn)
            .await?
            .rows_affected();
        moved.push((table, n));
    }
    for (table, col) in PLAIN {
        let update = format!("UPDATE {table} SET {col} = $1 WHERE {col} = $2");
        let n = sqlx::query(sqlx::AssertSqlSafe(update))
            .bind(k)
            .bind(d)
            .execute(&mut *conn)
            .await?
            .rows_affected();
        moved.push((table, n));
    }
    moved.push(("cluster_complement", complements(conn, k, d).await?));
    sqlx::query(
        "DELETE FROM access_grant WHERE subject_kind = 'organisation' AND subject_id = $2 \
         AND grantee_agency_id IN (SELECT grantee_agency_id FROM access_grant \
         WHERE subject_kind = 'organisation' AND subject_id = $1)",
    )
    .bind(k)
    .bind(d)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE access_grant SET subject_id = $1 WHERE subject_kind = 'organisation' AND subject_id = $2",
    )
    .bind(k)
    .bind(d)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE organisation SET merged_into_id = $1 WHERE id = $2")
        .bind(k)
        .bind(d)
        .execute(&mut *conn)
        .await?;
    moved.retain(|(_, n)| *n > 0);
    Ok(moved)
}

/// Cluster complements store the pair in order (`cluster_a < cluster_b`), so each of the
/// duplicate's is written again for the kept cluster, unless that pair exists already.
async fn complements(conn: &mut Conn, keep: i64, dup: i64) -> DbResult<u64> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, cluster_a, cluster_b FROM cluster_complement WHERE cluster_a = $1 OR cluster_b = $1",
    )
    .bind(dup)
    .fetch_all(&mut *conn)
    .await?;
    let mut moved = 0;
    for (id, a, b) in rows {
        let other = if a == dup { b } else { a };
        let (lo, hi) = (keep.min(other), keep.max(other));
        let exists: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM cluster_complement WHERE cluster_a = $1 AND cluster_b = $2",
        )
        .bind(lo)
        .bind(hi)
        .fetch_one(&mut *conn)
        .await?;
        if other == keep || exists > 0 {
            sqlx::query("DELETE FROM cluster_complement WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        } else {
            sqlx::query(
                "UPDATE cluster_complement SET cluster_a = $1, cluster_b = $2 WHERE id = $3",
            )
            .bind(lo)
            .bind(hi)
            .bind(id)
            .execute(&mut *conn)
            .await?;
            moved += 1;
        }
    }
    Ok(moved)
}

/// The organisation `id` was merged into, if it was.
pub async fn merged_into(conn: &mut Conn, id: OrgId) -> DbResult<Option<OrgId>> {
    let into: Option<Option<i64>> =
        sqlx::query_scalar("SELECT merged_into_id FROM organisation WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(into.flatten().map(OrgId))
}

/// Archives an organisation (`true`) or restores it.
pub async fn set_archived(conn: &mut Conn, id: OrgId, archived: bool) -> DbResult<()> {
    sqlx::query("UPDATE organisation SET archived_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(archived.then(crate::codec::now))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether an organisation is archived.
pub async fn is_archived(conn: &mut Conn, id: OrgId) -> DbResult<bool> {
    let at: Option<Option<String>> =
        sqlx::query_scalar("SELECT archived_at FROM organisation WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(at.flatten().is_some())
}
