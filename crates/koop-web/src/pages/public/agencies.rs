//! The agencies (tenants) and what each runs.

use crate::error::AppError;
use crate::pages::public::generic::{DetailPage, list_page};
use crate::pages::public::rows::{self};
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::AgencyId;
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agencies", get(list_agencies))
        .route("/agencies/{slug}", get(show_agency))
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
    let mut facts = vec![(
        ctx.t("report-open"),
        ctx.t("report-title"),
        Some(crate::paths::report(&agency.slug)),
    )];
    if koop_core::policy::may_change_agency_records(v.actor.viewer(), id) {
        facts.push((
            ctx.t("settlement-pipeline"),
            ctx.t("settlement-lead"),
            Some(crate::paths::SETTLEMENTS.to_owned()),
        ));
    }
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
