//! The exchange as a participant works it, in the JSON API: the marketplace, the
//! recommendations, meeting requests (send, answer, propose a time, accept at one)
//! and the agenda. Organisers may act for a participant by naming them. The same
//! koop-core operations as the pages, so the same rights and the same errors.

use super::dto::ErrorDto;
use super::{ApiResult, OrApi, whose};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::NaiveDateTime;
use koop_core::domain::ids::{EventId, MeetingRequestId, ParticipantId, SessionId};
use koop_core::domain::meeting::Priority;
use koop_core::domain::profile::ProfileKind;
use koop_core::ops::meetings::RequestAnswer;
use koop_core::search::ProfileQuery;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A JSON body, or a 400 that says what is wrong with it.
pub struct Body<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for Body<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Body(v)),
            Err(e) => Err(json_problem(e)),
        }
    }
}

fn json_problem(e: JsonRejection) -> AppError {
    AppError::bad_request("body", "invalid_json", e.body_text()).into_json()
}

#[derive(Deserialize, IntoParams)]
pub struct MarketQuery {
    /// Words, all of which must match (stemmed in German, English and Russian).
    #[serde(default)]
    q: String,
    /// The organisation's ISO country code.
    country: Option<String>,
    /// A NACE code or its beginning (`28`, `28.4`).
    sector: Option<String>,
    /// BO, BR, TO, TR, RDR, IO, IS, LO, LS.
    kind: Option<String>,
    /// The profile's language.
    language: Option<String>,
}

/// A cooperation profile on the marketplace.
#[derive(Serialize, ToSchema)]
pub struct ProfileDto {
    pub id: i64,
    pub org_id: i64,
    /// The participant who owns it, to request a meeting with.
    pub participant_id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub nace: Vec<String>,
    pub keywords: Vec<String>,
}

/// The marketplace's answer.
#[derive(Serialize, ToSchema)]
pub struct MarketDto {
    pub found: Vec<ProfileDto>,
    /// How many profiles the event's marketplace has.
    pub total: usize,
}

/// Searches an event's marketplace.
#[utoipa::path(get, path = "/api/v1/events/{id}/profiles", params(("id" = i64, Path), MarketQuery), responses((status = 200, body = MarketDto), (status = 400, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn search_profiles(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<MarketQuery>,
) -> ApiResult<MarketDto> {
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(ProfileKind::parse(k).map_err(|e| AppError::api(e.into()))?),
        None => None,
    };
    let query = ProfileQuery {
        text: q.q,
        country: q
            .country
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty()),
        nace: q.sector.filter(|n| !n.trim().is_empty()),
        kind,
        language: q.language.filter(|l| !l.is_empty()),
    };
    let market = s
        .core
        .search_profiles(&v.actor, EventId(id), &query)
        .await
        .api()?;
    Ok(Json(MarketDto {
        total: market.total,
        found: market
            .found
            .iter()
            .map(|p| ProfileDto {
                id: p.id.0,
                org_id: p.org_id.0,
                participant_id: p.participant_id.map(|x| x.0),
                kind: p.data.kind.to_string(),
                title: p.data.title.clone(),
                summary: p.data.summary.clone(),
                language: p.data.language.to_string(),
                nace: p.data.nace.iter().map(ToString::to_string).collect(),
                keywords: p.data.keywords.clone(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct ForWhom {
    /// For organisers: the participant to act for (participants act for themselves).
    participant: Option<i64>,
}

/// A recommended partner with the reasons, in the caller's language.
#[derive(Serialize, ToSchema)]
pub struct RecommendationDto {
    pub profile_id: i64,
    pub participant_id: Option<i64>,
    pub org_id: i64,
    pub org_name: String,
    pub country: String,
    pub title: String,
    pub kind: String,
    pub score: f32,
    /// Each reason as a sentence.
    pub reasons: Vec<String>,
    /// Each reason as its code with parameters.
    #[schema(value_type = Vec<Object>)]
    pub reason_codes: Vec<serde_json::Value>,
}

/// A participant's recommended partners, best first.
#[utoipa::path(get, path = "/api/v1/events/{id}/recommendations", params(("id" = i64, Path), ForWhom), responses((status = 200, body = [RecommendationDto]), (status = 403, body = ErrorDto)))]
pub async fn recommendations(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<ForWhom>,
) -> ApiResult<Vec<RecommendationDto>> {
    let event = EventId(id);
    let me = whose(&s, &v, event, q.participant).await?;
    let Some(own) = s.core.participant_profile(&v.actor, me).await.api()? else {
        return Ok(Json(vec![]));
    };
    let texts = crate::pages::Ctx::new(&v).texts();
    let recs = s
        .core
        .recommendations(&v.actor, event, own.id, 20)
        .await
        .api()?;
    Ok(Json(
        recs.into_iter()
            .map(|x| RecommendationDto {
                profile_id: x.profile_id.0,
                participant_id: x.participant_id.map(|p| p.0),
                org_id: x.org_id.0,
                org_name: x.org_name,
                country: x.country,
                title: x.title,
                kind: x.kind.to_string(),
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
            })
            .collect(),
    ))
}

/// A time proposed for an open request.
#[derive(Serialize, ToSchema)]
pub struct ProposalDto {
    pub session_id: i64,
    /// Local to the venue, `YYYY-MM-DDTHH:MM:SS`.
    pub starts_at: String,
    /// The participant who proposed it.
    pub by: i64,
}

/// A meeting request, as one side sees it.
#[derive(Serialize, ToSchema)]
pub struct RequestDto {
    pub id: i64,
    /// Whether this participant sent it (else they received it).
    pub sent: bool,
    pub other_participant_id: i64,
    pub other_org_id: i64,
    pub other_org_name: String,
    pub other_country: String,
    pub message: String,
    /// high, normal, low
    pub priority: String,
    /// proposed, accepted, declined, withdrawn, expired, scheduled
    pub status: String,
    pub created_at: String,
    pub proposal: Option<ProposalDto>,
}

/// A participant's requests, sent and received, newest first.
#[utoipa::path(get, path = "/api/v1/events/{id}/requests", params(("id" = i64, Path), ForWhom), responses((status = 200, body = [RequestDto]), (status = 403, body = ErrorDto)))]
pub async fn list_requests(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<ForWhom>,
) -> ApiResult<Vec<RequestDto>> {
    let me = whose(&s, &v, EventId(id), q.participant).await?;
    let mut r = s.core.reader(&v.actor).await.api()?;
    Ok(Json(
        r.inbox(me)
            .await
            .api()?
            .into_iter()
            .map(|x| RequestDto {
                id: x.id.0,
                sent: x.sent,
                other_participant_id: x.other.0,
                other_org_id: x.other_org_id.0,
                other_org_name: x.other_org_name,
                other_country: x.other_country,
                message: x.message,
                priority: x.priority.to_string(),
                status: x.status.to_string(),
                created_at: x.created_at,
                proposal: x.proposal.map(|p| ProposalDto {
                    session_id: p.session.0,
                    starts_at: p.starts_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    by: p.by.0,
                }),
            })
            .collect(),
    ))
}

/// A new meeting request.
#[derive(Deserialize, ToSchema)]
pub struct NewRequestDto {
    /// For organisers: who asks (participants ask for themselves).
    pub requester: Option<i64>,
    pub receiver: i64,
    #[serde(default)]
    pub message: String,
    /// high, normal (default), low
    pub priority: Option<String>,
}

/// The id of what was created.
#[derive(Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: i64,
}

/// Sends a meeting request with a message; the receiver is mailed.
#[utoipa::path(post, path = "/api/v1/events/{id}/requests", params(("id" = i64, Path)), request_body = NewRequestDto, responses((status = 201, body = CreatedDto), (status = 400, body = ErrorDto), (status = 409, body = ErrorDto), (status = 422, body = ErrorDto), (status = 429, body = ErrorDto)))]
pub async fn send_request(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<NewRequestDto>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let event = EventId(id);
    let requester = whose(&s, &v, event, b.requester).await?;
    let priority = match b.priority.as_deref() {
        None | Some("") => Priority::Normal,
        Some(p) => Priority::parse(p).map_err(|e| AppError::api(e.into()))?,
    };
    let r = s
        .core
        .request_meeting(
            &v.actor,
            event,
            requester,
            ParticipantId(b.receiver),
            priority,
            &b.message,
        )
        .await
        .api()?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: r.0 })))
}

/// An answer to a request.
#[derive(Deserialize, ToSchema)]
pub struct AnswerDto {
    /// accept, decline or withdraw (the requester); where the partners pick their
    /// times also accept_at (with the time) and propose (with the time).
    pub answer: String,
    /// For accept_at and propose: the B2B session.
    pub session_id: Option<i64>,
    /// For accept_at and propose: the start, local to the venue (`YYYY-MM-DDTHH:MM`).
    pub starts_at: Option<String>,
    /// For organisers: the side they answer for.
    pub participant: Option<i64>,
}

/// The request's status after an answer.
#[derive(Serialize, ToSchema)]
pub struct AnsweredDto {
    pub status: String,
    /// The meeting, when the answer placed one.
    pub meeting_id: Option<i64>,
}

fn slot_of(b: &AnswerDto) -> Result<(SessionId, NaiveDateTime), AppError> {
    let session = b.session_id.ok_or_else(|| {
        AppError::bad_request("session_id", "required", "the session is missing".into()).into_json()
    })?;
    let at = b.starts_at.as_deref().unwrap_or_default();
    let starts_at = NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            AppError::bad_request(
                "starts_at",
                "invalid_datetime",
                format!("'{at}' is not a local time YYYY-MM-DDTHH:MM"),
            )
            .into_json()
        })?;
    Ok((SessionId(session), starts_at))
}

/// Answers a request: accept, decline, withdraw, accept at a time, or propose one.
#[utoipa::path(post, path = "/api/v1/events/{id}/requests/{request}/answer", params(("id" = i64, Path), ("request" = i64, Path)), request_body = AnswerDto, responses((status = 200, body = AnsweredDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 409, body = ErrorDto)))]
pub async fn answer_request(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, request)): Path<(i64, i64)>,
    Body(b): Body<AnswerDto>,
) -> ApiResult<AnsweredDto> {
    let (event, request) = (EventId(id), MeetingRequestId(request));
    let answer = match b.answer.as_str() {
        "accept_at" => {
            let (session, starts_at) = slot_of(&b)?;
            let m = s
                .core
                .accept_at(&v.actor, event, request, session, starts_at)
                .await
                .api()?;
            return Ok(Json(AnsweredDto {
                status: "scheduled".into(),
                meeting_id: Some(m.0),
            }));
        }
        "propose" => {
            let (session, starts_at) = slot_of(&b)?;
            let side = whose(&s, &v, event, b.participant).await?;
            s.core
                .propose_time(&v.actor, event, request, side, session, starts_at)
                .await
                .api()?;
            return Ok(Json(AnsweredDto {
                status: "proposed".into(),
                meeting_id: None,
            }));
        }
        "accept" => RequestAnswer::Accept,
        "decline" => RequestAnswer::Decline,
        "withdraw" => RequestAnswer::Withdraw,
        other => {
            return Err(AppError::bad_request(
                "answer",
                "invalid_choice",
                format!("'{other}' is not accept, accept_at, propose, decline or withdraw"),
            )
            .into_json());
        }
    };
    let status = s
        .core
        .answer_request(&v.actor, event, request, answer)
        .await
        .api()?;
    Ok(Json(AnsweredDto {
        status: status.to_string(),
        meeting_id: None,
    }))
}

/// A time both sides of a request have free, with the table it would get.
#[derive(Serialize, ToSchema)]
pub struct FreeSlotDto {
    pub session_id: i64,
    pub session: String,
    /// Local to the venue.
    pub starts_at: String,
    pub minutes: i64,
    pub table: i64,
}

/// The times both sides of an open request have free, where the partners pick their
/// times (empty where the organisers plan them).
#[utoipa::path(get, path = "/api/v1/events/{id}/requests/{request}/free-slots", params(("id" = i64, Path), ("request" = i64, Path)), responses((status = 200, body = [FreeSlotDto]), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn free_slots(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, request)): Path<(i64, i64)>,
) -> ApiResult<Vec<FreeSlotDto>> {
    let mut r = s.core.reader(&v.actor).await.api()?;
    let request = MeetingRequestId(request);
    let (of_event, ..) = r.request(request).await.api()?;
    if of_event != EventId(id) {
        return Err(AppError::api(koop_core::CoreError::NotFound));
    }
    Ok(Json(
        r.free_slots(request)
            .await
            .api()?
            .into_iter()
            .map(|f| FreeSlotDto {
                session_id: f.session.0,
                session: f.session_title,
                starts_at: f.starts_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                minutes: f.minutes,
                table: f.table,
            })
            .collect(),
    ))
}

/// One meeting on an agenda.
#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub id: i64,
    /// Local to the venue.
    pub starts_at: Option<String>,
    pub minutes: Option<i64>,
    pub time_zone: Option<String>,
    pub venue: Option<String>,
    pub session: Option<String>,
    pub table: Option<i64>,
    pub table_name: Option<String>,
    /// scheduled, held, no_show, cancelled
    pub status: String,
    pub participants: Vec<AttendeeDto>,
}

/// Who meets.
#[derive(Serialize, ToSchema)]
pub struct AttendeeDto {
    pub participant_id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub country: String,
}

/// The agenda: a participant's own meetings (once published, or at once where the
/// partners pick); for organisers every meeting, or one participant's.
#[utoipa::path(get, path = "/api/v1/events/{id}/meetings", params(("id" = i64, Path), ForWhom), responses((status = 200, body = [MeetingDto]), (status = 404, body = ErrorDto)))]
pub async fn list_meetings(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<ForWhom>,
) -> ApiResult<Vec<MeetingDto>> {
    let mut r = s.core.reader(&v.actor).await.api()?;
    let meetings = r
        .meetings(EventId(id), q.participant.map(ParticipantId))
        .await
        .api()?;
    Ok(Json(
        meetings
            .into_iter()
            .map(|m| MeetingDto {
                id: m.id.0,
                starts_at: m
                    .starts_at
                    .map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
                minutes: m.minutes,
                time_zone: m.venue.as_ref().map(|v| v.1.clone()),
                venue: m.venue.as_ref().map(|v| v.0.clone()),
                session: m.session,
                table: m.table_no,
                table_name: m.table_name,
                status: m.status.to_string(),
                participants: m
                    .attendees
                    .into_iter()
                    .map(|a| AttendeeDto {
                        participant_id: a.participant.0,
                        org_id: a.org_id.0,
                        org_name: a.org_name,
                        country: a.country,
                    })
                    .collect(),
            })
            .collect(),
    ))
}
