//! Setting what a goal aims for in a year, from the agency's dashboard.

use super::own_agency;
use crate::error::AppError;
use crate::forms::Fields;
use crate::pages::see_other_with_flash;
use crate::session::Visitor;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::GoalId;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route(crate::paths::GOAL_TARGET, post(set_target))
}

#[derive(Deserialize)]
struct TargetInput {
    #[serde(default)]
    goal: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    target: String,
}

async fn set_target(
    State(s): State<AppState>,
    v: Visitor,
    Form(f): Form<TargetInput>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let mut fields = Fields::default();
    let goal = fields.optional_number("goal", &f.goal);
    let year = fields.optional_number("year", &f.year);
    let target = fields.optional_amount("target", &f.target);
    fields.finish()?;
    let (Some(goal), Some(year), Some(target)) = (goal, year, target) else {
        return Err(CoreError::field(koop_core::domain::DomainError::new(
            "target",
            "required",
            "goal, year and target are all needed",
        ))
        .into());
    };
    let year = i32::try_from(year).map_err(|_| {
        AppError::bad_request("year", "invalid_year", format!("{year} is not a year"))
    })?;
    s.core
        .set_goal_target(&v.actor, GoalId(goal), year, target)
        .await?;
    let slug = s
        .core
        .reader(&v.actor)
        .await?
        .agencies()
        .await?
        .into_iter()
        .find(|a| {
            v.account()
                .and_then(|x| x.agency_id)
                .is_some_and(|id| id.0 == a.id)
        })
        .map(|a| a.slug)
        .unwrap_or_default();
    Ok(see_other_with_flash(
        &crate::paths::agency(&slug),
        "flash-saved",
    ))
}
