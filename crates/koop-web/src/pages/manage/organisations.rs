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
        .route(
            "/organisations/{id}/edit",
            get(edit_organisation).post(save_organisation),
        )
        .route("/organisations/{id}/archive", post(archive))
        .route("/organisations/{id}/members", post(add_member))
        .route("/activities/{id}/leads", post(set_leads))
}

/// The form for an organisation, filled with what it holds now.
async fn edit_organisation(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    own_agency(&v)?;
    let o = s.core.reader(&v.actor).await?.org(OrgId(id)).await?;
    if !koop_core::policy::may_change_agency_records(v.actor.viewer(), o.agency_id) {
        return Err(CoreError::Forbidden.into());
    }
    let d = &o.data;
    let join = |items: Vec<String>| items.join(", ");
    let form = FormState::new([
        ("name".into(), d.name.clone()),
        ("kind".into(), d.kind.as_str().into()),
        ("country".into(), d.country.to_string()),
        ("city".into(), d.city.clone()),
        (
            "nace".into(),
            join(d.nace.iter().map(ToString::to_string).collect()),
        ),
        (
            "size".into(),
            d.size.map(|x| x.as_str().to_owned()).unwrap_or_default(),
        ),
        (
            "languages".into(),
            join(d.languages.iter().map(ToString::to_string).collect()),
        ),
        ("website".into(), d.website.clone().unwrap_or_default()),
        ("description".into(), d.description.clone()),
    ]);
    render(OrgForm::editing(Ctx::new(&v), form, id))
}

fn form_of(f: &OrgInput) -> FormState {
    FormState::new([
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
    ])
}

fn org_data(f: &OrgInput) -> Result<koop_core::domain::org::OrgData, CoreError> {
    org_from_fields(&OrgFields {
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
    .map_err(CoreError::Invalid)
}

async fn save_organisation(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<OrgInput>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let saved = match org_data(&f) {
        Ok(data) => s.core.update_organisation(&v.actor, OrgId(id), data).await,
        Err(e) => Err(e),
    };
    match saved {
        Ok(()) => Ok(see_other_with_flash(
            &paths::organisation(id),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form_of(&f).with_problems(ctx.texts(), e)?;
            let page = render(OrgForm::editing(ctx, form, id))?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize)]
struct MemberInput {
    #[serde(default)]
    member: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    since: String,
}

/// Adds a member to a network or cluster, with its role and since when.
async fn add_member(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<MemberInput>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let mut fields = crate::forms::Fields::default();
    let member = fields.optional_number("member", &f.member);
    let role = fields.choice(
        "role",
        koop_core::domain::membership::MemberRole::parse(&f.role),
    );
    let since = match f.since.trim() {
        "" => None,
        t => fields.date("since", t),
    };
    fields.finish()?;
    let (Some(member), Some(role)) = (member, role) else {
        return Err(CoreError::field(koop_core::domain::DomainError::new(
            "member",
            "required",
            "choose the member",
        ))
        .into());
    };
    s.core
        .add_member(&v.actor, OrgId(id), OrgId(member), role, since)
        .await?;
    Ok(see_other_with_flash(
        &paths::organisation(id),
        "flash-saved",
    ))
}

#[derive(Deserialize)]
struct LeadsInput {
    #[serde(default)]
    org: String,
    #[serde(default)]
    leads: String,
}

/// Records the leads an organisation collected at an activity (empty clears them).
async fn set_leads(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<LeadsInput>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let mut fields = crate::forms::Fields::default();
    let org = fields.optional_number("org", &f.org);
    let leads = fields.optional_number("leads", &f.leads);
    fields.finish()?;
    let org = org.ok_or_else(|| {
        AppError::bad_request("org", "required", "choose the organisation".into())
    })?;
    let leads = leads.map(u32::try_from).transpose().map_err(|_| {
        AppError::bad_request(
            "leads",
            "invalid_number",
            format!("'{}' is not a count", f.leads),
        )
    })?;
    s.core
        .set_activity_leads(
            &v.actor,
            koop_core::domain::ids::ActivityId(id),
            OrgId(org),
            leads,
        )
        .await?;
    Ok(see_other_with_flash(&paths::activity(id), "flash-saved"))
}

#[derive(Deserialize)]
struct ArchiveInput {
    #[serde(default)]
    archived: String,
}

/// Archives an organisation (`archived=true`) or restores it.
async fn archive(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<ArchiveInput>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    s.core
        .archive_organisation(&v.actor, OrgId(id), f.archived == "true")
        .await?;
    Ok(see_other_with_flash(
        &paths::organisation(id),
        "flash-saved",
    ))
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
    /// Where the form posts to: the new-organisation address, or an organisation's edit.
    action: String,
    /// Whether an existing organisation is edited (publication is not changed here).
    editing: bool,
}

impl OrgForm {
    fn editing(ctx: Ctx, form: FormState, id: i64) -> OrgForm {
        let mut f = OrgForm::new(ctx, form);
        f.action = format!("{}/edit", paths::organisation(id));
        f.editing = true;
        f
    }

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
            action: paths::NEW_ORGANISATION.to_owned(),
            editing: false,
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
    let form = form_of(&f);
    let created = match org_data(&f) {
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
