//! The JSON API under `/api/v1`, described by OpenAPI at `/api/openapi.json`.
//! It uses the same session cookie and the same tenant rules as the pages.

mod agency;
mod cities;
mod directory;
mod dto;
mod exchange;
mod ideas;
mod running;
mod trips;

use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use dto::*;
use koop_core::domain::ids::{AgreementId, EventId, OrgId};
use koop_core::domain::org::OrgKind;
use koop_core::views::{ActivityFilter, OrgFilter, OutcomeFilter};
use serde::Deserialize;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(list_organisations))
        .route("/organisations/{id}", get(get_organisation))
        .route("/networks", get(list_networks))
        .route("/clusters", get(list_clusters))
        .route("/agreements", get(list_agreements))
        .route("/agreements/{id}", get(get_agreement))
        .route(
            "/partner-cities",
            get(list_partner_cities).post(cities::create_partner_city),
        )
        .route(
            "/partner-cities/{id}/history",
            get(cities::history).post(cities::add_milestone),
        )
        .route("/events", get(list_events))
        .route("/events/{id}", get(get_event))
        .route("/events/{id}/participants", get(list_participants))
        .route(
            "/activities",
            get(list_activities).post(agency::create_activity),
        )
        .route("/activities/{id}/leads", post(agency::set_leads))
        .route("/goals/{id}/targets", post(agency::set_target))
        .route("/organisations/{id}/members", post(agency::add_member))
        .route("/outcomes", get(list_outcomes))
        .route("/events/{id}/profiles", get(exchange::search_profiles))
        .route(
            "/events/{id}/recommendations",
            get(exchange::recommendations),
        )
        .route(
            "/events/{id}/requests",
            get(exchange::list_requests).post(exchange::send_request),
        )
        .route(
            "/events/{id}/requests/{request}/answer",
            post(exchange::answer_request),
        )
        .route(
            "/events/{id}/requests/{request}/free-slots",
            get(exchange::free_slots),
        )
        .route("/events/{id}/meetings", get(exchange::list_meetings))
        .route("/events/{id}/schedule-runs", post(running::start_run))
        .route(
            "/events/{id}/schedule-runs/latest",
            get(running::latest_run),
        )
        .route("/events/{id}/schedule/state", post(running::set_state))
        .route(
            "/events/{id}/participants/{participant}/check-in",
            post(running::check_in),
        )
        .route(
            "/events/{id}/meetings/{meeting}/status",
            post(running::meeting_status),
        )
        .route("/events/{id}/statistics", get(running::statistics))
        .route("/agencies/{slug}/report", get(agency::report))
        .route("/agencies/{slug}/dashboard", get(agency::dashboard))
        .route("/outcomes", post(agency::record_outcome))
        .route("/agreements", post(agency::create_agreement))
        .route("/settlements", post(agency::create_settlement))
        .route("/settlements/{id}/steps", post(agency::add_settlement_step))
        .route("/calls", post(agency::create_call))
        .route("/calls/{id}/suggestions", get(agency::call_suggestions))
        .route("/calls/{id}/members", post(agency::add_call_member))
        .route("/memberships/{id}", post(agency::change_membership))
        .route("/events/{id}/trip/proposals", get(trips::proposals))
        .route("/events/{id}/trip/pairs", post(trips::confirm))
        .route(
            "/events/{id}/trip/local-partners",
            post(trips::add_local_partner),
        )
        .route(
            "/events/{id}/trip/local-partners/import",
            post(trips::import),
        )
        .route(
            "/events/{id}/meetings/{meeting}/reopen",
            post(trips::reopen),
        )
        .route("/organisations/{id}/archive", post(directory::archive))
        .route("/import/{kind}", post(directory::import))
        .route("/ideas", get(ideas::list_ideas).post(ideas::create_idea))
        .route("/ideas/{id}/orgs", post(ideas::put_idea_org))
        .route("/ideas/{id}/orgs/remove", post(ideas::remove_idea_org))
        .route("/ideas/{id}/status", post(ideas::set_idea_status))
        .route("/ideas/{id}/suggestions", get(ideas::idea_suggestions))
        .route("/organisations/{id}/merge", post(agency::merge))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "koop API",
        version = "1",
        description = "Organisations, networks, clusters, agreements, partner cities, events, activities and outcomes, the workflow of a cooperation exchange: the marketplace, recommendations, meeting requests and their answers, agendas, scheduler runs, publication, check-in, attendance and statistics; and the agency workspace: the council report and the dashboard as data, agreements with contributions, outcomes against their cause, settlement projects and their steps, funding calls with suggested partners and their consortium, delegation trips and online missions (proposed local partners, confirmed pairs, local partners and their import, meetings cancelled on the ground sent back to the scheduler), cross-cluster project ideas with their owners, clusters, partners and suggested partners, merging duplicates. Reads respect the caller's agency: published records are public; others need a session. With a session cookie, every POST carries the session's form token in the X-CSRF-Token header."
    ),
    paths(
        list_organisations,
        get_organisation,
        list_networks,
        list_clusters,
        list_agreements,
        get_agreement,
        list_partner_cities,
        list_events,
        get_event,
        list_participants,
        list_activities,
        list_outcomes,
        exchange::search_profiles,
        exchange::recommendations,
        exchange::list_requests,
        exchange::send_request,
        exchange::answer_request,
        exchange::free_slots,
        exchange::list_meetings,
        running::start_run,
        running::latest_run,
        running::set_state,
        running::check_in,
        running::meeting_status,
        running::statistics,
        agency::report,
        agency::dashboard,
        agency::record_outcome,
        agency::create_agreement,
        agency::create_settlement,
        agency::add_settlement_step,
        agency::create_call,
        agency::call_suggestions,
        agency::add_call_member,
        cities::create_partner_city,
        trips::proposals,
        trips::confirm,
        trips::add_local_partner,
        trips::import,
        trips::reopen,
        directory::archive,
        directory::import,
        cities::history,
        cities::add_milestone,
        ideas::list_ideas,
        ideas::create_idea,
        ideas::put_idea_org,
        ideas::remove_idea_org,
        ideas::set_idea_status,
        ideas::idea_suggestions,
        agency::merge,
        agency::create_activity,
        agency::set_leads,
        agency::set_target,
        agency::add_member,
        agency::change_membership
    ),
    components(schemas(
        OrgDto,
        MemberDto,
        AgreementDto,
        PartyDto,
        PartnerCityDto,
        EventDto,
        VenueDto,
        SessionDto,
        ParticipantDto,
        ActivityDto,
        OutcomeDto,
        ErrorDto,
        ProblemDto,
        exchange::MarketDto,
        exchange::ProfileDto,
        exchange::RecommendationDto,
        exchange::RequestDto,
        exchange::ProposalDto,
        exchange::NewRequestDto,
        exchange::CreatedDto,
        exchange::AnswerDto,
        exchange::AnsweredDto,
        exchange::FreeSlotDto,
        exchange::MeetingDto,
        exchange::AttendeeDto,
        running::ScheduleRunDto,
        running::UnplacedDto,
        running::ScheduleStateDto,
        running::StatusDto,
        running::FiguresDto,
        agency::ResultDto,
        agency::EffectDto,
        agency::SectionDto,
        agency::GoalDto,
        agency::GoalYearDto,
        agency::SettlementDto,
        agency::StepDto,
        agency::TotalDto,
        agency::ReportDto,
        agency::LedgerDto,
        agency::LedgerSumDto,
        agency::FunnelDto,
        agency::DashboardDto,
        agency::NewOutcomeDto,
        agency::IdDto,
        agency::PartyInDto,
        agency::NewAgreementDto,
        agency::PartnerInDto,
        agency::NewSettlementDto,
        agency::NewCallDto,
        agency::CallReasonDto,
        agency::CallSuggestionDto,
        agency::MemberInDto,
        cities::NewPartnerCityDto,
        trips::ProposalDto,
        trips::PairsDto,
        trips::ConfirmedDto,
        trips::LocalPartnerDto,
        directory::ArchiveDto,
        directory::ImportDto,
        cities::MilestoneDto,
        cities::HistoryDto,
        ideas::IdeaOrgDto,
        ideas::IdeaDto,
        ideas::NewIdeaDto,
        ideas::IdeaStatusDto,
        agency::MergeDto,
        agency::NewActivityDto,
        agency::LeadsDto,
        agency::TargetDto,
        agency::NewMemberDto,
        agency::MembershipChangeDto
    ))
)]
struct ApiDoc;

/// The OpenAPI description.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

type ApiResult<T> = Result<Json<T>, AppError>;

/// A core result as the API answers it: errors as JSON problems.
trait OrApi<T> {
    fn api(self) -> Result<T, AppError>;
}

impl<T> OrApi<T> for Result<T, koop_core::CoreError> {
    fn api(self) -> Result<T, AppError> {
        self.map_err(AppError::api)
    }
}

/// The participant a request acts for: the caller's own registration at the event,
/// or (for its organisers) the one they name, who must take part in it.
async fn whose(
    s: &AppState,
    v: &Visitor,
    event: EventId,
    chosen: Option<i64>,
) -> Result<koop_core::domain::ids::ParticipantId, AppError> {
    use koop_core::policy::EventAccess;
    let mut r = s.core.reader(&v.actor).await.api()?;
    let (_, access) = r.event_access(event).await.api()?;
    match (access, chosen) {
        (EventAccess::Attend(me), None) => Ok(me),
        (EventAccess::Attend(me), Some(p)) if p == me.0 => Ok(me),
        (EventAccess::Manage, Some(p)) => {
            let p = koop_core::domain::ids::ParticipantId(p);
            if r.participant(p).await.api()?.event_id != event {
                return Err(AppError::api(koop_core::CoreError::NotFound));
            }
            Ok(p)
        }
        (EventAccess::Manage, None) => Err(AppError::bad_request(
            "participant",
            "required",
            "organisers name the participant they act for".into(),
        )
        .into_json()),
        _ => Err(AppError::api(koop_core::CoreError::Forbidden)),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
struct OrgQuery {
    /// Only this kind, e.g. `company`, `cluster`.
    kind: Option<String>,
    /// Only this ISO country code.
    country: Option<String>,
    /// Only names containing this text.
    q: Option<String>,
}

/// Organisations the caller may see.
#[utoipa::path(get, path = "/api/v1/organisations", params(OrgQuery), responses((status = 200, body = [OrgDto]), (status = 400, body = ErrorDto)))]
async fn list_organisations(
    State(s): State<AppState>,
    v: Visitor,
    Query(q): Query<OrgQuery>,
) -> ApiResult<Vec<OrgDto>> {
    let kinds = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => vec![OrgKind::parse(k).map_err(|e| AppError::api(e.into()))?],
        None => vec![],
    };
    let filter = OrgFilter {
        kinds,
        country: q.country.map(|c| c.to_uppercase()),
        name_contains: q.q,
        agency: None,
    };
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.orgs(&filter)
            .await
            .map_err(AppError::api)?
            .iter()
            .map(OrgDto::from)
            .collect(),
    ))
}

/// One organisation with its memberships.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", params(("id" = i64, Path)), responses((status = 200, body = OrgDto), (status = 404, body = ErrorDto)))]
async fn get_organisation(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<OrgDto> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    let o = r.org(OrgId(id)).await.map_err(AppError::api)?;
    let mut dto = OrgDto::from(&o);
    dto.memberships = r
        .memberships(o.id)
        .await
        .map_err(AppError::api)?
        .iter()
        .map(MemberDto::from)
        .collect();
    Ok(Json(dto))
}

async fn groups(s: &AppState, v: &Visitor, kind: OrgKind) -> ApiResult<Vec<OrgDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    let groups = r
        .orgs(&OrgFilter {
            kinds: vec![kind],
            ..OrgFilter::default()
        })
        .await
        .map_err(AppError::api)?;
    let members = r
        .memberships_in(kind.as_str())
        .await
        .map_err(AppError::api)?;
    Ok(Json(
        groups
            .iter()
            .map(|g| {
                let mut dto = OrgDto::from(g);
                dto.memberships = members
                    .iter()
                    .filter(|m| m.group_id == g.id)
                    .map(MemberDto::from)
                    .collect();
                dto
            })
            .collect(),
    ))
}

/// Networks with their members.
#[utoipa::path(get, path = "/api/v1/networks", responses((status = 200, body = [OrgDto])))]
async fn list_networks(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<OrgDto>> {
    groups(&s, &v, OrgKind::Network).await
}

/// Clusters with their members.
#[utoipa::path(get, path = "/api/v1/clusters", responses((status = 200, body = [OrgDto])))]
async fn list_clusters(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<OrgDto>> {
    groups(&s, &v, OrgKind::Cluster).await
}

/// Cooperation agreements.
#[utoipa::path(get, path = "/api/v1/agreements", responses((status = 200, body = [AgreementDto])))]
async fn list_agreements(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<AgreementDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.agreements(None)
            .await
            .map_err(AppError::api)?
            .iter()
            .map(|(a, p)| AgreementDto::new(a, p))
            .collect(),
    ))
}

/// One agreement.
#[utoipa::path(get, path = "/api/v1/agreements/{id}", params(("id" = i64, Path)), responses((status = 200, body = AgreementDto), (status = 404, body = ErrorDto)))]
async fn get_agreement(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<AgreementDto> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    let (a, p) = r.agreement(AgreementId(id)).await.map_err(AppError::api)?;
    Ok(Json(AgreementDto::new(&a, &p)))
}

/// Partner-city relations.
#[utoipa::path(get, path = "/api/v1/partner-cities", responses((status = 200, body = [PartnerCityDto])))]
async fn list_partner_cities(
    State(s): State<AppState>,
    v: Visitor,
) -> ApiResult<Vec<PartnerCityDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.partner_cities()
            .await
            .map_err(AppError::api)?
            .iter()
            .map(PartnerCityDto::from)
            .collect(),
    ))
}

/// Events.
#[utoipa::path(get, path = "/api/v1/events", responses((status = 200, body = [EventDto])))]
async fn list_events(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<EventDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.events(None)
            .await
            .map_err(AppError::api)?
            .iter()
            .map(|e| EventDto::new(e, vec![], vec![]))
            .collect(),
    ))
}

/// One event with venues and sessions.
#[utoipa::path(get, path = "/api/v1/events/{id}", params(("id" = i64, Path)), responses((status = 200, body = EventDto), (status = 404, body = ErrorDto)))]
async fn get_event(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<EventDto> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    let id = EventId(id);
    let e = r.event(id).await.map_err(AppError::api)?;
    let venues = r.venues(id).await.map_err(AppError::api)?;
    let sessions = r.sessions(id).await.map_err(AppError::api)?;
    Ok(Json(EventDto::new(
        &e,
        venues.iter().map(VenueDto::from).collect(),
        sessions.iter().map(SessionDto::from).collect(),
    )))
}

/// Participants of an event: organisations for everyone; names for the event's
/// organisers and participants; statuses for its organisers.
#[utoipa::path(get, path = "/api/v1/events/{id}/participants", params(("id" = i64, Path)), responses((status = 200, body = [ParticipantDto]), (status = 404, body = ErrorDto)))]
async fn list_participants(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<Vec<ParticipantDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.participants(EventId(id))
            .await
            .map_err(AppError::api)?
            .iter()
            .map(ParticipantDto::from)
            .collect(),
    ))
}

/// Activities.
#[utoipa::path(get, path = "/api/v1/activities", responses((status = 200, body = [ActivityDto])))]
async fn list_activities(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<ActivityDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.activities(ActivityFilter::default())
            .await
            .map_err(AppError::api)?
            .iter()
            .map(ActivityDto::from)
            .collect(),
    ))
}

/// Outcomes with their attribution.
#[utoipa::path(get, path = "/api/v1/outcomes", responses((status = 200, body = [OutcomeDto])))]
async fn list_outcomes(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<OutcomeDto>> {
    let mut r = s.core.reader(&v.actor).await.map_err(AppError::api)?;
    Ok(Json(
        r.outcomes(OutcomeFilter::default())
            .await
            .map_err(AppError::api)?
            .iter()
            .map(OutcomeDto::from)
            .collect(),
    ))
}
