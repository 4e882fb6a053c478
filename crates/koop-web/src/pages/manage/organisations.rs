//! Adding an organisation to the agency's directory.

use super::own_agency;
use crate::error::AppError;
use crate::forms::FormState;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::OrgId;
use koop_core::domain::org::{OrgKind, OrgSize};
use koop_core::ops::directory::{OrgFields, org_from_fields};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/manage/organisations/new",
            get(new_organisation).post(create_organisation),
        )
        .route("/organisations/{id}/merge", post(merge))
}

#[derive(Deserialize)]
struct MergeInput {
    #[serde(default)]
    duplicate: String,
}

/// Merges the chosen duplicate into the organisation of the page.
async fn merge(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<MergeInput>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let duplicate: i64 = f.duplicate.trim().parse().map_err(|_| {
        AppError::bad_request(
            "duplicate",
            "invalid_choice",
            format!("'{}' is not an organisation", f.duplicate),
        )
    })?;
    s.core
        .merge_organisations(&v.actor, agency, OrgId(id), OrgId(duplicate))
        .await?;
    Ok(see_other_with_flash(
        &paths::organisation(id),
        "flash-merged",
    ))
}

#[derive(Template)]
#[template(path = "manage/org_form.html")]
struct OrgForm {
    ctx: Ctx,
    form: FormState,
    kinds: Vec<(&'static str, String)>,
    sizes: Vec<(&'static str, String)>,
}

impl OrgForm {
    fn new(ctx: Ctx, form: FormState) -> OrgForm {
        let kinds = OrgKind::ALL
            .iter()
            .map(|k| (k.as_str(), ctx.kind("org", k.as_str())))
            .collect();
        let sizes = OrgSize::ALL
            .iter()
            .map(|k| (k.as_str(), ctx.kind("size", k.as_str())))
            .collect();
        OrgForm {
            ctx,
            form,
            kinds,
            sizes,
        }
    }
}

async fn new_organisation(v: Visitor) -> Result<Html<String>, AppError> {
    own_agency(&v)?;
    let form = FormState::new([("kind".into(), "company".into())]);
    render(OrgForm::new(Ctx::new(&v), form))
}

#[derive(Deserialize)]
struct OrgInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    nace: String,
    #[serde(default)]
    size: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    publish: Option<String>,
}

async fn create_organisation(
    State(s): State<AppState>,
    v: Visitor,
    Form(f): Form<OrgInput>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new([
        ("name".into(), f.name.clone()),
        ("kind".into(), f.kind.clone()),
        ("country".into(), f.country.clone()),
        ("city".into(), f.city.clone()),
        ("nace".into(), f.nace.clone()),
        ("size".into(), f.size.clone()),
        ("languages".into(), f.languages.clone()),
        ("website".into(), f.website.clone()),
        ("description".into(), f.description.clone()),
        ("publish".into(), f.publish.clone().unwrap_or_default()),
    ]);
    let parsed = org_from_fields(&OrgFields {
        name: &f.name,
        kind: &f.kind,
        country: &f.country,
        city: &f.city,
        nace: &f.nace,
        size: &f.size,
        languages: &f.languages,
        website: &f.website,
        description: &f.description,
    })
    .map_err(CoreError::Invalid);
    let created = match parsed {
        Ok(data) => {
            s.core
                .create_organisation(&v.actor, agency, data, f.publish.is_some())
                .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(id) => Ok(see_other_with_flash(
            &paths::organisation(id),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let page = render(OrgForm::new(ctx, form))?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
