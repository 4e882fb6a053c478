//! Setting an event up: a new event, then on one page its fields and organisers, its
//! registration and matchmaking settings, its venues and its sessions. Each part is
//! its own form; a refused one comes back with its values and problems, the others
//! as stored.

use super::own_agency;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, day_time, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::{Duration, NaiveDate};
use koop_core::CoreError;
use koop_core::domain::event::Break;
use koop_core::domain::event::{Event, EventData, EventKind, SessionData, SessionKind, Venue};
use koop_core::domain::ids::{EventId, OrgId, SessionId, VenueId};
use koop_core::domain::org::OrgKind;
use koop_core::domain::settings::{EventSettings, RequestMode, SchedulingMode};
use koop_core::views::OrgFilter;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(paths::NEW_EVENT, get(new_event).post(create_event))
        .route("/events/{id}/setup", get(show_setup).post(save_event))
        .route("/events/{id}/setup/settings", post(save_settings))
        .route("/events/{id}/setup/publication", post(publish))
        .route("/events/{id}/setup/venues", post(add_venue))
        .route("/events/{id}/setup/travel", post(save_travel))
        .route(
            "/events/{id}/setup/venues/{venue}/remove",
            post(remove_venue),
        )
        .route("/events/{id}/setup/sessions", post(add_session))
        .route(
            "/events/{id}/setup/sessions/{session}/remove",
            post(remove_session),
        )
}

/// The kinds of organisation that run events (not companies).
const ORGANISER_KINDS: &[OrgKind] = &[
    OrgKind::DevelopmentAgency,
    OrgKind::Chamber,
    OrgKind::Association,
    OrgKind::Network,
    OrgKind::Cluster,
    OrgKind::Municipality,
    OrgKind::Ministry,
    OrgKind::LocationCompany,
    OrgKind::Embassy,
    OrgKind::University,
    OrgKind::ResearchInstitute,
    OrgKind::Other,
];

/// What the event form offers: its kinds and the organisations that may run it.
struct EventChoices {
    kinds: Vec<(&'static str, String)>,
    /// (id, name, chosen)
    organisers: Vec<(i64, String, bool)>,
}

async fn event_choices(
    s: &AppState,
    v: &Visitor,
    ctx: &Ctx,
    chosen: &[OrgId],
) -> Result<EventChoices, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let mut orgs: Vec<(OrgId, String)> = r
        .orgs(&OrgFilter {
            kinds: ORGANISER_KINDS.to_vec(),
            ..OrgFilter::default()
        })
        .await?
        .into_iter()
        .map(|o| (o.id, o.data.name))
        .collect();
    // The agency's own organisation, and those chosen already, whatever their kind.
    let mut always = chosen.to_vec();
    if let Some(agency) = v.account().and_then(|a| a.agency_id) {
        always.extend(r.agency_orgs(agency).await?);
    }
    for (id, name, _) in r.org_names(&always).await?.into_iter().rev() {
        if !orgs.iter().any(|(o, _)| *o == id) {
            orgs.insert(0, (id, name));
        }
    }
    Ok(EventChoices {
        kinds: EventKind::ALL
            .iter()
            .map(|k| (k.as_str(), ctx.kind("event", k.as_str())))
            .collect(),
        organisers: orgs
            .into_iter()
            .map(|(id, name)| (id.0, name, chosen.contains(&id)))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "manage/event_new.html")]
struct NewEventPage {
    ctx: Ctx,
    form: FormState,
    choices: EventChoices,
}

async fn new_event(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    let ctx = Ctx::new(&v);
    let start = chrono::Local::now().date_naive() + Duration::days(60);
    let form = FormState::new([
        (
            "kind".into(),
            EventKind::CooperationExchange.as_str().into(),
        ),
        ("start_on".into(), start.to_string()),
        ("end_on".into(), start.to_string()),
    ]);
    let own = s.core.reader(&v.actor).await?.agency_orgs(agency).await?;
    let choices = event_choices(&s, &v, &ctx, &own).await?;
    render(NewEventPage { ctx, form, choices })
}

/// The event's fields as the form gives them; every problem at once.
fn event_data(pairs: &Pairs, form: &FormState) -> Result<EventData, CoreError> {
    let mut f = Fields::default();
    let kind = f.choice("kind", EventKind::parse(form.value("kind")));
    let start_on = f.date("start_on", form.value("start_on"));
    let end_on = f.date("end_on", form.value("end_on"));
    let organiser_ids: Vec<OrgId> = organisers_of(pairs);
    f.finish()?;
    let (Some(kind), Some(start_on), Some(end_on)) = (kind, start_on, end_on) else {
        return Err(unread());
    };
    Ok(EventData {
        kind,
        title: form.value("title").to_owned(),
        description: form.value("description").to_owned(),
        start_on,
        end_on,
        organiser_ids,
    })
}

/// A field that [`Fields`] could not read always leaves a problem, so this is only the
/// answer for a value that went missing without one.
fn unread() -> CoreError {
    CoreError::Internal("a form value was refused without a problem".into())
}

fn organisers_of(pairs: &Pairs) -> Vec<OrgId> {
    let mut ids: Vec<OrgId> = pairs
        .iter()
        .filter(|(k, _)| k == "organisers")
        .filter_map(|(_, v)| v.parse().ok().map(OrgId))
        .collect();
    ids.dedup();
    ids
}

async fn create_event(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs.clone());
    let created = match event_data(&pairs, &form) {
        Ok(data) => s.core.create_event(&v.actor, agency, data, false).await,
        Err(e) => Err(e),
    };
    match created {
        Ok(id) => Ok(see_other_with_flash(&paths::event_setup(id), "flash-saved")),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let choices = event_choices(&s, &v, &ctx, &organisers_of(&pairs)).await?;
            let page = render(NewEventPage { ctx, form, choices })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

struct VenueRow {
    id: i64,
    name: String,
    city: String,
    time_zone: String,
}

struct SessionRow {
    id: i64,
    time: String,
    title: String,
    kind: String,
    venue: String,
    slots: String,
}

#[derive(Template)]
#[template(path = "manage/setup.html")]
struct SetupPage {
    ctx: Ctx,
    id: i64,
    title: String,
    published: bool,
    terms_version: i64,
    event: FormState,
    settings: FormState,
    venue: FormState,
    session: FormState,
    choices: EventChoices,
    request_modes: Vec<(&'static str, String)>,
    scheduling_modes: Vec<(&'static str, String)>,
    session_kinds: Vec<(&'static str, String)>,
    /// (id, name) of the venues, for the session form.
    venue_choices: Vec<(String, String)>,
    venues: Vec<VenueRow>,
    sessions: Vec<SessionRow>,
    /// The travel form: one field per pair of venues, as (field name, label).
    travel_fields: Vec<(String, String)>,
    travel: FormState,
}

/// Which of the page's forms was sent back with problems.
enum Refused {
    None,
    Event(FormState),
    Settings(FormState),
    Venue(FormState),
    Session(FormState),
    Travel(FormState),
}

fn event_form(ev: &Event) -> FormState {
    FormState::new([
        ("title".into(), ev.data.title.clone()),
        ("kind".into(), ev.data.kind.as_str().into()),
        ("start_on".into(), ev.data.start_on.to_string()),
        ("end_on".into(), ev.data.end_on.to_string()),
        ("description".into(), ev.data.description.clone()),
    ])
}

fn settings_form(s: &EventSettings) -> FormState {
    let on = |b: bool| if b { "on" } else { "" }.to_owned();
    let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    FormState::new([
        ("registration_open".into(), on(s.registration_open)),
        ("terms".into(), s.terms.clone()),
        ("questions".into(), s.questions.join("\n")),
        ("request_mode".into(), s.request_mode.as_str().into()),
        ("scheduling_mode".into(), s.scheduling_mode.as_str().into()),
        ("request_limit".into(), num(s.request_limit)),
        ("request_expiry_days".into(), num(s.request_expiry_days)),
    ])
}

fn session_form(day: NaiveDate) -> FormState {
    FormState::new([
        ("kind".into(), SessionKind::B2bMeetings.as_str().into()),
        ("starts_at".into(), format!("{day}T10:00")),
        ("ends_at".into(), format!("{day}T13:00")),
        ("slot_minutes".into(), "20".into()),
        ("tables".into(), "10".into()),
    ])
}

async fn setup_page(
    s: &AppState,
    v: &Visitor,
    event: EventId,
    refused: Refused,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::Programme)
        .await?;
    let ev = r.event(event).await?;
    let venues = r.venues(event).await?;
    let sessions = r.sessions(event).await?;
    let times = r.travel_times(event).await?;
    drop(r);
    let mut travel_fields = Vec::new();
    let mut travel_values = Vec::new();
    for (i, x) in venues.iter().enumerate() {
        for y in &venues[i + 1..] {
            let field = travel_field(x.id, y.id);
            let minutes = times
                .iter()
                .find(|(a, b, _)| (*a, *b) == (x.id.min(y.id), x.id.max(y.id)))
                .map(|t| t.2.to_string())
                .unwrap_or_default();
            travel_values.push((field.clone(), minutes));
            travel_fields.push((field, format!("{} ↔ {}", x.name, y.name)));
        }
    }
    let travel_f = match &refused {
        Refused::Travel(f) => f.clone(),
        _ => FormState::new(travel_values),
    };
    let (mut event_f, mut settings_f) = (event_form(&ev), settings_form(&ev.settings));
    let mut venue_f = FormState::new([("time_zone".into(), "Europe/Berlin".into())]);
    let mut session_f = session_form(ev.data.start_on);
    match refused {
        Refused::None => {}
        Refused::Event(f) => event_f = f,
        Refused::Settings(f) => settings_f = f,
        Refused::Venue(f) => venue_f = f,
        Refused::Session(f) => session_f = f,
        Refused::Travel(_) => {}
    }
    let choices = event_choices(s, v, &ctx, &ev.data.organiser_ids).await?;
    let request_modes = RequestMode::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("request_mode", k.as_str())))
        .collect();
    let scheduling_modes = SchedulingMode::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("scheduling_mode", k.as_str())))
        .collect();
    let session_kinds = SessionKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("session", k.as_str())))
        .collect();
    let venue_name = |id: Option<VenueId>| {
        id.and_then(|id| venues.iter().find(|x| x.id == id))
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    let session_rows = sessions
        .iter()
        .map(|x| SessionRow {
            id: x.id.0,
            time: format!(
                "{}–{}",
                day_time(v.lang, x.data.starts_at),
                x.data.ends_at.format("%H:%M")
            ),
            title: x.data.title.clone(),
            kind: ctx.kind("session", x.data.kind.as_str()),
            venue: venue_name(x.venue_id),
            slots: match (x.data.slot_minutes, x.data.tables) {
                (Some(m), Some(t)) => {
                    let mut text = format!(
                        "{} × {m} min · {t} {}",
                        x.data.slot_count(),
                        ctx.t("setup-tables")
                    );
                    if !x.data.breaks.is_empty() {
                        text.push_str(&format!(
                            " · {} {}",
                            ctx.t("field-breaks"),
                            Break::list_text(&x.data.breaks)
                        ));
                    }
                    text
                }
                _ => String::new(),
            },
        })
        .collect();
    render(SetupPage {
        id: event.0,
        title: ev.data.title.clone(),
        published: ev.published,
        terms_version: ev.settings.terms_version,
        event: event_f,
        settings: settings_f,
        venue: venue_f,
        session: session_f,
        choices,
        request_modes,
        scheduling_modes,
        session_kinds,
        venue_choices: venues
            .iter()
            .map(|x| (x.id.0.to_string(), x.name.clone()))
            .collect(),
        venues: venues
            .into_iter()
            .map(|x| VenueRow {
                id: x.id.0,
                name: x.name,
                city: x.city,
                time_zone: x.time_zone,
            })
            .collect(),
        sessions: session_rows,
        travel_fields,
        travel: travel_f,
        ctx,
    })
}

/// The form field of the travel time between two venues.
fn travel_field(a: VenueId, b: VenueId) -> String {
    format!("travel-{}-{}", a.0.min(b.0), a.0.max(b.0))
}

async fn save_travel(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs.clone());
    let mut f = Fields::default();
    let mut times = Vec::new();
    for (key, value) in &pairs {
        let Some((a, b)) = key
            .strip_prefix("travel-")
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(a, b)| Some((VenueId(a.parse().ok()?), VenueId(b.parse().ok()?))))
        else {
            continue;
        };
        if let Some(minutes) = f.optional_number(key, value) {
            times.push((a, b, minutes));
        }
    }
    let outcome = match f.finish() {
        Ok(()) => s.core.set_travel_times(&v.actor, event, times).await,
        Err(e) => Err(e),
    };
    answer(&s, &v, event, "venues", outcome, form, Refused::Travel).await
}

async fn show_setup(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    setup_page(&s, &v, EventId(id), Refused::None).await
}

/// After one of the page's forms: back to its part of the page, or the page again
/// with the refused form.
async fn answer(
    s: &AppState,
    v: &Visitor,
    event: EventId,
    anchor: &str,
    outcome: Result<(), CoreError>,
    form: FormState,
    wrap: fn(FormState) -> Refused,
) -> Result<Response, AppError> {
    match outcome {
        Ok(()) => Ok(see_other_with_flash(
            &format!("{}#{anchor}", paths::event_setup(event)),
            "flash-saved",
        )),
        Err(e) => {
            let form = form.with_problems(Ctx::new(v).texts(), e)?;
            let page = setup_page(s, v, event, wrap(form)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn save_event(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs.clone());
    let outcome = match event_data(&pairs, &form) {
        Ok(data) => s.core.update_event(&v.actor, event, data).await,
        Err(e) => Err(e),
    };
    answer(&s, &v, event, "event", outcome, form, Refused::Event).await
}

async fn publish(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let on = pairs.iter().any(|(k, v)| k == "publish" && v == "on");
    s.core.publish_event(&v.actor, event, on).await?;
    Ok(see_other_with_flash(
        &format!("{}#event", paths::event_setup(event)),
        "flash-saved",
    ))
}

fn settings_of(form: &FormState) -> Result<EventSettings, CoreError> {
    let mut f = Fields::default();
    let request_mode = f.choice(
        "request_mode",
        RequestMode::parse(form.value("request_mode")),
    );
    let scheduling_mode = f.choice(
        "scheduling_mode",
        SchedulingMode::parse(form.value("scheduling_mode")),
    );
    let request_limit = f.optional_number("request_limit", form.value("request_limit"));
    let request_expiry_days =
        f.optional_number("request_expiry_days", form.value("request_expiry_days"));
    f.finish()?;
    let (Some(request_mode), Some(scheduling_mode)) = (request_mode, scheduling_mode) else {
        return Err(unread());
    };
    Ok(EventSettings {
        registration_open: !form.value("registration_open").is_empty(),
        terms: form.value("terms").to_owned(),
        // The core sets the version from the stored one.
        terms_version: 0,
        questions: form.value("questions").lines().map(str::to_owned).collect(),
        request_mode,
        scheduling_mode,
        request_limit,
        request_expiry_days,
    })
}

async fn save_settings(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs).with_fields(&["registration_open"]);
    let outcome = match settings_of(&form) {
        Ok(settings) => s
            .core
            .set_event_settings(&v.actor, event, settings)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    answer(&s, &v, event, "settings", outcome, form, Refused::Settings).await
}

async fn add_venue(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs);
    let venue = Venue {
        id: VenueId(0),
        event_id: event,
        name: form.value("name").trim().to_owned(),
        address: form.value("address").trim().to_owned(),
        city: form.value("city").trim().to_owned(),
        time_zone: form.value("time_zone").trim().to_owned(),
    };
    let outcome = s.core.add_venue(&v.actor, event, venue).await.map(|_| ());
    answer(&s, &v, event, "venues", outcome, form, Refused::Venue).await
}

async fn add_session(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let form = FormState::new(pairs);
    let mut f = Fields::default();
    let kind = f.choice("kind", SessionKind::parse(form.value("kind")));
    let starts_at = f.date_time("starts_at", form.value("starts_at"));
    let ends_at = f.date_time("ends_at", form.value("ends_at"));
    let venue = f.optional_number("venue", form.value("venue")).map(VenueId);
    let b2b = kind == Some(SessionKind::B2bMeetings);
    let slot_minutes = f.optional_number("slot_minutes", form.value("slot_minutes"));
    let tables = f.optional_number("tables", form.value("tables"));
    let breaks = f.choice("breaks", Break::parse_list(form.value("breaks")));
    let outcome = match (kind, starts_at, ends_at, f.finish()) {
        (Some(kind), Some(starts_at), Some(ends_at), Ok(())) => {
            let data = SessionData {
                kind,
                title: form.value("title").to_owned(),
                starts_at,
                ends_at,
                // Slots and tables belong to B2B sessions only.
                slot_minutes: slot_minutes.filter(|_| b2b),
                tables: tables.filter(|_| b2b),
                breaks: breaks.filter(|_| b2b).unwrap_or_default(),
            };
            s.core
                .add_session(&v.actor, event, venue, data)
                .await
                .map(|_| ())
        }
        (_, _, _, Err(e)) => Err(e),
        _ => Err(unread()),
    };
    answer(&s, &v, event, "sessions", outcome, form, Refused::Session).await
}

async fn remove_venue(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, venue)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let outcome = s.core.remove_venue(&v.actor, event, VenueId(venue)).await;
    let form = FormState::new([("time_zone".into(), "Europe/Berlin".into())]);
    answer(&s, &v, event, "venues", outcome, form, Refused::Venue).await
}

async fn remove_session(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, session)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let event = EventId(id);
    let outcome = s
        .core
        .remove_session(&v.actor, event, SessionId(session))
        .await;
    let mut r = s.core.reader(&v.actor).await?;
    let day = r.event(event).await?.data.start_on;
    drop(r);
    answer(
        &s,
        &v,
        event,
        "sessions",
        outcome,
        session_form(day),
        Refused::Session,
    )
    .await
}
