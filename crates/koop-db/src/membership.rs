//! Memberships of organisations in networks and clusters.

use crate::codec::{opt_date, parse, parse_opt_date};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use chrono::NaiveDate;
use koop_domain::account::Viewer;
use koop_domain::ids::{AgencyId, MembershipId, OrgId};
use koop_domain::membership::MemberRole;
use serde::Serialize;

/// A membership with the names of both sides, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MembershipView {
    /// Id.
    pub id: MembershipId,
    /// The network or cluster.
    pub group_id: OrgId,
    /// Its name.
    pub group_name: String,
    /// The member.
    pub member_id: OrgId,
    /// The member's name.
    pub member_name: String,
    /// The member's kind.
    pub member_kind: String,
    /// The member's country.
    pub member_country: String,
    /// Role.
    pub role: MemberRole,
    /// Since.
    pub since: Option<NaiveDate>,
    /// Until (the day it ended), if it ended.
    pub until: Option<NaiveDate>,
}

impl MembershipView {
    /// Whether the organisation is still a member on `day`.
    pub fn is_current(&self, day: NaiveDate) -> bool {
        self.until.is_none_or(|u| u >= day)
    }
}

/// Adds a member.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    group: OrgId,
    member: OrgId,
    role: MemberRole,
    since: Option<NaiveDate>,
) -> DbResult<MembershipId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO membership (agency_id, group_id, member_id, role, since) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(agency.0)
    .bind(group.0)
    .bind(member.0)
    .bind(role.as_str())
    .bind(opt_date(since))
    .fetch_one(conn)
    .await?;
    Ok(MembershipId(id))
}

type Row = (
    i64,
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// Changes a membership's role and dates.
pub async fn update(
    conn: &mut Conn,
    id: MembershipId,
    role: MemberRole,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> DbResult<()> {
    sqlx::query("UPDATE membership SET role = $2, since = $3, until = $4 WHERE id = $1")
        .bind(id.0)
        .bind(role.as_str())
        .bind(opt_date(since))
        .bind(opt_date(until))
        .execute(conn)
        .await?;
    Ok(())
}

/// One membership, if the viewer may see its group.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: MembershipId) -> DbResult<MembershipView> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT ms.id, g.id, g.name, o.id, o.name, o.kind, o.country, ms.role, ms.since, ms.until \
         FROM membership ms JOIN organisation g ON g.id = ms.group_id \
         JOIN organisation o ON o.id = ms.member_id WHERE ms.id = $1 AND {}",
        clause("g", "organisation", true, 2)
    );
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .bind(a)
        .bind(m)
        .fetch_one(conn)
        .await?;
    view(row)
}

/// The group, member and agency of a membership.
pub async fn sides(conn: &mut Conn, id: MembershipId) -> DbResult<(OrgId, OrgId, AgencyId)> {
    let (g, m, a): (i64, i64, i64) =
        sqlx::query_as("SELECT group_id, member_id, agency_id FROM membership WHERE id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?;
    Ok((OrgId(g), OrgId(m), AgencyId(a)))
}

/// Memberships where the group or the member is `org`, if the viewer may see the group:
/// current and ended ones, its history.
pub async fn for_org(conn: &mut Conn, viewer: Viewer, org: OrgId) -> DbResult<Vec<MembershipView>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT ms.id, g.id, g.name, o.id, o.name, o.kind, o.country, ms.role, ms.since, ms.until \
         FROM membership ms JOIN organisation g ON g.id = ms.group_id \
         JOIN organisation o ON o.id = ms.member_id \
         WHERE (ms.group_id = $1 OR ms.member_id = $1) AND {} ORDER BY g.name, o.name",
        clause("g", "organisation", true, 2)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(org.0)
        .bind(a)
        .bind(m)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(view).collect()
}

/// The memberships of these organisations as members, in groups the viewer may see.
pub async fn of_members(
    conn: &mut Conn,
    viewer: Viewer,
    members: &[OrgId],
) -> DbResult<Vec<MembershipView>> {
    if members.is_empty() {
        return Ok(vec![]);
    }
    let (a, m) = binds(viewer);
    let raw: Vec<i64> = members.iter().map(|i| i.0).collect();
    let sql = format!(
        "SELECT ms.id, g.id, g.name, o.id, o.name, o.kind, o.country, ms.role, ms.since, ms.until \
         FROM membership ms JOIN organisation g ON g.id = ms.group_id \
         JOIN organisation o ON o.id = ms.member_id \
         WHERE ms.member_id IN ({}) AND {} ORDER BY g.name, o.name",
        crate::codec::json_ints(conn, 1),
        clause("g", "organisation", true, 2)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(crate::codec::list(&raw))
        .bind(a)
        .bind(m)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(view).collect()
}

/// Every membership in groups of the given kind the viewer may see (for overlaps).
pub async fn in_groups_of_kind(
    conn: &mut Conn,
    viewer: Viewer,
    kind: &str,
) -> DbResult<Vec<MembershipView>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT ms.id, g.id, g.name, o.id, o.name, o.kind, o.country, ms.role, ms.since, ms.until \
         FROM membership ms JOIN organisation g ON g.id = ms.group_id \
         JOIN organisation o ON o.id = ms.member_id \
         WHERE g.kind = $3 AND {} ORDER BY g.name, o.name",
        clause("g", "organisation", true, 1)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .bind(kind)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(view).collect()
}

fn view(r: Row) -> DbResult<MembershipView> {
    Ok(MembershipView {
        id: MembershipId(r.0),
        group_id: OrgId(r.1),
        group_name: r.2,
        member_id: OrgId(r.3),
        member_name: r.4,
        member_kind: r.5,
        member_country: r.6,
        role: parse("membership.role", MemberRole::parse(&r.7))?,
        since: parse_opt_date("membership.since", r.8.as_deref())?,
        until: parse_opt_date("membership.until", r.9.as_deref())?,
    })
}
