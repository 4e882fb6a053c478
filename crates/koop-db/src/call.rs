//! Funding calls and their consortia.

use crate::codec::{list, now, opt_date, parse, parse_list, parse_opt_date};
use crate::visibility::{agency_row, agency_rows};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::call::{CallData, CallStatus, FundingCall};
use koop_domain::ids::{AgencyId, FundingCallId, OrgId};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    title: String,
    programme: String,
    topic_code: String,
    topic_text: String,
    deadline: Option<String>,
    eligible_countries: String,
    status: String,
    funding_eur: Option<f64>,
}

const COLUMNS: &str = "t.id, t.agency_id, t.title, t.programme, t.topic_code, t.topic_text, \
     t.deadline, t.eligible_countries, t.status, t.funding_eur";

/// Inserts a call, being prepared.
pub async fn insert(conn: &mut Conn, agency: AgencyId, d: &CallData) -> DbResult<FundingCallId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO funding_call (agency_id, title, programme, topic_code, topic_text, deadline, \
         eligible_countries, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(agency.0)
    .bind(&d.title)
    .bind(&d.programme)
    .bind(&d.topic_code)
    .bind(&d.topic_text)
    .bind(opt_date(d.deadline))
    .bind(list(&d.eligible_countries))
    .bind(CallStatus::Preparing.as_str())
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    Ok(FundingCallId(id))
}

/// Adds an organisation to the consortium (again: its role changes).
pub async fn add_member(
    conn: &mut Conn,
    call: FundingCallId,
    org: OrgId,
    role: &str,
) -> DbResult<()> {
    sqlx::query("DELETE FROM call_member WHERE call_id = $1 AND org_id = $2")
        .bind(call.0)
        .bind(org.0)
        .execute(&mut *conn)
        .await?;
    let position: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM call_member WHERE call_id = $1")
        .bind(call.0)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO call_member (call_id, org_id, role, position) VALUES ($1, $2, $3, $4)",
    )
    .bind(call.0)
    .bind(org.0)
    .bind(role)
    .bind(position)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Sets the status and, when won, the funding granted.
pub async fn set_status(
    conn: &mut Conn,
    call: FundingCallId,
    status: CallStatus,
    funding_eur: Option<f64>,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE funding_call SET status = $2, funding_eur = CAST($3 AS DOUBLE PRECISION) WHERE id = $1",
    )
    .bind(call.0)
    .bind(status.as_str())
    .bind(crate::codec::float(funding_eur))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The agency that owns a call.
pub async fn agency_of(conn: &mut Conn, call: FundingCallId) -> DbResult<AgencyId> {
    crate::owner::agency_of(conn, crate::owner::Owned::FundingCall, call.0).await
}

/// The calls the viewer may see (their agency's; calls are its working records).
pub async fn list_visible(conn: &mut Conn, viewer: Viewer) -> DbResult<Vec<FundingCall>> {
    let rows: Vec<Row> =
        agency_rows(conn, viewer, "funding_call", COLUMNS, "t.deadline, t.id").await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(load(conn, r).await?);
    }
    Ok(out)
}

/// One call, if the viewer may see it.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: FundingCallId) -> DbResult<FundingCall> {
    let row: Row = agency_row(conn, viewer, "funding_call", COLUMNS, id.0).await?;
    load(conn, row).await
}

async fn load(conn: &mut Conn, r: Row) -> DbResult<FundingCall> {
    let members: Vec<(i64, String)> =
        sqlx::query_as("SELECT org_id, role FROM call_member WHERE call_id = $1 ORDER BY position")
            .bind(r.id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(FundingCall {
        id: FundingCallId(r.id),
        agency_id: AgencyId(r.agency_id),
        data: CallData {
            title: r.title,
            programme: r.programme,
            topic_code: r.topic_code,
            topic_text: r.topic_text,
            deadline: parse_opt_date("funding_call.deadline", r.deadline.as_deref())?,
            eligible_countries: parse_list(
                "funding_call.eligible_countries",
                &r.eligible_countries,
            )?,
        },
        status: parse("funding_call.status", CallStatus::parse(&r.status))?,
        members: members
            .into_iter()
            .map(|(o, role)| (OrgId(o), role))
            .collect(),
        funding_eur: r.funding_eur,
    })
}
