//! Cross-cluster project ideas and the organisations in them.

use crate::codec::{now, parse};
use crate::visibility::{agency_row, agency_rows};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::idea::{IdeaData, IdeaRole, IdeaStatus, ProjectIdea};
use koop_domain::ids::{AgencyId, OrgId, ProjectIdeaId};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    title: String,
    summary: String,
    status: String,
}

const COLUMNS: &str = "t.id, t.agency_id, t.title, t.summary, t.status";

/// Inserts an idea, open.
pub async fn insert(conn: &mut Conn, agency: AgencyId, d: &IdeaData) -> DbResult<ProjectIdeaId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO project_idea (agency_id, title, summary, status, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(agency.0)
    .bind(&d.title)
    .bind(&d.summary)
    .bind(IdeaStatus::Open.as_str())
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    Ok(ProjectIdeaId(id))
}

/// Puts an organisation into an idea in `role`; one that is in it in that role already
/// stays where it is.
pub async fn put_org(
    conn: &mut Conn,
    idea: ProjectIdeaId,
    org: OrgId,
    role: IdeaRole,
) -> DbResult<()> {
    let there: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM idea_org WHERE idea_id = $1 AND org_id = $2 AND role = $3",
    )
    .bind(idea.0)
    .bind(org.0)
    .bind(role.as_str())
    .fetch_one(&mut *conn)
    .await?;
    if there > 0 {
        return Ok(());
    }
    let position: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idea_org WHERE idea_id = $1")
        .bind(idea.0)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO idea_org (idea_id, org_id, role, position) VALUES ($1, $2, $3, $4)")
        .bind(idea.0)
        .bind(org.0)
        .bind(role.as_str())
        .bind(position)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Takes an organisation's `role` in an idea away; false when it had none.
pub async fn remove_org(
    conn: &mut Conn,
    idea: ProjectIdeaId,
    org: OrgId,
    role: IdeaRole,
) -> DbResult<bool> {
    let n = sqlx::query("DELETE FROM idea_org WHERE idea_id = $1 AND org_id = $2 AND role = $3")
        .bind(idea.0)
        .bind(org.0)
        .bind(role.as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

/// Sets where an idea stands.
pub async fn set_status(conn: &mut Conn, idea: ProjectIdeaId, status: IdeaStatus) -> DbResult<()> {
    sqlx::query("UPDATE project_idea SET status = $2 WHERE id = $1")
        .bind(idea.0)
        .bind(status.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The agency that keeps an idea.
pub async fn agency_of(conn: &mut Conn, idea: ProjectIdeaId) -> DbResult<AgencyId> {
    crate::owner::agency_of(conn, crate::owner::Owned::ProjectIdea, idea.0).await
}

/// The ideas the viewer may see (their agency's working records).
pub async fn list_visible(conn: &mut Conn, viewer: Viewer) -> DbResult<Vec<ProjectIdea>> {
    let rows: Vec<Row> = agency_rows(conn, viewer, "project_idea", COLUMNS, "t.id").await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(load(conn, r).await?);
    }
    Ok(out)
}

/// One idea, if the viewer may see it.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: ProjectIdeaId) -> DbResult<ProjectIdea> {
    let row: Row = agency_row(conn, viewer, "project_idea", COLUMNS, id.0).await?;
    load(conn, row).await
}

async fn load(conn: &mut Conn, r: Row) -> DbResult<ProjectIdea> {
    let orgs: Vec<(i64, String)> =
        sqlx::query_as("SELECT org_id, role FROM idea_org WHERE idea_id = $1 ORDER BY position")
            .bind(r.id)
            .fetch_all(&mut *conn)
            .await?;
    let mut with_roles = Vec::with_capacity(orgs.len());
    for (o, role) in orgs {
        with_roles.push((OrgId(o), parse("idea_org.role", IdeaRole::parse(&role))?));
    }
    Ok(ProjectIdea {
        id: ProjectIdeaId(r.id),
        agency_id: AgencyId(r.agency_id),
        data: IdeaData {
            title: r.title,
            summary: r.summary,
        },
        status: parse("project_idea.status", IdeaStatus::parse(&r.status))?,
        orgs: with_roles,
    })
}
