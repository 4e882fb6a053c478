//! Cooperation agreements and their parties.

use crate::error::AppError;
use crate::pages::public::generic::{DetailPage, list_page};
use crate::pages::public::rows::{self};
use crate::pages::{Ctx, date, number, render};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::AgreementId;
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agreements", get(list_agreements))
        .route("/agreements/{id}", get(show_agreement))
}

/// Which agreements a list shows: an agency's (by its address), of one year (the one
/// it was signed in, else the one it is valid from), as the co-funding ledger links.
#[derive(serde::Deserialize, Default)]
struct AgreementQuery {
    agency: Option<String>,
    year: Option<String>,
}

async fn list_agreements(
    State(s): State<AppState>,
    v: Visitor,
    Query(q): Query<AgreementQuery>,
) -> Result<Html<String>, AppError> {
    use chrono::Datelike;
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let agency = match q.agency.as_deref().filter(|a| !a.is_empty()) {
        Some(slug) => Some(
            r.agencies()
                .await?
                .into_iter()
                .find(|a| a.slug == slug)
                .map(|a| koop_core::domain::ids::AgencyId(a.id))
                .ok_or_else(AppError::not_found)?,
        ),
        None => None,
    };
    let year = match q.year.as_deref().filter(|y| !y.is_empty()) {
        Some(y) => Some(y.parse::<i32>().map_err(|_| {
            AppError::bad_request("year", "invalid_number", format!("'{y}' is not a year"))
        })?),
        None => None,
    };
    let all = r.agreements(None).await?;
    let mut page = list_page(ctx, "nav-agreements");
    if let Some(y) = year {
        page.heading = format!(
            "{} · {}",
            page.heading,
            page.ctx.texts().with(
                "dashboard-signed_in",
                vec![("year", crate::i18n::Arg::Text(y.to_string()))]
            )
        );
    }
    page.agreements = all
        .iter()
        .filter(|(a, _)| agency.is_none_or(|x| a.agency_id == x))
        .filter(|(a, _)| {
            year.is_none_or(|y| a.data.signed_on.or(a.data.valid_from).map(|d| d.year()) == Some(y))
        })
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
        leads_form: None,
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
