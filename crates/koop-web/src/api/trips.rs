//! Planning a trip in the JSON API: the engine's proposals per traveller, confirming
//! pairs, recording and importing local partners, and sending a meeting cancelled on the
//! ground back to the scheduler. The scheduler itself runs through
//! `/api/v1/events/{id}/schedule-runs`, as for an exchange.

use super::agency::{IdDto, choice};
use super::directory::ImportDto;
use super::dto::ErrorDto;
use super::exchange::Body;
use super::{ApiResult, OrApi};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use koop_core::domain::event::Presence;
use koop_core::domain::ids::{EventId, MeetingId, ParticipantId, VenueId};
use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::person::{Consent, PersonData};
use koop_core::domain::values::{CountryCode, LanguageCode, NaceCode};
use koop_core::ops::trips::LocalPartner;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A local partner the engine proposes for a traveller.
#[derive(Serialize, ToSchema)]
pub struct ProposalDto {
    pub traveller_id: i64,
    pub traveller: String,
    pub partner_id: i64,
    pub partner: String,
    /// The venue of the station it meets at.
    pub station_id: Option<i64>,
    pub score: f32,
    /// Each reason as a sentence.
    pub reasons: Vec<String>,
    /// Each reason as its code with parameters.
    #[schema(value_type = Vec<Object>)]
    pub reason_codes: Vec<serde_json::Value>,
    /// Whether the pair is confirmed already.
    pub confirmed: bool,
}

/// For each traveller, the best local partners at each station (organisers only).
#[utoipa::path(get, path = "/api/v1/events/{id}/trip/proposals", params(("id" = i64, Path)), responses((status = 200, body = [ProposalDto]), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn proposals(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<Vec<ProposalDto>> {
    let texts = crate::pages::Ctx::new(&v).texts();
    let list = s
        .core
        .trip_proposals(&v.actor, EventId(id), 3)
        .await
        .api()?;
    Ok(Json(
        list.into_iter()
            .map(|x| ProposalDto {
                traveller_id: x.traveller.0,
                traveller: x.traveller_name,
                partner_id: x.partner.0,
                partner: x.partner_name,
                station_id: x.station.map(|v| v.0),
                score: x.score,
                reasons: x
                    .reasons
                    .iter()
                    .map(|r| crate::i18n::reasons::reason_text(texts, r))
                    .collect(),
                reason_codes: x
                    .reasons
                    .iter()
                    .filter_map(|r| serde_json::to_value(r).ok())
                    .collect(),
                confirmed: x.confirmed,
            })
            .collect(),
    ))
}

/// Pairs to confirm: each a traveller and a local partner (or any two participants).
#[derive(Deserialize, ToSchema)]
pub struct PairsDto {
    pub pairs: Vec<(i64, i64)>,
}

/// How many pairs were new.
#[derive(Serialize, ToSchema)]
pub struct ConfirmedDto {
    pub new: usize,
}

/// Confirms pairs for the scheduler, all in one step (organisers only).
#[utoipa::path(post, path = "/api/v1/events/{id}/trip/pairs", params(("id" = i64, Path)), request_body = PairsDto, responses((status = 200, body = ConfirmedDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn confirm(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<PairsDto>,
) -> ApiResult<ConfirmedDto> {
    let pairs: Vec<(ParticipantId, ParticipantId)> = b
        .pairs
        .iter()
        .map(|(a, b)| (ParticipantId(*a), ParticipantId(*b)))
        .collect();
    let new = s
        .core
        .confirm_pairs(&v.actor, EventId(id), &pairs)
        .await
        .api()?;
    Ok(Json(ConfirmedDto { new }))
}

/// A local partner: its organisation, its contact, its station and hours.
#[derive(Deserialize, ToSchema)]
pub struct LocalPartnerDto {
    pub organisation: String,
    pub country: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub nace: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub given_name: String,
    pub family_name: String,
    /// The venue of its station.
    pub station_id: Option<i64>,
    /// From and until, the station's wall clock (2019-09-18T14:00).
    pub from: Option<String>,
    pub until: Option<String>,
    /// Its own zone, where not the station's.
    pub time_zone: Option<String>,
}

fn when(field: &str, text: &Option<String>) -> Result<Option<chrono::NaiveDateTime>, AppError> {
    text.as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            chrono::NaiveDateTime::parse_from_str(t.trim(), "%Y-%m-%dT%H:%M").map_err(|_| {
                AppError::bad_request(
                    field,
                    "invalid_date_time",
                    format!("{field} '{t}' is not a day and time such as 2019-09-18T14:00"),
                )
                .into_json()
            })
        })
        .transpose()
}

/// Records a local partner of a trip (organisers only).
#[utoipa::path(post, path = "/api/v1/events/{id}/trip/local-partners", params(("id" = i64, Path)), request_body = LocalPartnerDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 409, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn add_local_partner(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<LocalPartnerDto>,
) -> ApiResult<IdDto> {
    let country = choice("country", CountryCode::parse(&b.country))?;
    let nace = b
        .nace
        .iter()
        .map(|c| choice("nace", NaceCode::parse(c)))
        .collect::<Result<Vec<_>, _>>()?;
    let languages = b
        .languages
        .iter()
        .map(|c| choice("languages", LanguageCode::parse(c)))
        .collect::<Result<Vec<_>, _>>()?;
    let window = Presence {
        venue_id: b.station_id.map(VenueId),
        from: when("from", &b.from)?,
        until: when("until", &b.until)?,
    };
    let partner = LocalPartner {
        org: OrgData {
            name: b.organisation,
            kind: OrgKind::Company,
            country,
            city: b.city,
            nace,
            size: None,
            languages: languages.clone(),
            website: None,
            description: b.description,
        },
        contact: PersonData {
            given_name: b.given_name,
            family_name: b.family_name,
            function: String::new(),
            email: None,
            phone: None,
            languages,
            consent: Consent::Given,
        },
        windows: if window
            == (Presence {
                venue_id: None,
                from: None,
                until: None,
            }) {
            vec![]
        } else {
            vec![window]
        },
        time_zone: b.time_zone.filter(|z| !z.trim().is_empty()),
    };
    let p = s
        .core
        .add_local_partner(&v.actor, EventId(id), partner)
        .await
        .api()?;
    Ok(Json(IdDto { id: p.0 }))
}

/// Imports a trip's local partners from a CSV body (or XLSX, by its content type), all
/// or nothing.
#[utoipa::path(post, path = "/api/v1/events/{id}/trip/local-partners/import", params(("id" = i64, Path)), request_body(content = String, content_type = "text/csv"), responses((status = 200, body = ImportDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn import(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    headers: axum::http::HeaderMap,
    bytes: Bytes,
) -> ApiResult<ImportDto> {
    if bytes.is_empty() {
        return Err(
            AppError::bad_request("file", "required", "send a CSV or XLSX file".into()).into_json(),
        );
    }
    let name = super::directory::file_name_for(&headers);
    let table = koop_core::import::read_table(name, &bytes).api()?;
    let r = s
        .core
        .import_local_partners(&v.actor, EventId(id), &table)
        .await
        .api()?;
    Ok(Json(ImportDto {
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
    }))
}

/// Sends a meeting cancelled on the ground back to the scheduler (organisers only).
#[utoipa::path(post, path = "/api/v1/events/{id}/meetings/{meeting}/reopen", params(("id" = i64, Path), ("meeting" = i64, Path)), responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 409, body = ErrorDto)))]
pub async fn reopen(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, meeting)): Path<(i64, i64)>,
) -> ApiResult<IdDto> {
    let request = s
        .core
        .reopen_cancelled(&v.actor, EventId(id), MeetingId(meeting))
        .await
        .api()?;
    Ok(Json(IdDto { id: request.0 }))
}
