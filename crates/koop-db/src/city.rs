//! Partner cities, instruments and goals of a city's international office.

use crate::codec::{opt_date, parse, parse_opt_date, published};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use chrono::NaiveDate;
use koop_domain::account::Viewer;
use koop_domain::city::{
    Goal, GoalKind, Instrument, PartnerCity, RelationEvent, RelationEventKind,
};
use koop_domain::ids::{AgencyId, GoalId, InstrumentId, OrgId, PartnerCityId};
use serde::Serialize;

/// A partner-city relation with both names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerCityView {
    /// The relation.
    pub relation: PartnerCity,
    /// The home city's name.
    pub home_name: String,
    /// The partner's name.
    pub partner_name: String,
    /// The partner's country.
    pub partner_country: String,
}

/// Adds a milestone to a relation's history.
pub async fn insert_event(
    conn: &mut Conn,
    relation: PartnerCityId,
    e: &RelationEvent,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO partner_city_event (partner_city_id, on_date, kind, note, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(relation.0)
    .bind(e.on.to_string())
    .bind(e.kind.as_str())
    .bind(&e.note)
    .bind(crate::codec::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// A relation's milestones, oldest first. The caller has checked that the viewer may
/// see the relation.
pub async fn events(conn: &mut Conn, relation: PartnerCityId) -> DbResult<Vec<RelationEvent>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT on_date, kind, note FROM partner_city_event WHERE partner_city_id = $1 \
         ORDER BY on_date, id",
    )
    .bind(relation.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(on, kind, note)| {
            Ok(RelationEvent {
                on: crate::codec::parse_date("partner_city_event.on_date", &on)?,
                kind: parse("partner_city_event.kind", RelationEventKind::parse(&kind))?,
                note,
            })
        })
        .collect()
}

/// Inserts a partner-city relation.
pub async fn insert_partner(
    conn: &mut Conn,
    agency: AgencyId,
    home: OrgId,
    partner: OrgId,
    since: Option<NaiveDate>,
    note: &str,
    publish: bool,
) -> DbResult<PartnerCityId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO partner_city (agency_id, home_id, partner_id, since, note, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(agency.0)
    .bind(home.0)
    .bind(partner.0)
    .bind(opt_date(since))
    .bind(note)
    .bind(published(publish))
    .fetch_one(conn)
    .await?;
    Ok(PartnerCityId(id))
}

type Row = (
    i64,
    i64,
    i64,
    i64,
    Option<String>,
    String,
    String,
    String,
    String,
);

fn view(r: Row) -> DbResult<PartnerCityView> {
    Ok(PartnerCityView {
        relation: PartnerCity {
            id: PartnerCityId(r.0),
            agency_id: AgencyId(r.1),
            home_id: OrgId(r.2),
            partner_id: OrgId(r.3),
            since: parse_opt_date("partner_city.since", r.4.as_deref())?,
            note: r.5,
        },
        home_name: r.6,
        partner_name: r.7,
        partner_country: r.8,
    })
}

const SELECT: &str = "SELECT pc.id, pc.agency_id, pc.home_id, pc.partner_id, pc.since, pc.note, \
     h.name, p.name, p.country FROM partner_city pc \
     JOIN organisation h ON h.id = pc.home_id JOIN organisation p ON p.id = pc.partner_id";

/// Partner-city relations the viewer may see.
pub async fn list_partners(conn: &mut Conn, viewer: Viewer) -> DbResult<Vec<PartnerCityView>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "{SELECT} WHERE {} ORDER BY h.name, pc.since",
        clause("pc", "partner_city", true, 1)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(view).collect()
}

/// One partner-city relation.
pub async fn get_partner(
    conn: &mut Conn,
    viewer: Viewer,
    id: PartnerCityId,
) -> DbResult<PartnerCityView> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "{SELECT} WHERE pc.id = $1 AND {}",
        clause("pc", "partner_city", true, 2)
    );
    view(
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .bind(a)
            .bind(m)
            .fetch_one(conn)
            .await?,
    )
}

/// Inserts an instrument.
pub async fn insert_instrument(
    conn: &mut Conn,
    agency: AgencyId,
    name: &str,
    description: &str,
) -> DbResult<InstrumentId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO instrument (agency_id, name, description) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(agency.0)
    .bind(name)
    .bind(description)
    .fetch_one(conn)
    .await?;
    Ok(InstrumentId(id))
}

/// Instruments of an agency. Instruments are configuration, visible to whoever may see
/// the agency's published work.
pub async fn instruments(conn: &mut Conn, agency: Option<AgencyId>) -> DbResult<Vec<Instrument>> {
    let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT id, agency_id, name, description FROM instrument WHERE ($1 < 0 OR agency_id = $1) ORDER BY name",
    )
    .bind(agency.map_or(-1, |a| a.0))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, a, name, description)| Instrument {
            id: InstrumentId(id),
            agency_id: AgencyId(a),
            name,
            description,
        })
        .collect())
}

/// Inserts a goal.
pub async fn insert_goal(
    conn: &mut Conn,
    agency: AgencyId,
    kind: GoalKind,
    instrument: Option<InstrumentId>,
    description: &str,
) -> DbResult<GoalId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO goal (agency_id, kind, instrument_id, description) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(agency.0)
    .bind(kind.as_str())
    .bind(instrument.map(|i| i.0))
    .bind(description)
    .fetch_one(conn)
    .await?;
    Ok(GoalId(id))
}

/// Goals of an agency.
pub async fn goals(conn: &mut Conn, agency: Option<AgencyId>) -> DbResult<Vec<Goal>> {
    let rows: Vec<(i64, i64, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT id, agency_id, kind, instrument_id, description FROM goal \
         WHERE ($1 < 0 OR agency_id = $1) ORDER BY id",
    )
    .bind(agency.map_or(-1, |a| a.0))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, a, kind, instrument, description)| {
            Ok(Goal {
                id: GoalId(id),
                agency_id: AgencyId(a),
                kind: parse("goal.kind", GoalKind::parse(&kind))?,
                instrument_id: instrument.map(InstrumentId),
                description,
            })
        })
        .collect()
}

/// Sets (or replaces) a goal's target for a year.
pub async fn set_goal_target(
    conn: &mut Conn,
    goal: GoalId,
    year: i32,
    target: f64,
) -> DbResult<()> {
    sqlx::query("DELETE FROM goal_target WHERE goal_id = $1 AND year = $2")
        .bind(goal.0)
        .bind(i64::from(year))
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO goal_target (goal_id, year, target) VALUES ($1, $2, CAST($3 AS DOUBLE PRECISION))",
    )
    .bind(goal.0)
    .bind(i64::from(year))
    .bind(crate::codec::float(Some(target)))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The targets of an agency's goals: goal, year, target; by goal and year.
pub async fn goal_targets(conn: &mut Conn, agency: AgencyId) -> DbResult<Vec<(GoalId, i32, f64)>> {
    let rows: Vec<(i64, i64, f64)> = sqlx::query_as(
        "SELECT t.goal_id, t.year, t.target FROM goal_target t JOIN goal g ON g.id = t.goal_id \
         WHERE g.agency_id = $1 ORDER BY t.goal_id, t.year",
    )
    .bind(agency.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(g, y, t)| Ok((GoalId(g), parse("goal_target.year", i32::try_from(y))?, t)))
        .collect()
}

/// The agency of a goal.
pub async fn goal_agency(conn: &mut Conn, goal: GoalId) -> DbResult<AgencyId> {
    let a: i64 = sqlx::query_scalar("SELECT agency_id FROM goal WHERE id = $1")
        .bind(goal.0)
        .fetch_one(conn)
        .await?;
    Ok(AgencyId(a))
}
