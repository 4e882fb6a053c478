//! One membership of a network or cluster: its role and dates, and the day it ended.
//! An ended membership stays in the group's history; overlaps, suggestions and
//! recommendations count current members only.

use super::own_agency;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::MembershipId;
use koop_core::domain::membership::MemberRole;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new().route("/memberships/{id}", get(show).post(save))
}

#[derive(Template)]
#[template(path = "manage/membership.html")]
struct MembershipPage {
    ctx: Ctx,
    id: i64,
    group: (i64, String),
    member: (i64, String),
    roles: Vec<(&'static str, String)>,
    form: FormState,
}

async fn page(
    s: &AppState,
    v: &Visitor,
    id: i64,
    form: Option<FormState>,
) -> Result<Html<String>, AppError> {
    own_agency(v)?;
    let mut r = s.core.reader(&v.actor).await?;
    let m = r.membership(MembershipId(id)).await?;
    // Anyone may see a published group's members; only its agency changes them.
    let group = r.org(m.group_id).await?;
    if !koop_core::policy::may_change_agency_records(v.actor.viewer(), group.agency_id) {
        return Err(CoreError::Forbidden.into());
    }
    let ctx = Ctx::new(v);
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let form = form.unwrap_or_else(|| {
        FormState::new([
            ("role".to_owned(), m.role.as_str().to_owned()),
            ("since".to_owned(), day(m.since)),
            ("until".to_owned(), day(m.until)),
        ])
    });
    render(MembershipPage {
        id,
        group: (m.group_id.0, m.group_name),
        member: (m.member_id.0, m.member_name),
        roles: MemberRole::ALL
            .iter()
            .map(|r| (r.as_str(), ctx.kind("role", r.as_str())))
            .collect(),
        form,
        ctx,
    })
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    page(&s, &v, id, None).await
}

fn optional_day(f: &mut Fields, form: &FormState, field: &str) -> Option<chrono::NaiveDate> {
    match form.value(field).trim() {
        "" => None,
        t => f.date(field, t),
    }
}

async fn save(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let form = FormState::new(pairs);
    let mut f = Fields::default();
    let role = f.choice("role", MemberRole::parse(form.value("role")));
    let since = optional_day(&mut f, &form, "since");
    let until = optional_day(&mut f, &form, "until");
    let done = match (f.finish(), role) {
        (Err(e), _) => Err(e),
        (Ok(()), Some(role)) => {
            s.core
                .change_membership(&v.actor, MembershipId(id), role, since, until)
                .await
        }
        (Ok(()), None) => Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        )),
    };
    let to = match &done {
        Ok(group) => crate::paths::organisation(group.0),
        Err(_) => String::new(),
    };
    crate::forms::after_change(&v, form, done.map(|_| ()), &to, |form| {
        page(&s, &v, id, Some(form))
    })
    .await
}
