//! Declared complementarities between clusters.

use crate::codec::now;
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::ids::{AgencyId, ComplementId, OrgId};
use serde::Serialize;

/// A declared pair with the names of both clusters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplementView {
    /// Id.
    pub id: ComplementId,
    /// One cluster (the smaller id).
    pub cluster_a: OrgId,
    /// Its name.
    pub name_a: String,
    /// The other cluster.
    pub cluster_b: OrgId,
    /// Its name.
    pub name_b: String,
    /// Why they complement each other.
    pub rationale: String,
}

impl ComplementView {
    /// The other cluster of the pair and its name, when `cluster` is one side.
    pub fn other_side(&self, cluster: OrgId) -> Option<(OrgId, &str)> {
        if self.cluster_a == cluster {
            Some((self.cluster_b, &self.name_b))
        } else if self.cluster_b == cluster {
            Some((self.cluster_a, &self.name_a))
        } else {
            None
        }
    }
}

/// Stores a pair (`a < b`, checked by the domain and by the table).
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    a: OrgId,
    b: OrgId,
    rationale: &str,
) -> DbResult<ComplementId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO cluster_complement (agency_id, cluster_a, cluster_b, rationale, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(agency.0)
    .bind(a.0)
    .bind(b.0)
    .bind(rationale)
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(ComplementId(id))
}

/// Every declared pair whose two clusters the viewer may both see.
pub async fn list(conn: &mut Conn, viewer: Viewer) -> DbResult<Vec<ComplementView>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT c.id, ca.id, ca.name, cb.id, cb.name, c.rationale \
         FROM cluster_complement c JOIN organisation ca ON ca.id = c.cluster_a \
         JOIN organisation cb ON cb.id = c.cluster_b \
         WHERE {} AND {} ORDER BY ca.name, cb.name",
        clause("ca", "organisation", true, 1),
        clause("cb", "organisation", true, 1)
    );
    let rows: Vec<(i64, i64, String, i64, String, String)> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(a)
            .bind(m)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| ComplementView {
            id: ComplementId(r.0),
            cluster_a: OrgId(r.1),
            name_a: r.2,
            cluster_b: OrgId(r.3),
            name_b: r.4,
            rationale: r.5,
        })
        .collect())
}
