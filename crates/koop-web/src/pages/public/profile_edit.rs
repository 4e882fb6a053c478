//! Writing cooperation profiles: a participant adds what their organisation offers or
//! seeks at an event, edits it, and takes it off the marketplace or back on. The
//! event's organisers may edit any of its profiles through the same form.

use crate::error::AppError;
use crate::forms::FormState;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::{EventId, ProfileId};
use koop_core::domain::profile::{Profile, ProfileKind, ProfileStatus};
use koop_core::ops::profiles::{ProfileFields, ProfileOwner, profile_from_fields};
use koop_core::policy::EventAccess;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/profiles/new", get(new_form).post(create))
        .route("/profiles/{id}/edit", get(edit_form).post(update))
        .route("/profiles/{id}/publication", post(set_publication))
}

#[derive(Template)]
#[template(path = "public/profile_form.html")]
struct ProfileForm {
    ctx: Ctx,
    event: i64,
    event_title: String,
    /// The profile being edited; `None` for a new one.
    profile: Option<i64>,
    /// Where the form goes.
    action: String,
    /// Where the publish / take-off button goes, for a stored profile.
    publication: Option<String>,
    published: bool,
    kinds: Vec<(&'static str, String)>,
    form: FormState,
}

fn page(ctx: Ctx, event: (i64, String), profile: Option<&Profile>, form: FormState) -> ProfileForm {
    let kinds = ProfileKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("profile", k.as_str())))
        .collect();
    ProfileForm {
        event: event.0,
        event_title: event.1,
        profile: profile.map(|p| p.id.0),
        action: profile.map_or_else(
            || paths::event_profile_new(EventId(event.0)),
            |p| paths::profile_edit(p.id.0),
        ),
        publication: profile.map(|p| paths::profile_publication(p.id.0)),
        published: profile.is_some_and(|p| p.status == ProfileStatus::Published),
        kinds,
        form,
        ctx,
    }
}

/// The form's fields of a stored profile.
fn values_of(p: &Profile) -> Vec<(String, String)> {
    let d = &p.data;
    let join = |v: Vec<&str>| v.join(", ");
    vec![
        ("kind".into(), d.kind.as_str().into()),
        ("title".into(), d.title.clone()),
        ("summary".into(), d.summary.clone()),
        ("description".into(), d.description.clone()),
        ("language".into(), d.language.as_str().into()),
        (
            "nace".into(),
            join(d.nace.iter().map(|c| c.as_str()).collect()),
        ),
        ("keywords".into(), d.keywords.join(", ")),
        (
            "countries_sought".into(),
            join(d.countries_sought.iter().map(|c| c.as_str()).collect()),
        ),
        (
            "languages".into(),
            join(d.languages.iter().map(|c| c.as_str()).collect()),
        ),
        (
            "deadline".into(),
            d.deadline.map(|x| x.to_string()).unwrap_or_default(),
        ),
    ]
}

fn fields(form: &FormState) -> ProfileFields<'_> {
    ProfileFields {
        kind: form.value("kind"),
        title: form.value("title"),
        summary: form.value("summary"),
        description: form.value("description"),
        language: form.value("language"),
        nace: form.value("nace"),
        keywords: form.value("keywords"),
        countries_sought: form.value("countries_sought"),
        languages: form.value("languages"),
        deadline: form.value("deadline"),
    }
}

fn refused(
    ctx: Ctx,
    event: (i64, String),
    p: Option<&Profile>,
    form: FormState,
    e: CoreError,
) -> Result<Response, AppError> {
    let form = form.with_problems(ctx.texts(), e)?;
    let page = render(page(ctx, event, p, form))?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn new_form(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (ev, access) = s
        .core
        .reader(&v.actor)
        .await?
        .event_access(EventId(id))
        .await?;
    let EventAccess::Attend(_) = access else {
        return Err(CoreError::Forbidden.into());
    };
    let form = FormState::new([
        ("kind".into(), ProfileKind::BusinessOffer.as_str().into()),
        ("language".into(), v.lang.code().into()),
    ]);
    Ok(render(page(Ctx::new(&v), (id, ev.data.title), None, form))?.into_response())
}

async fn create(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    let EventAccess::Attend(me) = access else {
        return Err(CoreError::Forbidden.into());
    };
    let org = r.participant(me).await?.org_id;
    drop(r);
    let form = FormState::new(pairs);
    let title = (id, ev.data.title.clone());
    let data = match profile_from_fields(&fields(&form)) {
        Ok(d) => d,
        Err(problems) => {
            return refused(
                Ctx::new(&v),
                title,
                None,
                form,
                CoreError::Invalid(problems),
            );
        }
    };
    let owner = ProfileOwner {
        agency: ev.agency_id,
        org,
        event: Some(event),
        participant: Some(me),
    };
    match s
        .core
        .create_profile(&v.actor, owner, ProfileStatus::Published, data)
        .await
    {
        Ok(_) => Ok(see_other_with_flash(
            &paths::event(event),
            "flash-profile_saved",
        )),
        Err(e) => refused(Ctx::new(&v), title, None, form, e),
    }
}

async fn edit_form(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let p = r.editable_profile(ProfileId(id)).await?;
    let event = p.event_id.ok_or(CoreError::NotFound)?;
    let title = r.event(event).await?.data.title;
    let form = FormState::new(values_of(&p));
    Ok(render(page(Ctx::new(&v), (event.0, title), Some(&p), form))?.into_response())
}

async fn update(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let p = r.editable_profile(ProfileId(id)).await?;
    let event = p.event_id.ok_or(CoreError::NotFound)?;
    let title = (event.0, r.event(event).await?.data.title);
    drop(r);
    let form = FormState::new(pairs);
    let result = match profile_from_fields(&fields(&form)) {
        Ok(data) => s.core.update_profile(&v.actor, p.id, data).await,
        Err(problems) => Err(CoreError::Invalid(problems)),
    };
    match result {
        Ok(()) => Ok(see_other_with_flash(
            &paths::event(event),
            "flash-profile_saved",
        )),
        Err(e) => refused(Ctx::new(&v), title, Some(&p), form, e),
    }
}

#[derive(serde::Deserialize)]
struct Publication {
    published: bool,
}

async fn set_publication(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<Publication>,
) -> Result<Response, AppError> {
    let p = s
        .core
        .reader(&v.actor)
        .await?
        .editable_profile(ProfileId(id))
        .await?;
    let event = p.event_id.ok_or(CoreError::NotFound)?;
    s.core
        .set_profile_published(&v.actor, p.id, f.published)
        .await?;
    let flash = if f.published {
        "flash-profile_published"
    } else {
        "flash-profile_archived"
    };
    Ok(see_other_with_flash(&paths::event(event), flash))
}
