//! Events: list, detail, participants, profiles and the meeting agenda.

use crate::error::AppError;
use crate::i18n::Arg;
use crate::pages::public::rows::{self, ActivityRow, EventRow, OutcomeRow, ProfileCard};
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::EventId;
use koop_core::domain::profile::ProfileKind;
use koop_core::policy::EventAccess;
use koop_core::search::ProfileQuery;
use koop_core::views::{ActivityFilter, OutcomeFilter, VisitView};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events", get(list_events))
        .route("/events/{id}", get(show_event))
        .route("/events/{id}/participants", get(list_participants))
        .route("/events/{id}/profiles", get(list_profiles))
}

#[derive(Template)]
#[template(path = "public/list_events.html")]
struct EventList {
    ctx: Ctx,
    events: Vec<EventRow>,
}

async fn list_events(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let events = r
        .events(None)
        .await?
        .iter()
        .map(|x| rows::event(&ctx, x))
        .collect();
    render(EventList { ctx, events })
}

#[derive(Template)]
#[template(path = "public/event_detail.html")]
struct EventDetail {
    ctx: Ctx,
    id: i64,
    title: String,
    description: String,
    kind: String,
    dates: String,
    organisers: Vec<(i64, String)>,
    participant_count: usize,
    /// Whether the visitor may open the meeting agenda (organisers, participants).
    sees_meetings: bool,
    /// Whether the visitor runs the event.
    manages: bool,
    /// A delegation trip or an online mission, planned on its own page.
    is_trip: bool,
    /// What they may do there.
    may: crate::pages::May,
    /// Whether the visitor takes part in it.
    attends: bool,
    /// Whether the visitor may register (registration is open and they are not in).
    may_register: bool,
    countries: String,
    profile_count: usize,
    meeting_count: usize,
    requests: String,
    venues: Vec<(String, String, String)>,
    sessions: Vec<(String, String, String, String)>,
    visits: Vec<VisitView>,
    activities: Vec<ActivityRow>,
    outcomes: Vec<OutcomeRow>,
    /// An attending participant's own profiles.
    own_profiles: Option<Vec<(i64, String, String, bool)>>,
}

/// An attending participant's own cooperation profiles: (id, title, kind, in the
/// marketplace).
async fn own_profiles(
    ctx: &Ctx,
    r: &mut koop_core::read::Reader,
    me: koop_core::domain::ids::ParticipantId,
) -> Result<Vec<(i64, String, String, bool)>, AppError> {
    use koop_core::domain::profile::ProfileStatus;
    Ok(r.profiles_of(me)
        .await?
        .into_iter()
        .map(|p| {
            let kind = ctx.kind("profile", p.data.kind.as_str());
            (
                p.id.0,
                p.data.title,
                kind,
                p.status == ProfileStatus::Published,
            )
        })
        .collect())
}

async fn show_event(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let id = EventId(id);
    let (ev, access) = r.event_access(id).await?;
    let manages = access == EventAccess::Manage;
    let organisers = r
        .org_names(&ev.data.organiser_ids)
        .await?
        .into_iter()
        .map(|(i, n, _)| (i.0, n))
        .collect();
    let participants = r.participants(id).await?;
    let countries = r
        .participant_countries(id)
        .await?
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let venues = r.venues(id).await?;
    let venue_names: HashMap<_, _> = venues.iter().map(|x| (x.id, x.name.clone())).collect();
    let sessions = r
        .sessions(id)
        .await?
        .iter()
        .map(|x| {
            (
                format!(
                    "{}–{}",
                    crate::pages::day_time(v.lang, x.data.starts_at),
                    x.data.ends_at.format("%H:%M")
                ),
                x.data.title.clone(),
                ctx.kind("session", x.data.kind.as_str()),
                x.venue_id
                    .and_then(|vid| venue_names.get(&vid).cloned())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let requests = if manages {
        r.request_counts(id)
            .await?
            .iter()
            .map(|(st, n)| format!("{} {n}", ctx.kind("request", st)))
            .collect::<Vec<_>>()
            .join(" · ")
    } else {
        String::new()
    };
    let activities = r
        .activities(ActivityFilter {
            event: Some(id),
            ..ActivityFilter::default()
        })
        .await?
        .iter()
        .map(|x| rows::activity(&ctx, x))
        .collect();
    let outcomes = r
        .outcomes(OutcomeFilter {
            event: Some(id),
            ..OutcomeFilter::default()
        })
        .await?
        .iter()
        .map(|x| rows::outcome(&ctx, x))
        .collect();
    let own_profiles = match access {
        EventAccess::Attend(me) => Some(own_profiles(&ctx, &mut r, me).await?),
        _ => None,
    };
    render(EventDetail {
        own_profiles,
        id: id.0,
        title: ev.data.title.clone(),
        description: ev.data.description.clone(),
        kind: ctx.kind("event", ev.data.kind.as_str()),
        dates: rows::event(&ctx, &ev).dates,
        organisers,
        participant_count: participants.len(),
        countries,
        profile_count: r.event_profiles(id).await?.len(),
        meeting_count: r.meeting_count(id).await?,
        sees_meetings: access != EventAccess::Public,
        manages,
        is_trip: matches!(
            ev.data.kind,
            koop_core::domain::event::EventKind::DelegationTrip
                | koop_core::domain::event::EventKind::OnlineMission
        ),
        may: crate::pages::May::of(r.tasks(id).await?),
        attends: matches!(access, EventAccess::Attend(_)),
        may_register: ev.settings.registration_open
            && access == EventAccess::Public
            && v.account().is_none(),
        requests,
        venues: venues
            .iter()
            .map(|x| {
                (
                    x.name.clone(),
                    // Addresses usually end with the city already.
                    if x.address.contains(&x.city) {
                        x.address.clone()
                    } else {
                        format!("{} {}", x.address, x.city).trim().to_owned()
                    },
                    x.time_zone.clone(),
                )
            })
            .collect(),
        sessions,
        visits: r.visits(id).await?,
        activities,
        outcomes,
        ctx,
    })
}

struct ParticipantRow {
    person: String,
    org_id: i64,
    org: String,
    country: String,
    role: String,
    status: String,
    status_code: &'static str,
}

#[derive(Template)]
#[template(path = "public/event_participants.html")]
struct Participants {
    ctx: Ctx,
    id: i64,
    title: String,
    show_names: bool,
    show_status: bool,
    rows: Vec<ParticipantRow>,
}

async fn list_participants(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(EventId(id)).await?;
    // The reader leaves out what the visitor may not see (names, statuses).
    let rows = r
        .participants(EventId(id))
        .await?
        .into_iter()
        .map(|p| ParticipantRow {
            person: p.person_name.unwrap_or_default(),
            org_id: p.org_id.0,
            org: p.org_name,
            country: p.country,
            role: ctx.kind("prole", p.role.as_str()),
            status: p
                .status
                .map(|s| ctx.kind("participant", s.as_str()))
                .unwrap_or_default(),
            status_code: p.status.map_or("", |s| s.as_str()),
        })
        .collect();
    let show_names = access.sees_names();
    let show_status = access == EventAccess::Manage;
    render(Participants {
        id,
        title: ev.data.title,
        show_names,
        show_status,
        rows,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "public/event_profiles.html")]
struct Profiles {
    ctx: Ctx,
    id: i64,
    title: String,
    q: MarketQuery,
    kinds: Vec<(&'static str, String)>,
    languages: Vec<String>,
    /// "12 of 61 profiles".
    count: String,
    profiles: Vec<ProfileCard>,
}

/// The marketplace's search form, as submitted.
#[derive(Deserialize, Default)]
struct MarketQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    nace: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    language: String,
}

impl MarketQuery {
    /// The marketplace with this search, to come back to after a request.
    fn url(&self, event: i64) -> String {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("q", &self.q),
                ("kind", &self.kind),
                ("country", &self.country),
                ("nace", &self.nace),
                ("language", &self.language),
            ])
            .finish();
        format!("{}?{query}", crate::paths::event_profiles(event))
    }
}

/// The marketplace: the event's published profiles, searched and filtered.
async fn list_profiles(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<MarketQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let (ev, access) = r.event_access(event).await?;
    // A participant asks for a meeting from the card; one who already asked sees how
    // that request stands.
    let me = match access {
        EventAccess::Attend(me) => Some((me, r.requests_of(me).await?)),
        _ => None,
    };
    drop(r);
    let kind = match q.kind.as_str() {
        "" => None,
        k => Some(ProfileKind::parse(k).map_err(koop_core::CoreError::from)?),
    };
    let query = ProfileQuery {
        text: q.q.clone(),
        country: Some(q.country.trim().to_uppercase()).filter(|c| !c.is_empty()),
        nace: Some(q.nace.clone()).filter(|n| !n.trim().is_empty()),
        kind,
        language: Some(q.language.clone()).filter(|l| !l.is_empty()),
    };
    let market = s.core.search_profiles(&v.actor, event, &query).await?;
    let found = market.found;
    let mut r = s.core.reader(&v.actor).await?;
    let ids: Vec<_> = found.iter().map(|p| p.org_id).collect();
    let names: HashMap<_, _> = r
        .org_names(&ids)
        .await?
        .into_iter()
        .map(|(i, n, _)| (i, n))
        .collect();
    let back = q.url(id);
    let profiles = found
        .iter()
        .map(|p| {
            let mut card = rows::profile(&ctx, p, names.get(&p.org_id).cloned());
            if let (Some((me, asked)), Some(other)) = (&me, p.participant_id) {
                card.ask = (other != *me).then(|| rows::Ask {
                    action: crate::paths::event_requests(id),
                    requester: me.0,
                    receiver: other.0,
                    back: back.clone(),
                    status: asked
                        .iter()
                        .find(|(with, _)| *with == other)
                        .map(|(_, st)| ctx.kind("request", st.as_str())),
                });
            }
            card
        })
        .collect();
    let languages = market.languages;
    let kinds = ProfileKind::ALL
        .iter()
        .map(|k| (k.as_str(), ctx.kind("profile", k.as_str())))
        .collect();
    let count = ctx.texts().with(
        "market-count",
        vec![
            ("found", Arg::from(found.len())),
            ("total", Arg::from(market.total)),
        ],
    );
    render(Profiles {
        id,
        title: ev.data.title,
        q,
        kinds,
        languages,
        count,
        profiles,
        ctx,
    })
}
