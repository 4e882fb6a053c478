//! Agency work: agreements, partner cities, activities, outcomes, agencies, audit log.

use super::rows::{self, ActivityRow, AgreementRow, OutcomeRow};
use super::{Ctx, date, number, render};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::{ActivityId, AgencyId, AgreementId, PartnerCityId};
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agreements", get(list_agreements))
        .route("/agreements/{id}", get(show_agreement))
        .route("/partner-cities", get(list_partner_cities))
        .route("/partner-cities/{id}", get(show_partner_city))
        .route("/activities", get(list_activities))
        .route("/activities/{id}", get(show_activity))
        .route("/outcomes", get(list_outcomes))
        .route("/agencies", get(list_agencies))
        .route("/agencies/{slug}", get(show_agency))
        .route("/audit", get(show_audit))
}

/// A list page: any of its tables may be empty.
#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    ctx: Ctx,
    heading: String,
    agreements: Vec<AgreementRow>,
    activities: Vec<ActivityRow>,
    outcomes: Vec<OutcomeRow>,
    /// href, label, note
    links: Vec<(String, String, String)>,
}

/// A cell: text and an optional link.
type Cell = (String, Option<String>);

/// A detail page: facts, one extra table, agreements, activities and outcomes.
#[derive(Template)]
#[template(path = "detail.html")]
struct DetailPage {
    ctx: Ctx,
    heading: String,
    /// label, value, link
    facts: Vec<(String, String, Option<String>)>,
    table_heading: String,
    table: Vec<Vec<Cell>>,
    agreements: Vec<AgreementRow>,
    activities: Vec<ActivityRow>,
    outcomes: Vec<OutcomeRow>,
}

fn list_page(ctx: Ctx, heading: &str) -> ListPage {
    ListPage {
        heading: ctx.t(heading),
        ctx,
        agreements: vec![],
        activities: vec![],
        outcomes: vec![],
        links: vec![],
    }
}

async fn list_agreements(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let all = r.agreements(None).await?;
    let mut page = list_page(ctx, "nav-agreements");
    page.agreements = all
        .iter()
        .map(|(a, p)| rows::agreement(&page.ctx, a, p))
        .collect();
    render(page)
}

async fn show_agreement(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let id = AgreementId(id);
    let (a, parties) = r.agreement(id).await?;
    let d = &a.data;
    let mut facts = vec![(
        ctx.t("field-kind"),
        ctx.kind("agreement", d.kind.as_str()),
        None,
    )];
    if let Some(s) = d.signed_on {
        facts.push((ctx.t("field-signed_on"), date(v.lang, s), None));
    }
    facts.push((
        ctx.t("field-valid"),
        rows::agreement(&ctx, &a, &parties).valid,
        None,
    ));
    facts.push((ctx.t("field-scope"), d.scope.clone(), None));
    if !d.sectors.is_empty() {
        facts.push((
            ctx.t("field-sectors"),
            d.sectors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            None,
        ));
    }
    let table = parties
        .iter()
        .map(|p| {
            vec![
                (
                    p.name.clone(),
                    Some(crate::paths::organisation(p.party.org_id)),
                ),
                (
                    p.party
                        .contribution_eur
                        .map(|c| format!("{} EUR", number(v.lang, c)))
                        .unwrap_or_default(),
                    None,
                ),
                (p.party.contribution_note.clone(), None),
            ]
        })
        .collect();
    let activities = r
        .activities(ActivityFilter {
            agreement: Some(id),
            ..ActivityFilter::default()
        })
        .await?;
    let outcomes = r
        .outcomes(OutcomeFilter {
            agreement: Some(id),
            ..OutcomeFilter::default()
        })
        .await?;
    render(DetailPage {
        heading: d.title.clone(),
        facts,
        table_heading: ctx.t("field-parties"),
        table,
        agreements: vec![],
        activities: activities.iter().map(|x| rows::activity(&ctx, x)).collect(),
        outcomes: outcomes.iter().map(|x| rows::outcome(&ctx, x)).collect(),
        ctx,
    })
}

async fn list_partner_cities(
    State(s): State<AppState>,
    v: Visitor,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let all = r.partner_cities().await?;
    let mut page = list_page(ctx, "nav-partner_cities");
    page.links = all
        .iter()
        .map(|p| {
            let since = p
                .relation
                .since
                .map(|d| format!("{} {}", page.ctx.t("field-since"), date(v.lang, d)))
                .unwrap_or_default();
            (
                crate::paths::partner_city(p.relation.id),
                format!(
                    "{} – {} ({})",
                    p.home_name, p.partner_name, p.partner_country
                ),
                since,
            )
        })
        .collect();
    render(page)
}

async fn show_partner_city(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let id = PartnerCityId(id);
    let p = r.partner_city(id).await?;
    let facts = vec![
        (
            ctx.t("nav-organisations"),
            p.home_name.clone(),
            Some(crate::paths::organisation(p.relation.home_id)),
        ),
        (
            ctx.t("field-partner_city"),
            p.partner_name.clone(),
            Some(crate::paths::organisation(p.relation.partner_id)),
        ),
        (
            ctx.t("field-since"),
            p.relation
                .since
                .map(|d| date(v.lang, d))
                .unwrap_or_default(),
            None,
        ),
        (ctx.t("field-description"), p.relation.note.clone(), None),
    ];
    let activities = r
        .activities(ActivityFilter {
            partner_city: Some(id),
            ..ActivityFilter::default()
        })
        .await?;
    let outcomes = r
        .outcomes(OutcomeFilter {
            partner_city: Some(id),
            ..OutcomeFilter::default()
        })
        .await?;
    render(DetailPage {
        heading: format!("{} – {}", p.home_name, p.partner_name),
        facts,
        table_heading: String::new(),
        table: vec![],
        agreements: vec![],
        activities: activities.iter().map(|x| rows::activity(&ctx, x)).collect(),
        outcomes: outcomes.iter().map(|x| rows::outcome(&ctx, x)).collect(),
        ctx,
    })
}

async fn list_activities(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let all = r.activities(ActivityFilter::default()).await?;
    let mut page = list_page(ctx, "nav-activities");
    page.activities = all.iter().map(|a| rows::activity(&page.ctx, a)).collect();
    render(page)
}

async fn show_activity(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let a = r.activity(ActivityId(id)).await?;
    let d = &a.data;
    let mut facts = vec![
        (
            ctx.t("field-kind"),
            ctx.kind("activity", d.kind.as_str()),
            None,
        ),
        (
            ctx.t("field-date"),
            if d.start_on == d.end_on {
                date(v.lang, d.start_on)
            } else {
                format!("{} – {}", date(v.lang, d.start_on), date(v.lang, d.end_on))
            },
            None,
        ),
        (ctx.t("field-place"), d.place.clone(), None),
    ];
    if !d.description.is_empty() {
        facts.push((ctx.t("field-description"), d.description.clone(), None));
    }
    if let Some(ev) = d.event_id {
        facts.push((
            ctx.t("nav-events"),
            r.event(ev).await.map(|x| x.data.title).unwrap_or_default(),
            Some(crate::paths::event(ev)),
        ));
    }
    if let Some(pc) = d.partner_city_id {
        facts.push((
            ctx.t("field-partner_city"),
            r.partner_city(pc)
                .await
                .map(|x| x.partner_name)
                .unwrap_or_default(),
            Some(crate::paths::partner_city(pc)),
        ));
    }
    let table = r
        .org_names(&d.org_ids)
        .await?
        .into_iter()
        .map(|(id, name, kind)| {
            vec![
                (name, Some(crate::paths::organisation(id))),
                (ctx.kind("org", &kind), None),
            ]
        })
        .collect();
    let mut agreements = Vec::new();
    for aid in &d.agreement_ids {
        if let Ok((ag, parties)) = r.agreement(*aid).await {
            agreements.push(rows::agreement(&ctx, &ag, &parties));
        }
    }
    let outcomes: Vec<_> = r
        .outcomes(OutcomeFilter::default())
        .await?
        .into_iter()
        .filter(|o| o.data.attribution.activity_id == Some(a.id))
        .collect();
    render(DetailPage {
        heading: d.title.clone(),
        facts,
        table_heading: ctx.t("field-organisations"),
        table,
        agreements,
        activities: vec![],
        outcomes: outcomes.iter().map(|x| rows::outcome(&ctx, x)).collect(),
        ctx,
    })
}

async fn list_outcomes(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let all = r.outcomes(OutcomeFilter::default()).await?;
    let mut page = list_page(ctx, "nav-outcomes");
    page.outcomes = all.iter().map(|o| rows::outcome(&page.ctx, o)).collect();
    render(page)
}

async fn list_agencies(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let all = r.agencies().await?;
    let mut page = list_page(ctx, "nav-agencies");
    page.links = all
        .into_iter()
        .map(|a| (crate::paths::agency(&a.slug), a.name, String::new()))
        .collect();
    render(page)
}

/// An agency: its instruments and goals (configuration, public), its agreements and work.
async fn show_agency(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let agencies = r.agencies().await?;
    let agency = agencies
        .into_iter()
        .find(|a| a.slug == slug)
        .ok_or_else(AppError::not_found)?;
    let id = AgencyId(agency.id);
    let mut facts = Vec::new();
    for i in r.instruments(id).await? {
        facts.push((
            ctx.t("field-instrument"),
            format!("{} – {}", i.name, i.description),
            None,
        ));
    }
    for g in r.goals(id).await? {
        facts.push((
            ctx.t("field-goals"),
            format!("{}: {}", ctx.kind("goal", g.kind.as_str()), g.description),
            None,
        ));
    }
    let agreements = r
        .agreements(None)
        .await?
        .into_iter()
        .filter(|(a, _)| a.agency_id == id)
        .map(|(a, p)| rows::agreement(&ctx, &a, &p))
        .collect();
    let activities = r
        .activities(ActivityFilter::default())
        .await?
        .into_iter()
        .filter(|a| a.agency_id == id)
        .map(|a| rows::activity(&ctx, &a))
        .collect();
    let outcomes = r
        .outcomes(OutcomeFilter::default())
        .await?
        .into_iter()
        .filter(|o| o.agency_id == id)
        .map(|o| rows::outcome(&ctx, &o))
        .collect();
    let table = r
        .events(None)
        .await?
        .into_iter()
        .filter(|x| x.agency_id == id)
        .map(|x| {
            vec![
                (x.data.title.clone(), Some(crate::paths::event(x.id))),
                (rows::event(&ctx, &x).dates, None),
            ]
        })
        .collect();
    render(DetailPage {
        heading: agency.name,
        facts,
        table_heading: ctx.t("nav-events"),
        table,
        agreements,
        activities,
        outcomes,
        ctx,
    })
}

/// The audit log of the visitor's agency (all agencies for platform admins).
async fn show_audit(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let entries = r.audit(200).await?;
    let mut page = list_page(ctx, "nav-audit");
    page.links = entries
        .into_iter()
        .map(|a| {
            (
                format!("#audit-{}", a.id),
                format!("{} · {} #{}", a.action, a.subject_kind, a.subject_id),
                a.at,
            )
        })
        .collect();
    render(page)
}
