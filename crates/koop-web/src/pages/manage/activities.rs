//! Recording an activity (a joint stand, a conference, a publication, a delegation
//! visit) with the organisations involved and the agreements, instrument and partner
//! city it serves.

use super::choices::agency_choices;
use super::own_agency;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::activity::{ActivityData, ActivityKind};
use koop_core::domain::ids::{AgencyId, AgreementId, InstrumentId, OrgId, PartnerCityId};

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        crate::paths::NEW_ACTIVITY,
        get(new_activity).post(create_activity),
    )
}

#[derive(Template)]
#[template(path = "manage/activity_form.html")]
struct ActivityPage {
    ctx: Ctx,
    form: FormState,
    kinds: Vec<(&'static str, String)>,
    orgs: Vec<(i64, String)>,
    agreements: Vec<(i64, String)>,
    instruments: Vec<(i64, String)>,
    cities: Vec<(i64, String)>,
    chosen_orgs: Vec<String>,
    chosen_agreements: Vec<String>,
}

async fn page(
    s: &AppState,
    v: &Visitor,
    agency: AgencyId,
    form: FormState,
    pairs: &Pairs,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let c = agency_choices(&mut r, agency).await?;
    let kinds = ActivityKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("activity", k.as_str())))
        .collect();
    let chosen = |name: &str| {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    render(ActivityPage {
        form,
        kinds,
        orgs: c.orgs,
        agreements: c.agreements,
        instruments: c.instruments,
        cities: c.cities,
        chosen_orgs: chosen("orgs"),
        chosen_agreements: chosen("agreements"),
        ctx,
    })
}

async fn new_activity(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    let today = chrono::Local::now().date_naive().to_string();
    let form = FormState::new([
        ("kind".into(), ActivityKind::TradeFairStand.as_str().into()),
        ("start_on".into(), today.clone()),
        ("end_on".into(), today),
    ]);
    page(&s, &v, agency, form, &vec![]).await
}

fn ids<T>(pairs: &Pairs, name: &str, make: fn(i64) -> T) -> Vec<T> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .filter_map(|(_, v)| v.parse().ok().map(make))
        .collect()
}

fn activity_data(pairs: &Pairs, form: &FormState) -> Result<ActivityData, CoreError> {
    let mut f = Fields::default();
    let kind = f.choice("kind", ActivityKind::parse(form.value("kind")));
    let start_on = f.date("start_on", form.value("start_on"));
    let end_on = f.date("end_on", form.value("end_on"));
    let instrument = f.optional_number("instrument", form.value("instrument"));
    let city = f.optional_number("partner_city", form.value("partner_city"));
    f.finish()?;
    let (Some(kind), Some(start_on), Some(end_on)) = (kind, start_on, end_on) else {
        return Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        ));
    };
    Ok(ActivityData {
        kind,
        title: form.value("title").trim().to_owned(),
        start_on,
        end_on,
        place: form.value("place").trim().to_owned(),
        description: form.value("description").trim().to_owned(),
        org_ids: ids(pairs, "orgs", OrgId),
        agreement_ids: ids(pairs, "agreements", AgreementId),
        instrument_id: instrument.map(InstrumentId),
        partner_city_id: city.map(PartnerCityId),
        event_id: None,
    })
}

async fn create_activity(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs.clone());
    let made = match activity_data(&pairs, &form) {
        Ok(d) => {
            let publish = !form.value("publish").is_empty();
            s.core.create_activity(&v.actor, agency, d, publish).await
        }
        Err(e) => Err(e),
    };
    match made {
        Ok(id) => Ok(see_other_with_flash(
            &crate::paths::activity(id),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let html = page(&s, &v, agency, form, &pairs).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
