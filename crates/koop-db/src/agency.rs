//! Agencies: the tenants.

use crate::codec::now;
use crate::{Conn, DbResult};
use koop_domain::ids::{AgencyId, OrgId};
use serde::Serialize;

/// An agency (tenant).
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Agency {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// URL-safe short name.
    pub slug: String,
}

/// Creates an agency.
pub async fn insert(conn: &mut Conn, name: &str, slug: &str) -> DbResult<AgencyId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO agency (name, slug, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(slug)
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(AgencyId(id))
}

/// Links an agency to the organisation record that describes it.
pub async fn set_org(conn: &mut Conn, agency: AgencyId, org: OrgId) -> DbResult<()> {
    sqlx::query("INSERT INTO agency_org (agency_id, org_id) VALUES ($1, $2)")
        .bind(agency.0)
        .bind(org.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// All agencies (their names are public: they run the published events).
pub async fn list(conn: &mut Conn) -> DbResult<Vec<Agency>> {
    Ok(
        sqlx::query_as("SELECT id, name, slug FROM agency ORDER BY name")
            .fetch_all(conn)
            .await?,
    )
}

/// An agency by slug.
pub async fn by_slug(conn: &mut Conn, slug: &str) -> DbResult<Agency> {
    Ok(
        sqlx::query_as("SELECT id, name, slug FROM agency WHERE slug = $1")
            .bind(slug)
            .fetch_one(conn)
            .await?,
    )
}

/// Shares a record of `owner` with `grantee`.
pub async fn grant(
    conn: &mut Conn,
    owner: AgencyId,
    grantee: AgencyId,
    subject_kind: &str,
    subject_id: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO access_grant (owner_agency_id, grantee_agency_id, subject_kind, subject_id, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(owner.0)
    .bind(grantee.0)
    .bind(subject_kind)
    .bind(subject_id)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}

/// The organisations that stand for an agency (as organiser of its events).
pub async fn orgs_of(conn: &mut Conn, agency: AgencyId) -> DbResult<Vec<OrgId>> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT org_id FROM agency_org WHERE agency_id = $1 ORDER BY org_id")
            .bind(agency.0)
            .fetch_all(conn)
            .await?;
    Ok(ids.into_iter().map(OrgId).collect())
}
