//! Partner cities in the JSON API: recording a relation of the office's own city, and
//! its history of milestones.

use super::agency::{IdDto, choice, day, optional_day, own_agency};
use super::dto::ErrorDto;
use super::exchange::Body;
use super::{ApiResult, OrApi};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use koop_core::domain::city::{RelationEvent, RelationEventKind, relation_status};
use koop_core::domain::ids::{OrgId, PartnerCityId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A new partner-city relation.
#[derive(Deserialize, ToSchema)]
pub struct NewPartnerCityDto {
    /// The office's own city.
    pub home_id: i64,
    pub partner_id: i64,
    pub since: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub publish: bool,
}

/// Records a partnership of the caller's agency's own city.
#[utoipa::path(post, path = "/api/v1/partner-cities", request_body = NewPartnerCityDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn create_partner_city(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewPartnerCityDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    let since = optional_day("since", &b.since)?;
    let id = s
        .core
        .create_partner_city(
            &v.actor,
            agency,
            OrgId(b.home_id),
            OrgId(b.partner_id),
            since,
            &b.note,
            b.publish,
        )
        .await
        .api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// A milestone of a relation.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct MilestoneDto {
    /// The day, as 2011-06-30.
    pub on: String,
    /// agreed, renewed, extended, paused, resumed, ended
    pub kind: String,
    #[serde(default)]
    pub note: String,
}

/// A relation's history and where it stands.
#[derive(Serialize, ToSchema)]
pub struct HistoryDto {
    /// active, paused or ended
    pub status: String,
    pub milestones: Vec<MilestoneDto>,
}

/// A relation's milestones, oldest first, and where it stands after them.
#[utoipa::path(get, path = "/api/v1/partner-cities/{id}/history", params(("id" = i64, Path)), responses((status = 200, body = HistoryDto), (status = 404, body = ErrorDto)))]
pub async fn history(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<HistoryDto> {
    let events = s
        .core
        .reader(&v.actor)
        .await
        .api()?
        .partner_city_history(PartnerCityId(id))
        .await
        .api()?;
    Ok(Json(HistoryDto {
        status: relation_status(&events).as_str().into(),
        milestones: events
            .into_iter()
            .map(|e| MilestoneDto {
                on: e.on.to_string(),
                kind: e.kind.as_str().into(),
                note: e.note,
            })
            .collect(),
    }))
}

/// Adds a milestone to a relation of the caller's agency.
#[utoipa::path(post, path = "/api/v1/partner-cities/{id}/history", params(("id" = i64, Path)), request_body = MilestoneDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn add_milestone(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<MilestoneDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    let event = RelationEvent {
        on: day("on", &b.on)?,
        kind: choice("kind", RelationEventKind::parse(&b.kind))?,
        note: b.note,
    };
    s.core
        .add_partner_city_event(&v.actor, PartnerCityId(id), event)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}
