//! Outcomes and what they are attributed to.

use crate::codec::{date, now, parse, parse_date};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::ids::{
    ActivityId, AgencyId, AgreementId, EventId, InstrumentId, InvestorProjectId, MeetingId, OrgId,
    OutcomeId, PartnerCityId,
};
use koop_domain::outcome::{Attribution, Outcome, OutcomeData, OutcomeKind};

/// Inserts an outcome with its organisations.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    d: &OutcomeData,
    publish: bool,
) -> DbResult<OutcomeId> {
    let a = &d.attribution;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outcome (agency_id, kind, title, achieved_on, value, meeting_id, event_id, activity_id, \
         agreement_id, partner_city_id, instrument_id, network_id, cluster_id, published_at, created_at, investor_project_id) \
         VALUES ($1, $2, $3, $4, CAST($5 AS DOUBLE PRECISION), $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
    )
    .bind(agency.0)
    .bind(d.kind.as_str())
    .bind(&d.title)
    .bind(date(d.achieved_on))
    .bind(crate::codec::float(d.value))
    .bind(a.meeting_id.map(|x| x.0))
    .bind(a.event_id.map(|x| x.0))
    .bind(a.activity_id.map(|x| x.0))
    .bind(a.agreement_id.map(|x| x.0))
    .bind(a.partner_city_id.map(|x| x.0))
    .bind(a.instrument_id.map(|x| x.0))
    .bind(a.network_id.map(|x| x.0))
    .bind(a.cluster_id.map(|x| x.0))
    .bind(crate::codec::published(publish))
    .bind(now())
    .bind(a.investor_project_id.map(|x| x.0))
    .fetch_one(&mut *conn)
    .await?;
    for org in &d.org_ids {
        sqlx::query("INSERT INTO outcome_org (outcome_id, org_id) VALUES ($1, $2)")
            .bind(id)
            .bind(org.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(OutcomeId(id))
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    kind: String,
    title: String,
    achieved_on: String,
    value: Option<f64>,
    meeting_id: Option<i64>,
    event_id: Option<i64>,
    activity_id: Option<i64>,
    agreement_id: Option<i64>,
    partner_city_id: Option<i64>,
    instrument_id: Option<i64>,
    network_id: Option<i64>,
    cluster_id: Option<i64>,
    investor_project_id: Option<i64>,
}

/// What to filter outcomes by.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutcomeFilter {
    /// Attributed to this partner city.
    pub partner_city: Option<PartnerCityId>,
    /// Attributed to this agreement.
    pub agreement: Option<AgreementId>,
    /// Attributed to this event.
    pub event: Option<EventId>,
    /// Involving this organisation, or attributed to it as network or cluster.
    pub org: Option<OrgId>,
}

/// Outcomes the viewer may see, newest first.
pub async fn list_visible(
    conn: &mut Conn,
    viewer: Viewer,
    f: OutcomeFilter,
) -> DbResult<Vec<Outcome>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT t.id, t.agency_id, t.kind, t.title, t.achieved_on, t.value, t.meeting_id, t.event_id, \
         t.activity_id, t.agreement_id, t.partner_city_id, t.instrument_id, t.network_id, t.cluster_id, \
         t.investor_project_id FROM outcome t WHERE {} AND ($3 < 0 OR t.partner_city_id = $3) AND ($4 < 0 OR t.agreement_id = $4) \
         AND ($5 < 0 OR t.event_id = $5) AND ($6 < 0 OR t.network_id = $6 OR t.cluster_id = $6 OR EXISTS \
         (SELECT 1 FROM outcome_org x WHERE x.outcome_id = t.id AND x.org_id = $6)) \
         ORDER BY t.achieved_on DESC, t.id",
        clause("t", "outcome", true, 1)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .bind(f.partner_city.map_or(-1, |x| x.0))
        .bind(f.agreement.map_or(-1, |x| x.0))
        .bind(f.event.map_or(-1, |x| x.0))
        .bind(f.org.map_or(-1, |x| x.0))
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let orgs: Vec<i64> = sqlx::query_scalar(
            "SELECT org_id FROM outcome_org WHERE outcome_id = $1 ORDER BY org_id",
        )
        .bind(r.id)
        .fetch_all(&mut *conn)
        .await?;
        out.push(Outcome {
            id: OutcomeId(r.id),
            agency_id: AgencyId(r.agency_id),
            data: OutcomeData {
                kind: parse("outcome.kind", OutcomeKind::parse(&r.kind))?,
                title: r.title,
                achieved_on: parse_date("outcome.achieved_on", &r.achieved_on)?,
                value: r.value,
                org_ids: orgs.into_iter().map(OrgId).collect(),
                attribution: Attribution {
                    meeting_id: r.meeting_id.map(MeetingId),
                    event_id: r.event_id.map(EventId),
                    activity_id: r.activity_id.map(ActivityId),
                    agreement_id: r.agreement_id.map(AgreementId),
                    partner_city_id: r.partner_city_id.map(PartnerCityId),
                    instrument_id: r.instrument_id.map(InstrumentId),
                    network_id: r.network_id.map(OrgId),
                    cluster_id: r.cluster_id.map(OrgId),
                    investor_project_id: r.investor_project_id.map(InvestorProjectId),
                },
            },
        });
    }
    Ok(out)
}
