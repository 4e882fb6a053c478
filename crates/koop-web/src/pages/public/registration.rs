//! Registering at an event: the company, the person, a login, the organisers'
//! questions and consent to their terms, on one form that works on a phone. The
//! registrant is logged in afterwards and lands on the event's page.

use crate::error::AppError;
use crate::forms::FormState;
use crate::pages::{Ctx, logged_in, render, see_other_with_flash};
use crate::paths;
use crate::session::{ClientAddr, Visitor};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::domain::event::Event;
use koop_core::domain::ids::EventId;
use koop_core::domain::org::OrgKind;
use koop_core::ops::directory::OrgFields;
use koop_core::ops::registration::{RegistrationForm, answer_field};

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/register", get(show_form).post(register))
}

#[derive(Template)]
#[template(path = "public/registration.html")]
struct RegistrationPage {
    ctx: Ctx,
    id: i64,
    title: String,
    open: bool,
    terms: String,
    terms_version: i64,
    /// (field name, question)
    questions: Vec<(String, String)>,
    kinds: Vec<(&'static str, String)>,
    form: FormState,
}

fn page(ctx: Ctx, ev: &Event, form: FormState) -> RegistrationPage {
    let kinds = OrgKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("org", k.as_str())))
        .collect();
    RegistrationPage {
        id: ev.id.0,
        title: ev.data.title.clone(),
        open: ev.settings.registration_open,
        terms: ev.settings.terms.clone(),
        terms_version: ev.settings.terms_version,
        questions: ev
            .settings
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (answer_field(i), q.clone()))
            .collect(),
        kinds,
        form,
        ctx,
    }
}

async fn show_form(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let ev = s.core.reader(&v.actor).await?.event(EventId(id)).await?;
    let form = FormState::new([
        ("kind".into(), OrgKind::Company.as_str().into()),
        ("ui_language".into(), v.lang.code().into()),
    ]);
    let status = if ev.settings.registration_open {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok((status, render(page(Ctx::new(&v), &ev, form))?).into_response())
}

async fn register(
    State(s): State<AppState>,
    v: Visitor,
    client: ClientAddr,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs).with_fields(&["consent"]);
    let ev = s.core.reader(&v.actor).await?.event(event).await?;
    let answers: Vec<String> = (0..ev.settings.questions.len())
        .map(|i| form.value(&answer_field(i)).to_owned())
        .collect();
    let value = |k: &str| form.value(k);
    let registration = RegistrationForm {
        org: OrgFields {
            name: value("org_name"),
            kind: value("kind"),
            country: value("country"),
            city: value("city"),
            nace: value("nace"),
            size: "",
            languages: value("languages"),
            website: value("website"),
            description: value("description"),
        },
        given_name: value("given_name"),
        family_name: value("family_name"),
        function: value("function"),
        phone: value("phone"),
        languages: value("languages"),
        email: value("email"),
        password: value("password"),
        ui_language: value("ui_language"),
        answers: answers.iter().map(String::as_str).collect(),
        consent: !value("consent").is_empty(),
        terms_version: value("terms_version").parse().unwrap_or(-1),
    };
    match s.core.register_self(&v.actor, event, registration).await {
        Ok(_) => {
            let (_, token) = s
                .core
                .login(value("email"), value("password"), &client.0)
                .await?;
            let to = see_other_with_flash(&paths::event(event), "flash-registered");
            Ok(logged_in(&token, to))
        }
        Err(e) => {
            let ctx = Ctx::new(&v);
            // The organisation's name is `name` in the core, `org_name` on this form.
            let e = rename_field(e, "name", "org_name");
            let mut form = form.with_problems(ctx.texts(), e)?;
            form.clear("password");
            let page = render(page(ctx, &ev, form))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

fn rename_field(e: koop_core::CoreError, from: &str, to: &str) -> koop_core::CoreError {
    match e {
        koop_core::CoreError::Invalid(mut problems) => {
            for p in &mut problems {
                if p.field == from {
                    p.field = to.to_owned();
                }
            }
            koop_core::CoreError::Invalid(problems)
        }
        other => other,
    }
}
