//! Recording an outcome against what caused it: a meeting at one of the agency's
//! events, the event, an activity, an agreement, a partner city, an instrument, a
//! network or cluster. Links from an activity or a meeting prefill the cause
//! (`?activity=`, `?meeting=`).

use super::own_agency;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, day_time, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::*;
use koop_core::domain::meeting::MeetingStatus;
use koop_core::domain::org::OrgKind;
use koop_core::domain::outcome::{Attribution, OutcomeData, OutcomeKind};
use koop_core::views::ActivityFilter;
use std::collections::HashMap;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new().route(paths::NEW_OUTCOME, get(new_outcome).post(create_outcome))
}

/// Every choice of the form, as (value, label), and the meetings grouped by event.
struct Choices {
    kinds: Vec<(&'static str, String)>,
    orgs: Vec<(i64, String)>,
    groups: Vec<(i64, String)>,
    meetings: Vec<(String, Vec<(i64, String)>)>,
    events: Vec<(i64, String)>,
    activities: Vec<(i64, String)>,
    agreements: Vec<(i64, String)>,
    cities: Vec<(i64, String)>,
    instruments: Vec<(i64, String)>,
}

async fn choices(
    s: &AppState,
    v: &Visitor,
    ctx: &Ctx,
    agency: AgencyId,
) -> Result<Choices, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let c = super::choices::agency_choices(&mut r, agency).await?;
    let groups = c
        .all_orgs
        .iter()
        .filter(|o| matches!(o.data.kind, OrgKind::Network | OrgKind::Cluster))
        .map(|o| (o.id.0, o.data.name.clone()))
        .collect();
    let mut events = Vec::new();
    let mut meetings = Vec::new();
    for e in r.events(None).await? {
        if e.agency_id != agency {
            continue;
        }
        events.push((e.id.0, e.data.title.clone()));
        let held: Vec<(i64, String)> = r
            .meetings(e.id, None)
            .await?
            .into_iter()
            .filter(|m| m.status == MeetingStatus::Held)
            .map(|m| {
                let who: Vec<&str> = m.attendees.iter().map(|a| a.org_name.as_str()).collect();
                let when = m
                    .starts_at
                    .map(|t| day_time(ctx.lang, t))
                    .unwrap_or_default();
                (m.id.0, format!("{when} · {}", who.join(" – ")))
            })
            .collect();
        if !held.is_empty() {
            meetings.push((e.data.title.clone(), held));
        }
    }
    let activities = r
        .activities(ActivityFilter::default())
        .await?
        .into_iter()
        .filter(|a| a.agency_id == agency)
        .map(|a| (a.id.0, format!("{} · {}", a.data.start_on, a.data.title)))
        .collect();
    let kinds = OutcomeKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("outcome", k.as_str())))
        .collect();
    Ok(Choices {
        kinds,
        orgs: c.orgs,
        groups,
        meetings,
        events,
        activities,
        agreements: c.agreements,
        cities: c.cities,
        instruments: c.instruments,
    })
}

#[derive(Template)]
#[template(path = "manage/outcome_form.html")]
struct OutcomePage {
    ctx: Ctx,
    form: FormState,
    choices: Choices,
}

async fn new_outcome(
    State(s): State<AppState>,
    v: Visitor,
    Query(prefill): Query<HashMap<String, String>>,
) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    let ctx = Ctx::new(&v);
    let mut values: Vec<(String, String)> = vec![
        ("kind".into(), OutcomeKind::FollowUpMeeting.as_str().into()),
        (
            "achieved_on".into(),
            chrono::Local::now().date_naive().to_string(),
        ),
    ];
    for field in ["meeting", "event", "activity", "agreement", "partner_city"] {
        if let Some(v) = prefill.get(field) {
            values.push((field.into(), v.clone()));
        }
    }
    let choices = choices(&s, &v, &ctx, agency).await?;
    render(OutcomePage {
        ctx,
        form: FormState::new(values),
        choices,
    })
}

/// The day to be reminded of the follow-up, if one is asked for.
fn remind_on(form: &FormState) -> Result<Option<chrono::NaiveDate>, CoreError> {
    let mut f = Fields::default();
    let on = match form.value("remind_on").trim() {
        "" => None,
        t => f.date("remind_on", t),
    };
    f.finish()?;
    Ok(on)
}

/// The outcome as the form gives it; every problem at once.
fn outcome_data(pairs: &Pairs, form: &FormState) -> Result<OutcomeData, CoreError> {
    let mut f = Fields::default();
    let kind = f.choice("kind", OutcomeKind::parse(form.value("kind")));
    let achieved_on = f.date("achieved_on", form.value("achieved_on"));
    let value = f.optional_amount("value", form.value("value"));
    let mut id = |field: &str| f.optional_number(field, form.value(field));
    let attribution = Attribution {
        meeting_id: id("meeting").map(MeetingId),
        event_id: id("event").map(EventId),
        activity_id: id("activity").map(ActivityId),
        agreement_id: id("agreement").map(AgreementId),
        partner_city_id: id("partner_city").map(PartnerCityId),
        instrument_id: id("instrument").map(InstrumentId),
        network_id: id("network").map(OrgId),
        cluster_id: None,
        investor_project_id: None,
    };
    let org_ids: Vec<OrgId> = pairs
        .iter()
        .filter(|(k, _)| k == "orgs")
        .filter_map(|(_, v)| v.parse().ok().map(OrgId))
        .collect();
    f.finish()?;
    let (Some(kind), Some(achieved_on)) = (kind, achieved_on) else {
        return Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        ));
    };
    Ok(OutcomeData {
        kind,
        title: form.value("title").trim().to_owned(),
        achieved_on,
        value,
        org_ids,
        attribution,
    })
}

async fn create_outcome(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs.clone());
    let remind_on = remind_on(&form);
    let recorded = match (outcome_data(&pairs, &form), remind_on) {
        (Err(e), _) | (_, Err(e)) => Err(e),
        (Ok(data), Ok(remind_on)) => {
            let back = data
                .attribution
                .activity_id
                .map(paths::activity)
                .unwrap_or_else(|| paths::OUTCOMES.to_owned());
            let publish = !form.value("publish").is_empty();
            s.core
                .record_outcome_reminding(&v.actor, agency, data, publish, remind_on)
                .await
                .map(|_| back)
        }
    };
    match recorded {
        Ok(back) => Ok(see_other_with_flash(&back, "flash-saved")),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let choices = choices(&s, &v, &ctx, agency).await?;
            let page = render(OutcomePage { ctx, form, choices })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
