//! Investor and settlement projects with their partners and dated steps.

use crate::codec::{date, now, parse, parse_date};
use crate::visibility::{agency_row, agency_rows};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::ids::{AgencyId, InstrumentId, InvestorProjectId, OrgId, PartnerCityId};
use koop_domain::settlement::{Project, ProjectData, ProjectPartner, Stage, Step};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    company_id: i64,
    title: String,
    planned_jobs: Option<i64>,
    planned_investment_eur: Option<f64>,
    site: String,
    instrument_id: Option<i64>,
    partner_city_id: Option<i64>,
    description: String,
}

const COLUMNS: &str = "t.id, t.agency_id, t.company_id, t.title, t.planned_jobs, \
     t.planned_investment_eur, t.site, t.instrument_id, t.partner_city_id, t.description";

/// Inserts a project with its partners and first step.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    d: &ProjectData,
    first: &Step,
) -> DbResult<InvestorProjectId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO investor_project (agency_id, company_id, title, planned_jobs, \
         planned_investment_eur, site, instrument_id, partner_city_id, description, created_at) \
         VALUES ($1, $2, $3, $4, CAST($5 AS DOUBLE PRECISION), $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(agency.0)
    .bind(d.company_id.0)
    .bind(&d.title)
    .bind(d.planned_jobs.map(i64::from))
    .bind(crate::codec::float(d.planned_investment_eur))
    .bind(&d.site)
    .bind(d.instrument_id.map(|x| x.0))
    .bind(d.partner_city_id.map(|x| x.0))
    .bind(&d.description)
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    for (position, p) in d.partners.iter().enumerate() {
        sqlx::query(
            "INSERT INTO investor_project_partner (project_id, org_id, role, position) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(p.org_id.0)
        .bind(&p.role)
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    let id = InvestorProjectId(id);
    add_step(conn, id, first).await?;
    Ok(id)
}

/// Adds a dated step.
pub async fn add_step(conn: &mut Conn, project: InvestorProjectId, s: &Step) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO investor_project_step (project_id, stage, on_date, note, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(project.0)
    .bind(s.stage.as_str())
    .bind(date(s.on))
    .bind(&s.note)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The agency that owns a project.
pub async fn agency_of(conn: &mut Conn, project: InvestorProjectId) -> DbResult<AgencyId> {
    crate::owner::agency_of(conn, crate::owner::Owned::InvestorProject, project.0).await
}

/// Whether an outcome already points back to the project (its settlement was recorded).
pub async fn has_outcomes(conn: &mut Conn, project: InvestorProjectId) -> DbResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outcome WHERE investor_project_id = $1")
        .bind(project.0)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// The projects the viewer may see (their agency's, or all for the platform), in the
/// order they were recorded. Projects are never published: they hold a company's plans.
pub async fn list_visible(conn: &mut Conn, viewer: Viewer) -> DbResult<Vec<Project>> {
    let rows: Vec<Row> = agency_rows(conn, viewer, "investor_project", COLUMNS, "t.id").await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(load(conn, r).await?);
    }
    Ok(out)
}

/// One project, if the viewer may see it.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: InvestorProjectId) -> DbResult<Project> {
    let row: Row = agency_row(conn, viewer, "investor_project", COLUMNS, id.0).await?;
    load(conn, row).await
}

#[derive(sqlx::FromRow)]
struct StepRow {
    stage: String,
    on_date: String,
    note: String,
}

async fn load(conn: &mut Conn, r: Row) -> DbResult<Project> {
    let partners: Vec<(i64, String)> = sqlx::query_as(
        "SELECT org_id, role FROM investor_project_partner WHERE project_id = $1 ORDER BY position",
    )
    .bind(r.id)
    .fetch_all(&mut *conn)
    .await?;
    let steps: Vec<StepRow> = sqlx::query_as(
        "SELECT stage, on_date, note FROM investor_project_step WHERE project_id = $1 \
         ORDER BY on_date, id",
    )
    .bind(r.id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(steps.len());
    for s in steps {
        out.push(Step {
            stage: parse("investor_project_step.stage", Stage::parse(&s.stage))?,
            on: parse_date("investor_project_step.on_date", &s.on_date)?,
            note: s.note,
        });
    }
    let planned_jobs = r
        .planned_jobs
        .map(|j| parse("investor_project.planned_jobs", u32::try_from(j)))
        .transpose()?;
    Ok(Project {
        id: InvestorProjectId(r.id),
        agency_id: AgencyId(r.agency_id),
        data: ProjectData {
            company_id: OrgId(r.company_id),
            title: r.title,
            planned_jobs,
            planned_investment_eur: r.planned_investment_eur,
            site: r.site,
            partners: partners
                .into_iter()
                .map(|(org, role)| ProjectPartner {
                    org_id: OrgId(org),
                    role,
                })
                .collect(),
            instrument_id: r.instrument_id.map(InstrumentId),
            partner_city_id: r.partner_city_id.map(PartnerCityId),
            description: r.description,
        },
        steps: out,
    })
}
