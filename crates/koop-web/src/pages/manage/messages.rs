//! Organisers write to participants: one, a group chosen by status, country or a
//! missing profile, or all. Each gets the mail in their language's frame, with the
//! organisers' own text as they wrote it.

use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::i18n::Arg;
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::event::ParticipantStatus;
use koop_core::domain::ids::{EventId, ParticipantId};
use koop_core::ops::mailing::Recipients;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/messages", get(show_form).post(send))
        .route("/events/{id}/surveys", axum::routing::post(send_survey))
}

#[derive(Template)]
#[template(path = "manage/messages.html")]
struct MessagesPage {
    ctx: Ctx,
    id: i64,
    title: String,
    /// (id, organisation and person)
    participants: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    /// What was queued, after a send.
    done: Option<String>,
    /// Whether the visitor may send the surveys.
    surveys: bool,
    form: FormState,
}

#[derive(Deserialize)]
struct Preset {
    participant: Option<i64>,
}

async fn page(
    s: &AppState,
    v: &Visitor,
    event: EventId,
    form: FormState,
    done: Option<String>,
) -> Result<MessagesPage, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::Registrations)
        .await?;
    let title = r.event(event).await?.data.title;
    let surveys = r
        .tasks(event)
        .await?
        .contains(koop_core::domain::task::Task::FollowUp);
    let mut participants = vec![(String::new(), ctx.t("msg-everyone"))];
    participants.extend(r.participants(event).await?.into_iter().map(|p| {
        let person = p.person_name.unwrap_or_default();
        (p.id.0.to_string(), format!("{} · {person}", p.org_name))
    }));
    let mut statuses = vec![(String::new(), ctx.t("msg-any_status"))];
    statuses.extend(
        ParticipantStatus::ALL
            .iter()
            .map(|st| (st.as_str().to_owned(), ctx.kind("participant", st.as_str()))),
    );
    Ok(MessagesPage {
        id: event.0,
        title,
        participants,
        statuses,
        done,
        surveys,
        form,
        ctx,
    })
}

async fn show_form(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(preset): Query<Preset>,
) -> Result<Response, AppError> {
    let form = FormState::new([(
        "participant".into(),
        preset
            .participant
            .map(|p| p.to_string())
            .unwrap_or_default(),
    )]);
    Ok(render(page(&s, &v, EventId(id), form, None).await?)?.into_response())
}

fn recipients(form: &FormState) -> Result<Recipients, CoreError> {
    let mut f = Fields::default();
    let participant = f
        .optional_number("participant", form.value("participant"))
        .map(ParticipantId);
    let status = match form.value("status") {
        "" => None,
        st => f.choice("status", ParticipantStatus::parse(st)),
    };
    f.finish()?;
    let country = form.value("country").trim();
    Ok(Recipients {
        participant,
        status,
        country: (!country.is_empty()).then(|| country.to_uppercase()),
        without_profile: !form.value("without_profile").is_empty(),
    })
}

async fn send(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs).with_fields(&["without_profile"]);
    let result = match recipients(&form) {
        Ok(to) => {
            s.core
                .write_to_participants(
                    &v.actor,
                    event,
                    &to,
                    form.value("subject"),
                    form.value("body"),
                )
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(n) => {
            let done = v
                .lang
                .texts()
                .with("msg-queued", vec![("count", Arg::from(n))]);
            let form = FormState::new([]);
            Ok(render(page(&s, &v, event, form, Some(done)).await?)?.into_response())
        }
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let page = render(page(&s, &v, event, form, None).await?)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize)]
struct SurveyChoice {
    kind: String,
}

async fn send_survey(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<SurveyChoice>,
) -> Result<Response, AppError> {
    use koop_core::ops::follow_up::Survey;
    let survey = match f.kind.as_str() {
        "feedback" => Survey::Feedback,
        "follow_up" => Survey::FollowUp,
        other => {
            return Err(CoreError::field(
                koop_core::domain::DomainError::new(
                    "kind",
                    "invalid_choice",
                    format!("'{other}' is not feedback or follow_up"),
                )
                .with("value", other)
                .with("choices", "feedback, follow_up"),
            )
            .into());
        }
    };
    let event = EventId(id);
    match s.core.send_survey(&v.actor, event, survey).await {
        Ok(n) => {
            let done = v
                .lang
                .texts()
                .with("survey-sent", vec![("count", Arg::from(n))]);
            Ok(render(page(&s, &v, event, FormState::new([]), Some(done)).await?)?.into_response())
        }
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = FormState::new([]).with_problems(ctx.texts(), e)?;
            let page = render(page(&s, &v, event, form, None).await?)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
