//! Activities and their outcomes.

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
use koop_core::domain::ids::ActivityId;
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/activities", get(list_activities))
        .route("/activities/{id}", get(show_activity))
        .route("/outcomes", get(list_outcomes))
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
    let leads = r.activity_leads(a.id).await?;
    let names = r.org_names(&d.org_ids).await?;
    let table = names
        .iter()
        .map(|(id, name, kind)| {
            let collected = leads
                .iter()
                .find(|(o, _)| o == id)
                .and_then(|(_, l)| *l)
                .map(|l| {
                    ctx.texts().with(
                        "activity-leads_value",
                        vec![("count", crate::i18n::Arg::Number(l as f64))],
                    )
                })
                .unwrap_or_default();
            vec![
                (name.clone(), Some(crate::paths::organisation(*id))),
                (ctx.kind("org", kind), None),
                (collected, None),
            ]
        })
        .collect();
    let leads_form = koop_core::policy::may_change_agency_records(v.actor.viewer(), a.agency_id)
        .then(|| {
            (
                format!("{}/leads", crate::paths::activity(a.id)),
                names
                    .iter()
                    .map(|(id, name, _)| (id.0, name.clone()))
                    .collect(),
            )
        });
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
        leads_form,
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

/// Which outcomes a list shows: the records behind a figure of the dashboard.
#[derive(serde::Deserialize, Default)]
struct OutcomeQuery {
    /// Only this agency's (its short name).
    agency: Option<String>,
    /// Only this kind (`jobs`, `mou`).
    kind: Option<String>,
    /// Only this stage of the funnel (`contact` … `effect`).
    stage: Option<String>,
    /// Only this year.
    year: Option<i32>,
    /// Only those attributed to this partner-city relation.
    partner_city: Option<i64>,
    /// Only those attributed to this event.
    event: Option<i64>,
    /// Only those attributed to this network or cluster, or involving it.
    network: Option<i64>,
}

async fn list_outcomes(
    State(s): State<AppState>,
    v: Visitor,
    axum::extract::Query(q): axum::extract::Query<OutcomeQuery>,
) -> Result<Html<String>, AppError> {
    use chrono::Datelike;
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let agency = match &q.agency {
        Some(slug) => Some(
            r.agencies()
                .await?
                .into_iter()
                .find(|a| &a.slug == slug)
                .map(|a| a.id)
                .ok_or_else(AppError::not_found)?,
        ),
        None => None,
    };
    let stage = q
        .stage
        .as_deref()
        .map(|st| {
            koop_core::dashboard::STAGES
                .iter()
                .position(|x| *x == st)
                .ok_or_else(|| {
                    AppError::bad_request(
                        "stage",
                        "invalid_choice",
                        format!("'{st}' is not a stage"),
                    )
                })
        })
        .transpose()?;
    let all = r
        .outcomes(OutcomeFilter {
            partner_city: q.partner_city.map(koop_core::domain::ids::PartnerCityId),
            event: q.event.map(koop_core::domain::ids::EventId),
            org: q.network.map(koop_core::domain::ids::OrgId),
            ..OutcomeFilter::default()
        })
        .await?;
    let mut page = list_page(ctx, "nav-outcomes");
    page.outcomes = all
        .iter()
        .filter(|o| agency.is_none_or(|a| o.agency_id.0 == a))
        .filter(|o| q.kind.as_deref().is_none_or(|k| o.data.kind.as_str() == k))
        .filter(|o| stage.is_none_or(|st| koop_core::dashboard::stage_of(o.data.kind) == st))
        .filter(|o| q.year.is_none_or(|y| o.data.achieved_on.year() == y))
        .map(|o| rows::outcome(&page.ctx, o))
        .collect();
    render(page)
}
