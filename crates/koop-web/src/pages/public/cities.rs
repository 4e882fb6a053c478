//! Partner cities: each relation with where it stands and its history, and what came
//! of it.

use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::public::generic::list_page;
use crate::pages::public::rows::{self};
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use koop_core::CoreError;
use koop_core::domain::city::{RelationEvent, RelationEventKind};
use koop_core::domain::ids::PartnerCityId;
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/partner-cities", get(list_partner_cities))
        .route("/partner-cities/{id}", get(show_partner_city))
        .route("/partner-cities/{id}/history", post(add_milestone))
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

/// A partner-city relation: both cities, since when, where it stands, and its history
/// (its milestones, the activities and the outcomes on one time line), with a form
/// for the office's staff to add a milestone.
#[derive(Template)]
#[template(path = "public/partner_city.html")]
struct PartnerCityPage {
    ctx: Ctx,
    id: i64,
    heading: String,
    facts: Vec<(String, String, Option<String>)>,
    status: String,
    /// Day, what kind of entry (tag), text, link.
    history: Vec<(String, String, String, Option<String>)>,
    /// For staff of the office: the milestone kinds to choose from.
    milestone_kinds: Option<Vec<(&'static str, String)>>,
    form: FormState,
    activities: Vec<rows::ActivityRow>,
    outcomes: Vec<rows::OutcomeRow>,
}

async fn partner_city_page(
    s: &AppState,
    v: &Visitor,
    id: PartnerCityId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let p = r.partner_city(id).await?;
    let milestones = r.partner_city_history(id).await?;
    let facts = vec![
        (
            ctx.t("city-home"),
            p.home_name.clone(),
            Some(crate::paths::organisation(p.relation.home_id)),
        ),
        (
            ctx.t("field-partner_city"),
            format!("{} ({})", p.partner_name, p.partner_country),
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
    let mut dated: Vec<(NaiveDate, String, String, Option<String>)> = milestones
        .iter()
        .map(|m| {
            (
                m.on,
                ctx.kind("milestone", m.kind.as_str()),
                m.note.clone(),
                None,
            )
        })
        .collect();
    dated.extend(activities.iter().map(|a| {
        (
            a.data.start_on,
            ctx.kind("activity", a.data.kind.as_str()),
            a.data.title.clone(),
            Some(crate::paths::activity(a.id)),
        )
    }));
    dated.extend(outcomes.iter().map(|o| {
        let row = rows::outcome(&ctx, o);
        (o.data.achieved_on, row.kind, row.title, row.link)
    }));
    dated.sort_by_key(|x| x.0);
    let manage =
        koop_core::policy::may_change_agency_records(v.actor.viewer(), p.relation.agency_id);
    render(PartnerCityPage {
        id: id.0,
        heading: format!("{} – {}", p.home_name, p.partner_name),
        facts,
        status: ctx.kind(
            "relation",
            koop_core::domain::city::relation_status(&milestones).as_str(),
        ),
        history: dated
            .into_iter()
            .map(|(on, tag, text, link)| (date(v.lang, on), tag, text, link))
            .collect(),
        milestone_kinds: manage.then(|| {
            RelationEventKind::ALL
                .iter()
                .map(|k| (k.as_str(), ctx.kind("milestone", k.as_str())))
                .collect()
        }),
        form,
        activities: activities.iter().map(|x| rows::activity(&ctx, x)).collect(),
        outcomes: outcomes.iter().map(|x| rows::outcome(&ctx, x)).collect(),
        ctx,
    })
}

async fn show_partner_city(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    partner_city_page(&s, &v, PartnerCityId(id), FormState::default()).await
}

/// Adds a milestone to the relation's history.
async fn add_milestone(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = FormState::new(pairs);
    let mut f = Fields::default();
    let on = f.date("on", form.value("on"));
    let kind = f.choice("kind", RelationEventKind::parse(form.value("kind")));
    let done = match (f.finish(), on, kind) {
        (Err(e), _, _) => Err(e),
        (Ok(()), Some(on), Some(kind)) => {
            let event = RelationEvent {
                on,
                kind,
                note: form.value("note").trim().to_owned(),
            };
            s.core
                .add_partner_city_event(&v.actor, PartnerCityId(id), event)
                .await
        }
        (Ok(()), _, _) => Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        )),
    };
    let to = crate::paths::partner_city(PartnerCityId(id));
    crate::forms::after_change(&v, form, done, &to, |form| {
        partner_city_page(&s, &v, PartnerCityId(id), form)
    })
    .await
}
