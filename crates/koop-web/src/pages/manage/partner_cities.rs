//! Recording a partner-city relation: the office's own city, the partner city or
//! region, since when, and what it is about. Its history grows on its page.

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
use koop_core::domain::ids::{AgencyId, OrgId};
use koop_core::domain::org::OrgKind;
use koop_core::views::OrgFilter;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        crate::paths::NEW_PARTNER_CITY,
        get(new_relation).post(create),
    )
}

#[derive(Template)]
#[template(path = "manage/partner_city_form.html")]
struct RelationForm {
    ctx: Ctx,
    homes: Vec<(i64, String)>,
    partners: Vec<(i64, String)>,
    form: FormState,
}

async fn form_page(
    s: &AppState,
    v: &Visitor,
    agency: AgencyId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let label = |o: &koop_core::domain::org::Organisation| {
        (o.id.0, format!("{} ({})", o.data.name, o.data.country))
    };
    let homes = r
        .orgs(&OrgFilter {
            kinds: vec![OrgKind::Municipality],
            agency: Some(agency),
            ..OrgFilter::default()
        })
        .await?
        .iter()
        .map(label)
        .collect();
    let partners = r
        .orgs(&OrgFilter {
            kinds: vec![OrgKind::Municipality],
            ..OrgFilter::default()
        })
        .await?
        .iter()
        .map(label)
        .collect();
    render(RelationForm {
        ctx: Ctx::new(v),
        homes,
        partners,
        form,
    })
}

async fn new_relation(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    form_page(&s, &v, agency, FormState::default()).await
}

async fn create(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs).with_fields(&["home", "partner", "publish"]);
    let mut f = Fields::default();
    let home = f.optional_number("home", form.value("home"));
    let partner = f.optional_number("partner", form.value("partner"));
    let since = match form.value("since").trim() {
        "" => None,
        t => f.date("since", t),
    };
    let made = match (f.finish(), home, partner) {
        (Err(e), _, _) => Err(e),
        (Ok(()), Some(home), Some(partner)) => {
            s.core
                .create_partner_city(
                    &v.actor,
                    agency,
                    OrgId(home),
                    OrgId(partner),
                    since,
                    form.value("note"),
                    !form.value("publish").is_empty(),
                )
                .await
        }
        (Ok(()), home, _) => Err(CoreError::field(koop_core::domain::DomainError::new(
            if home.is_none() { "home" } else { "partner" },
            "required",
            "choose both cities",
        ))),
    };
    match made {
        Ok(id) => Ok(see_other_with_flash(
            &crate::paths::partner_city(id),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let page = form_page(&s, &v, agency, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
