//! Activities and the organisations and agreements involved.

use crate::codec::{date, now, parse, parse_date, published};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::activity::{Activity, ActivityData, ActivityKind};
use koop_domain::ids::{
    ActivityId, AgencyId, AgreementId, EventId, InstrumentId, OrgId, PartnerCityId,
};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    kind: String,
    title: String,
    start_on: String,
    end_on: String,
    place: String,
    description: String,
    instrument_id: Option<i64>,
    partner_city_id: Option<i64>,
    event_id: Option<i64>,
    published_at: Option<String>,
}

const COLUMNS: &str = "t.id, t.agency_id, t.kind, t.title, t.start_on, t.end_on, t.place, \
     t.description, t.instrument_id, t.partner_city_id, t.event_id, t.published_at";

/// Inserts an activity with its organisations and agreements.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    data: &ActivityData,
    publish: bool,
) -> DbResult<ActivityId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO activity (agency_id, kind, title, start_on, end_on, place, description, \
         instrument_id, partner_city_id, event_id, published_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(agency.0)
    .bind(data.kind.as_str())
    .bind(&data.title)
    .bind(date(data.start_on))
    .bind(date(data.end_on))
    .bind(&data.place)
    .bind(&data.description)
    .bind(data.instrument_id.map(|i| i.0))
    .bind(data.partner_city_id.map(|i| i.0))
    .bind(data.event_id.map(|i| i.0))
    .bind(published(publish))
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    for org in &data.org_ids {
        sqlx::query("INSERT INTO activity_org (activity_id, org_id) VALUES ($1, $2)")
            .bind(id)
            .bind(org.0)
            .execute(&mut *conn)
            .await?;
    }
    for a in &data.agreement_ids {
        sqlx::query("INSERT INTO activity_agreement (activity_id, agreement_id) VALUES ($1, $2)")
            .bind(id)
            .bind(a.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(ActivityId(id))
}

/// A filter for activity lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActivityFilter {
    /// Only activities involving this organisation.
    pub org: Option<OrgId>,
    /// Only those under this agreement.
    pub agreement: Option<AgreementId>,
    /// Only those of this partner-city relation.
    pub partner_city: Option<PartnerCityId>,
    /// Only those of this event.
    pub event: Option<EventId>,
}

/// Activities the viewer may see, newest first.
pub async fn list_visible(
    conn: &mut Conn,
    viewer: Viewer,
    f: ActivityFilter,
) -> DbResult<Vec<Activity>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM activity t WHERE {} \
         AND ($3 < 0 OR EXISTS (SELECT 1 FROM activity_org x WHERE x.activity_id = t.id AND x.org_id = $3)) \
         AND ($4 < 0 OR EXISTS (SELECT 1 FROM activity_agreement x WHERE x.activity_id = t.id AND x.agreement_id = $4)) \
         AND ($5 < 0 OR t.partner_city_id = $5) AND ($6 < 0 OR t.event_id = $6) \
         ORDER BY t.start_on DESC, t.id",
        clause("t", "activity", true, 1)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .bind(f.org.map_or(-1, |x| x.0))
        .bind(f.agreement.map_or(-1, |x| x.0))
        .bind(f.partner_city.map_or(-1, |x| x.0))
        .bind(f.event.map_or(-1, |x| x.0))
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(load(conn, r).await?);
    }
    Ok(out)
}

/// One activity.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: ActivityId) -> DbResult<Activity> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM activity t WHERE t.id = $1 AND {}",
        clause("t", "activity", true, 2)
    );
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .bind(a)
        .bind(m)
        .fetch_one(&mut *conn)
        .await?;
    load(conn, row).await
}

async fn load(conn: &mut Conn, r: Row) -> DbResult<Activity> {
    let orgs: Vec<i64> = sqlx::query_scalar(
        "SELECT org_id FROM activity_org WHERE activity_id = $1 ORDER BY org_id",
    )
    .bind(r.id)
    .fetch_all(&mut *conn)
    .await?;
    let agreements: Vec<i64> = sqlx::query_scalar(
        "SELECT agreement_id FROM activity_agreement WHERE activity_id = $1 ORDER BY agreement_id",
    )
    .bind(r.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Activity {
        id: ActivityId(r.id),
        agency_id: AgencyId(r.agency_id),
        data: ActivityData {
            kind: parse("activity.kind", ActivityKind::parse(&r.kind))?,
            title: r.title,
            start_on: parse_date("activity.start_on", &r.start_on)?,
            end_on: parse_date("activity.end_on", &r.end_on)?,
            place: r.place,
            description: r.description,
            org_ids: orgs.into_iter().map(OrgId).collect(),
            agreement_ids: agreements.into_iter().map(AgreementId).collect(),
            instrument_id: r.instrument_id.map(InstrumentId),
            partner_city_id: r.partner_city_id.map(PartnerCityId),
            event_id: r.event_id.map(EventId),
        },
        published: r.published_at.is_some(),
    })
}

/// Sets the leads an organisation of an activity collected; `false` if it is not one
/// of the activity's organisations.
pub async fn set_leads(
    conn: &mut Conn,
    activity: ActivityId,
    org: OrgId,
    leads: Option<u32>,
) -> DbResult<bool> {
    let done =
        sqlx::query("UPDATE activity_org SET leads = $3 WHERE activity_id = $1 AND org_id = $2")
            .bind(activity.0)
            .bind(org.0)
            .bind(leads.map(i64::from))
            .execute(conn)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// The leads per organisation of an activity (the caller has checked the activity is
/// visible).
pub async fn leads(conn: &mut Conn, activity: ActivityId) -> DbResult<Vec<(OrgId, Option<i64>)>> {
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT org_id, leads FROM activity_org WHERE activity_id = $1 ORDER BY org_id",
    )
    .bind(activity.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(o, l)| (OrgId(o), l)).collect())
}
