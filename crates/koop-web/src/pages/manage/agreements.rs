//! Recording a cooperation agreement with its parties and what each contributes: the
//! entries of the co-funding ledger.

use super::own_agency;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::agreement::{AgreementData, AgreementKind, AgreementParty};
use koop_core::domain::ids::{AgencyId, OrgId};
use koop_core::domain::values::NaceCode;

type Pairs = Vec<(String, String)>;

/// How many party rows the form offers.
const PARTY_ROWS: usize = 4;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        paths::NEW_AGREEMENT,
        get(new_agreement).post(create_agreement),
    )
}

#[derive(Template)]
#[template(path = "manage/agreement_form.html")]
struct AgreementPage {
    ctx: Ctx,
    form: FormState,
    kinds: Vec<(&'static str, String)>,
    orgs: Vec<(i64, String)>,
    rows: Vec<usize>,
}

async fn page(
    s: &AppState,
    v: &Visitor,
    agency: AgencyId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let orgs = super::choices::agency_choices(&mut r, agency).await?.orgs;
    let kinds = AgreementKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("agreement", k.as_str())))
        .collect();
    render(AgreementPage {
        ctx,
        form,
        kinds,
        orgs,
        rows: (0..PARTY_ROWS).collect(),
    })
}

async fn new_agreement(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new([("kind".into(), AgreementKind::Cooperation.as_str().into())]);
    page(&s, &v, agency, form).await
}

fn optional_date(f: &mut Fields, form: &FormState, field: &str) -> Option<chrono::NaiveDate> {
    match form.value(field).trim() {
        "" => None,
        t => f.date(field, t),
    }
}

fn agreement_data(form: &FormState) -> Result<AgreementData, CoreError> {
    let mut f = Fields::default();
    let kind = f.choice("kind", AgreementKind::parse(form.value("kind")));
    let signed_on = optional_date(&mut f, form, "signed_on");
    let valid_from = optional_date(&mut f, form, "valid_from");
    let valid_until = optional_date(&mut f, form, "valid_until");
    let mut sectors = Vec::new();
    for code in form
        .value("sectors")
        .split([',', ';', '|'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        if let Some(c) = f.choice("sectors", NaceCode::parse(code)) {
            sectors.push(c);
        }
    }
    let mut parties = Vec::new();
    for i in 0..PARTY_ROWS {
        let Some(org) = f.optional_number("parties", form.value(&format!("party_{i}"))) else {
            continue;
        };
        let field = format!("contribution_{i}");
        let eur = f.optional_amount("contribution", form.value(&field));
        parties.push(AgreementParty {
            org_id: OrgId(org),
            contribution_eur: eur,
            contribution_note: form.value(&format!("note_{i}")).trim().to_owned(),
        });
    }
    f.finish()?;
    let Some(kind) = kind else {
        return Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        ));
    };
    Ok(AgreementData {
        title: form.value("title").trim().to_owned(),
        kind,
        signed_on,
        valid_from,
        valid_until,
        scope: form.value("scope").trim().to_owned(),
        sectors,
        parties,
    })
}

async fn create_agreement(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs);
    let created = match agreement_data(&form) {
        Ok(data) => {
            let publish = !form.value("publish").is_empty();
            s.core
                .create_agreement(&v.actor, agency, data, publish)
                .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(id) => Ok(see_other_with_flash(&paths::agreement(id), "flash-saved")),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let html = page(&s, &v, agency, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
