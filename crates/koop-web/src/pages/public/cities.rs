//! Partner cities and what came of each relation.

use crate::error::AppError;
use crate::pages::public::generic::{DetailPage, list_page};
use crate::pages::public::rows::{self};
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::PartnerCityId;
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/partner-cities", get(list_partner_cities))
        .route("/partner-cities/{id}", get(show_partner_city))
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
        leads_form: None,
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
