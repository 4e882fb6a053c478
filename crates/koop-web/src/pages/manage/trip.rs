//! Planning a delegation trip: its stations with the group programme and the B2B time
//! around it, the local partners at each station (recorded here, no account needed),
//! the partners the engine proposes for each traveller with its reasons, confirming
//! pairs, and running the scheduler, which places them in each traveller's free time.

use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::i18n::reasons::reason_text;
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::event::{ParticipantRole, Presence, SessionKind};
use koop_core::domain::ids::{EventId, ParticipantId, VenueId};
use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::person::{Consent, PersonData};
use koop_core::domain::values::{CountryCode, LanguageCode, NaceCode};
use koop_core::ops::trips::LocalPartner;
use std::collections::BTreeMap;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/trip", get(show))
        .route("/events/{id}/trip/partners", post(add_partner))
        .route("/events/{id}/trip/pairs", post(confirm))
        .route("/events/{id}/trip/import", post(import))
        .route("/events/{id}/meetings/{meeting}/reopen", post(reopen))
        .route("/events/{id}/meetings/{meeting}/cancel", post(cancel))
}

/// A station: its venue, the days' programme and B2B sessions, its local partners.
struct StationView {
    name: String,
    city: String,
    time_zone: String,
    /// Day, from–until, title, whether it is the B2B time.
    sessions: Vec<(String, String, String, bool)>,
    /// Organisation, contact, hours.
    partners: Vec<(String, String, String)>,
}

/// A traveller's proposals: per partner, its station, the reasons, whether confirmed.
struct TravellerView {
    id: i64,
    name: String,
    itinerary: String,
    proposals: Vec<(i64, String, String, Vec<String>, bool)>,
}

#[derive(Template)]
#[template(path = "manage/trip.html")]
struct TripPage {
    ctx: Ctx,
    id: i64,
    title: String,
    stations: Vec<StationView>,
    venues: Vec<(i64, String)>,
    travellers: Vec<TravellerView>,
    form: FormState,
    /// The problems of a refused import: line, text.
    import_problems: Vec<(String, String)>,
}

fn hm(t: chrono::NaiveDateTime) -> String {
    t.format("%H:%M").to_string()
}

async fn trip_page(
    s: &AppState,
    v: &Visitor,
    id: EventId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    trip_page_with(s, v, id, form, vec![]).await
}

async fn trip_page_with(
    s: &AppState,
    v: &Visitor,
    id: EventId,
    form: FormState,
    import_problems: Vec<(String, String)>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_manage(id).await?;
    let ev = r.event(id).await?;
    let venues = r.venues(id).await?;
    let sessions = r.sessions(id).await?;
    let people = r.participants(id).await?;
    let presence = r.presence(id).await?;
    drop(r);
    let proposals = s.core.trip_proposals(&v.actor, id, 3).await?;
    // A station is a venue with B2B time; the programme elsewhere in town is listed
    // with the station of the same city.
    let b2b_venues: Vec<VenueId> = sessions
        .iter()
        .filter(|x| x.data.kind == SessionKind::B2bMeetings)
        .filter_map(|x| x.venue_id)
        .collect();
    let station_name = |venue: Option<VenueId>| {
        venue
            .and_then(|v| venues.iter().find(|x| x.id == v))
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    let mut stations = Vec::new();
    for st in venues.iter().filter(|x| b2b_venues.contains(&x.id)) {
        let mut here: Vec<_> = sessions
            .iter()
            .filter(|x| {
                x.venue_id.is_some_and(|v| {
                    venues
                        .iter()
                        .find(|y| y.id == v)
                        .is_some_and(|y| y.city == st.city)
                })
            })
            .collect();
        here.sort_by_key(|x| x.data.starts_at);
        let partners = people
            .iter()
            .filter(|p| p.role == ParticipantRole::LocalPartner)
            .filter_map(|p| {
                let windows = presence.get(&p.id)?;
                let w = windows.iter().find(|w| w.venue_id == Some(st.id))?;
                let hours = match (w.from, w.until) {
                    (Some(f), Some(u)) => {
                        format!("{} {}–{}", date(ctx.lang, f.date()), hm(f), hm(u))
                    }
                    _ => String::new(),
                };
                Some((
                    p.org_name.clone(),
                    p.person_name.clone().unwrap_or_default(),
                    hours,
                ))
            })
            .collect();
        stations.push(StationView {
            name: st.name.clone(),
            city: st.city.clone(),
            time_zone: st.time_zone.clone(),
            sessions: here
                .iter()
                .map(|x| {
                    (
                        date(ctx.lang, x.data.starts_at.date()),
                        format!("{}–{}", hm(x.data.starts_at), hm(x.data.ends_at)),
                        x.data.title.clone(),
                        x.data.kind == SessionKind::B2bMeetings,
                    )
                })
                .collect(),
            partners,
        });
    }
    let mut by_traveller: BTreeMap<ParticipantId, TravellerView> = BTreeMap::new();
    for p in people.iter().filter(|p| {
        matches!(
            p.role,
            ParticipantRole::Entrepreneur | ParticipantRole::Delegate
        )
    }) {
        by_traveller.insert(
            p.id,
            TravellerView {
                id: p.id.0,
                name: p.org_name.clone(),
                itinerary: format!(
                    "{}/meetings?participant={}",
                    crate::paths::event(id),
                    p.id.0
                ),
                proposals: vec![],
            },
        );
    }
    for x in &proposals {
        if let Some(t) = by_traveller.get_mut(&x.traveller) {
            t.proposals.push((
                x.partner.0,
                x.partner_name.clone(),
                station_name(x.station),
                x.reasons
                    .iter()
                    .map(|r| reason_text(ctx.texts(), r))
                    .collect(),
                x.confirmed,
            ));
        }
    }
    render(TripPage {
        id: id.0,
        title: ev.data.title,
        venues: venues
            .iter()
            .filter(|x| b2b_venues.contains(&x.id))
            .map(|x| (x.id.0, x.name.clone()))
            .collect(),
        stations,
        travellers: by_traveller.into_values().collect(),
        form,
        import_problems,
        ctx,
    })
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    trip_page(&s, &v, EventId(id), FormState::default()).await
}

fn local_partner(form: &FormState) -> Result<LocalPartner, CoreError> {
    let mut f = Fields::default();
    let country = f.choice("country", CountryCode::parse(form.value("country")));
    let mut nace = Vec::new();
    for code in form
        .value("nace")
        .split([',', ' '])
        .filter(|c| !c.trim().is_empty())
    {
        if let Some(c) = f.choice("nace", NaceCode::parse(code)) {
            nace.push(c);
        }
    }
    let mut languages = Vec::new();
    for code in form
        .value("languages")
        .split([',', ' '])
        .filter(|c| !c.trim().is_empty())
    {
        if let Some(l) = f.choice("languages", LanguageCode::parse(code)) {
            languages.push(l);
        }
    }
    let station = f.optional_number("station", form.value("station"));
    let from = match form.value("from").trim() {
        "" => None,
        t => f.date_time("from", t),
    };
    let until = match form.value("until").trim() {
        "" => None,
        t => f.date_time("until", t),
    };
    f.finish()?;
    let Some(country) = country else {
        return Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        ));
    };
    Ok(LocalPartner {
        org: OrgData {
            name: form.value("name").trim().to_owned(),
            kind: OrgKind::Company,
            country,
            city: form.value("city").trim().to_owned(),
            nace,
            size: None,
            languages: languages.clone(),
            website: None,
            description: form.value("description").trim().to_owned(),
        },
        contact: PersonData {
            given_name: form.value("given_name").trim().to_owned(),
            family_name: form.value("family_name").trim().to_owned(),
            function: String::new(),
            email: None,
            phone: None,
            languages,
            consent: Consent::Given,
        },
        windows: vec![Presence {
            venue_id: station.map(VenueId),
            from,
            until,
        }],
        time_zone: Some(form.value("time_zone").trim().to_owned()).filter(|z| !z.is_empty()),
    })
}

async fn add_partner(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let form = FormState::new(pairs);
    let done = match local_partner(&form) {
        Ok(p) => s
            .core
            .add_local_partner(&v.actor, EventId(id), p)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    answer(&s, &v, id, form, done).await
}

async fn confirm(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let mut chosen = Vec::new();
    for (k, value) in &pairs {
        if k != "pair" {
            continue;
        }
        let parsed = value
            .split_once('-')
            .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
        match parsed {
            Some((a, b)) => chosen.push((ParticipantId(a), ParticipantId(b))),
            None => {
                return Err(AppError::bad_request(
                    "pair",
                    "invalid_choice",
                    format!("'{value}' is not a pair of participants"),
                ));
            }
        }
    }
    let form = FormState::new(pairs);
    let done = s
        .core
        .confirm_pairs(&v.actor, EventId(id), &chosen)
        .await
        .map(|_| ());
    answer(&s, &v, id, form, done).await
}

async fn answer(
    s: &AppState,
    v: &Visitor,
    id: i64,
    form: FormState,
    done: Result<(), CoreError>,
) -> Result<Response, AppError> {
    let to = format!("{}/trip", crate::paths::event(EventId(id)));
    crate::forms::after_change(v, form, done, &to, |form| {
        trip_page(s, v, EventId(id), form)
    })
    .await
}

/// A local-partner file (CSV or XLSX) uploaded from the trip page: all rows or none.
async fn import(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    mut upload: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        AppError::bad_request("file", "unreadable_file", format!("file: {e}"))
    };
    let (mut name, mut bytes) = (String::new(), Vec::new());
    while let Some(field) = upload.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            name = field.file_name().unwrap_or_default().to_owned();
            bytes = field.bytes().await.map_err(unreadable)?.to_vec();
        }
    }
    if bytes.is_empty() {
        return Err(AppError::bad_request(
            "file",
            "required",
            "choose a CSV or XLSX file".into(),
        ));
    }
    let event = EventId(id);
    let result = match koop_core::import::read_table(&name, &bytes) {
        Ok(table) => s.core.import_local_partners(&v.actor, event, &table).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(crate::pages::see_other_with_flash(
            &format!("{}/trip", crate::paths::event(event)),
            "flash-saved",
        )),
        Err(CoreError::Invalid(problems)) => {
            let ctx = Ctx::new(&v);
            let shown = problems
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    let line = p.line.take().map(|l| l.to_string()).unwrap_or_default();
                    (line, crate::pages::errors::problem_text(ctx.texts(), &p))
                })
                .collect();
            let page = trip_page_with(&s, &v, event, FormState::default(), shown).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A meeting cancelled on the ground goes back to the scheduler; its next run places it
/// around the meetings that stay.
async fn reopen(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    s.core
        .reopen_cancelled(
            &v.actor,
            EventId(id),
            koop_core::domain::ids::MeetingId(meeting),
        )
        .await?;
    Ok(crate::pages::see_other_with_flash(
        &crate::paths::event_schedule(id),
        "flash-reopened",
    ))
}

/// A meeting is cancelled on the ground (a partner fell ill): its slot frees, both sides
/// are told where they see the agenda, and the itinerary offers to place it again.
async fn cancel(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    // Back to the itinerary it was cancelled from.
    let whose = pairs
        .iter()
        .find(|(k, _)| k == "participant")
        .and_then(|(_, v)| v.parse::<i64>().ok());
    s.core
        .set_meeting_status(
            &v.actor,
            EventId(id),
            koop_core::domain::ids::MeetingId(meeting),
            koop_core::domain::meeting::MeetingStatus::Cancelled,
        )
        .await?;
    let back = match whose {
        Some(p) => format!(
            "{}/meetings?participant={p}#meeting-{meeting}",
            crate::paths::event(EventId(id))
        ),
        None => format!(
            "{}/meetings#meeting-{meeting}",
            crate::paths::event(EventId(id))
        ),
    };
    Ok(crate::pages::see_other_with_flash(&back, "flash-saved"))
}
