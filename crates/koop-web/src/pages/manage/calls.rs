//! Funding calls: the agency's calls, a form for a new one, and each call's page with
//! its consortium, the partners the engine suggests (each with its reasons and the
//! contributions its score is the sum of), and the application's result.

use super::own_agency;
use super::suggested::SuggestionView;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, date, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::call::{CallData, CallStatus};
use koop_core::domain::ids::{FundingCallId, OrgId};
use koop_core::domain::values::CountryCode;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(crate::paths::CALLS, get(list).post(create))
        .route("/manage/calls/{id}", get(show))
        .route("/manage/calls/{id}/members", post(add_member))
        .route("/manage/calls/{id}/status", post(set_status))
}

#[derive(Template)]
#[template(path = "manage/calls.html")]
struct CallsPage {
    ctx: Ctx,
    calls: Vec<(i64, String, String, String, String, usize)>,
    form: FormState,
}

async fn calls_page(s: &AppState, v: &Visitor, form: FormState) -> Result<Html<String>, AppError> {
    own_agency(v)?;
    let ctx = Ctx::new(v);
    let calls = s
        .core
        .reader(&v.actor)
        .await?
        .calls()
        .await?
        .into_iter()
        .map(|c| {
            (
                c.id.0,
                c.data.title,
                c.data.programme,
                c.data
                    .deadline
                    .map(|d| date(ctx.lang, d))
                    .unwrap_or_default(),
                ctx.kind("call", c.status.as_str()),
                c.members.len(),
            )
        })
        .collect();
    render(CallsPage { ctx, calls, form })
}

async fn list(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    calls_page(&s, &v, FormState::default()).await
}

fn call_data(form: &FormState) -> Result<CallData, CoreError> {
    let mut f = Fields::default();
    let deadline = match form.value("deadline").trim() {
        "" => None,
        t => f.date("deadline", t),
    };
    let mut countries = Vec::new();
    for c in form
        .value("eligible_countries")
        .split([',', ' ', ';'])
        .filter(|c| !c.trim().is_empty())
    {
        if let Some(c) = f.choice("eligible_countries", CountryCode::parse(c)) {
            countries.push(c);
        }
    }
    f.finish()?;
    Ok(CallData {
        title: form.value("title").trim().to_owned(),
        programme: form.value("programme").trim().to_owned(),
        topic_code: form.value("topic_code").trim().to_owned(),
        topic_text: form.value("topic_text").trim().to_owned(),
        deadline,
        eligible_countries: countries,
    })
}

async fn create(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs);
    let made = match call_data(&form) {
        Ok(d) => s.core.create_call(&v.actor, agency, d).await,
        Err(e) => Err(e),
    };
    match made {
        Ok(id) => Ok(see_other_with_flash(
            &crate::paths::call(id.0),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let page = calls_page(&s, &v, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "manage/call.html")]
struct CallPage {
    ctx: Ctx,
    id: i64,
    title: String,
    facts: Vec<(String, String)>,
    topic_text: String,
    status: String,
    won: bool,
    members: Vec<(i64, String, String)>,
    suggestions: Vec<SuggestionView>,
    statuses: Vec<(&'static str, String)>,
    form: FormState,
}

async fn call_page(
    s: &AppState,
    v: &Visitor,
    id: FundingCallId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    own_agency(v)?;
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let call = r.call(id).await?;
    let mut members = Vec::new();
    for (org, role) in &call.members {
        let o = r.org(*org).await?;
        members.push((
            org.0,
            format!("{} ({})", o.data.name, o.data.country),
            role.clone(),
        ));
    }
    let suggestions = koop_core::ops::calls::call_suggestions(&mut r, &call)
        .await?
        .into_iter()
        .map(|x| SuggestionView::new(&ctx, &x, "call-reason-topic"))
        .collect();
    let mut facts = vec![(ctx.t("call-programme"), call.data.programme.clone())];
    if !call.data.topic_code.is_empty() {
        facts.push((ctx.t("call-topic_code"), call.data.topic_code.clone()));
    }
    if let Some(d) = call.data.deadline {
        facts.push((ctx.t("call-deadline"), date(ctx.lang, d)));
    }
    if !call.data.eligible_countries.is_empty() {
        let list: Vec<&str> = call
            .data
            .eligible_countries
            .iter()
            .map(|c| c.as_str())
            .collect();
        facts.push((ctx.t("call-eligible"), list.join(", ")));
    }
    if let Some(eur) = call.funding_eur {
        facts.push((
            ctx.t("call-funding"),
            format!("{} €", crate::pages::number(ctx.lang, eur)),
        ));
    }
    let statuses = CallStatus::ALL
        .iter()
        .map(|st| (st.as_str(), ctx.kind("call", st.as_str())))
        .collect();
    render(CallPage {
        id: id.0,
        title: call.data.title.clone(),
        topic_text: call.data.topic_text.clone(),
        status: ctx.kind("call", call.status.as_str()),
        won: call.status == CallStatus::Won,
        facts,
        members,
        suggestions,
        statuses,
        form,
        ctx,
    })
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let form = FormState::new([("on".into(), chrono::Local::now().date_naive().to_string())]);
    call_page(&s, &v, FundingCallId(id), form).await
}

async fn add_member(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let form = FormState::new(pairs);
    let org: i64 = form.value("org").trim().parse().map_err(|_| {
        AppError::bad_request(
            "org",
            "invalid_choice",
            format!("'{}' is not an organisation", form.value("org")),
        )
    })?;
    s.core
        .add_call_member(&v.actor, FundingCallId(id), OrgId(org), form.value("role"))
        .await?;
    Ok(see_other_with_flash(&crate::paths::call(id), "flash-saved"))
}

async fn set_status(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let form = FormState::new(pairs);
    let mut f = Fields::default();
    let status = f.choice("status", CallStatus::parse(form.value("status")));
    let funding = f.optional_amount("funding_eur", form.value("funding_eur"));
    let on = f.date("on", form.value("on"));
    let done = match (f.finish(), status, on) {
        (Ok(()), Some(status), Some(on)) => {
            s.core
                .set_call_status(&v.actor, FundingCallId(id), status, funding, on)
                .await
        }
        (Err(e), _, _) => Err(e),
        _ => Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        )),
    };
    let to = crate::paths::call(id);
    crate::forms::after_change(&v, form, done, &to, |form| {
        call_page(&s, &v, FundingCallId(id), form)
    })
    .await
}
