//! Cross-cluster project ideas in the JSON API: list, record, put organisations in and
//! take them out, set where an idea stands, and the partners the engine suggests.

use super::agency::{CallSuggestionDto, IdDto, choice, own_agency, suggestion_dto};
use super::dto::ErrorDto;
use super::exchange::Body;
use super::{ApiResult, OrApi};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use koop_core::domain::idea::{IdeaData, IdeaRole, IdeaStatus, ProjectIdea};
use koop_core::domain::ids::{OrgId, ProjectIdeaId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An organisation in an idea and how it takes part.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct IdeaOrgDto {
    pub org_id: i64,
    /// `owner`, `cluster` (a cluster or network the idea spans) or `partner`.
    pub role: String,
}

/// A project idea.
#[derive(Serialize, ToSchema)]
pub struct IdeaDto {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// `open`, `seeking`, `formed`, `running` or `dropped`.
    pub status: String,
    pub orgs: Vec<IdeaOrgDto>,
}

impl From<ProjectIdea> for IdeaDto {
    fn from(i: ProjectIdea) -> IdeaDto {
        IdeaDto {
            id: i.id.0,
            title: i.data.title,
            summary: i.data.summary,
            status: i.status.as_str().into(),
            orgs: i
                .orgs
                .into_iter()
                .map(|(o, r)| IdeaOrgDto {
                    org_id: o.0,
                    role: r.as_str().into(),
                })
                .collect(),
        }
    }
}

/// The project ideas of the caller's agency.
#[utoipa::path(get, path = "/api/v1/ideas", responses((status = 200, body = [IdeaDto]), (status = 403, body = ErrorDto)))]
pub async fn list_ideas(State(s): State<AppState>, v: Visitor) -> ApiResult<Vec<IdeaDto>> {
    own_agency(&v)?;
    let ideas = s.core.reader(&v.actor).await.api()?.ideas().await.api()?;
    Ok(Json(ideas.into_iter().map(IdeaDto::from).collect()))
}

/// A new idea.
#[derive(Deserialize, ToSchema)]
pub struct NewIdeaDto {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// Who leads it; at least one.
    pub owner_ids: Vec<i64>,
    /// The clusters and networks it spans.
    #[serde(default)]
    pub cluster_ids: Vec<i64>,
}

/// Records a project idea in the caller's agency.
#[utoipa::path(post, path = "/api/v1/ideas", request_body = NewIdeaDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn create_idea(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewIdeaDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    if b.owner_ids.is_empty() {
        return Err(crate::error::AppError::bad_request(
            "owner_ids",
            "required",
            "an idea needs an owner".into(),
        )
        .into_json());
    }
    let owners: Vec<OrgId> = b.owner_ids.iter().map(|i| OrgId(*i)).collect();
    let clusters: Vec<OrgId> = b.cluster_ids.iter().map(|i| OrgId(*i)).collect();
    let data = IdeaData {
        title: b.title,
        summary: b.summary,
    };
    let id = s
        .core
        .create_idea(&v.actor, agency, data, &owners, &clusters)
        .await
        .api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// Puts an organisation into an idea in a role.
#[utoipa::path(post, path = "/api/v1/ideas/{id}/orgs", params(("id" = i64, Path)), request_body = IdeaOrgDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn put_idea_org(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<IdeaOrgDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    let role = choice("role", IdeaRole::parse(&b.role))?;
    s.core
        .put_idea_org(&v.actor, ProjectIdeaId(id), OrgId(b.org_id), role)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// Takes an organisation's role in an idea away.
#[utoipa::path(post, path = "/api/v1/ideas/{id}/orgs/remove", params(("id" = i64, Path)), request_body = IdeaOrgDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn remove_idea_org(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<IdeaOrgDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    let role = choice("role", IdeaRole::parse(&b.role))?;
    s.core
        .remove_idea_org(&v.actor, ProjectIdeaId(id), OrgId(b.org_id), role)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// Where an idea stands.
#[derive(Deserialize, ToSchema)]
pub struct IdeaStatusDto {
    /// `open`, `seeking`, `formed`, `running` or `dropped`.
    pub status: String,
}

/// Sets where an idea stands.
#[utoipa::path(post, path = "/api/v1/ideas/{id}/status", params(("id" = i64, Path)), request_body = IdeaStatusDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn set_idea_status(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<IdeaStatusDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    let status = choice("status", IdeaStatus::parse(&b.status))?;
    s.core
        .set_idea_status(&v.actor, ProjectIdeaId(id), status)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// Partners the engine suggests for an idea from the members of the clusters it
/// spans, best first, each with its reasons.
#[utoipa::path(get, path = "/api/v1/ideas/{id}/suggestions", params(("id" = i64, Path)), responses((status = 200, body = [CallSuggestionDto]), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn idea_suggestions(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<Vec<CallSuggestionDto>> {
    own_agency(&v)?;
    let mut r = s.core.reader(&v.actor).await.api()?;
    let idea = r.idea(ProjectIdeaId(id)).await.api()?;
    let list = koop_core::ops::ideas::idea_suggestions(&mut r, &idea)
        .await
        .api()?;
    Ok(Json(
        list.iter().map(|x| suggestion_dto(&x.partner)).collect(),
    ))
}
