//! The managing area: forms and views for agency staff and event organisers, under
//! `/manage` (and the organisers' pages of an event). Who may use each is decided by koop-core's policy; these handlers only
//! ask for the operation and show its answer.

mod activities;
mod agreements;
mod audit;
mod calls;
mod changes;
mod choices;
mod co_organisers;
mod coverage;
mod day;
mod goals;
mod ideas;
mod memberships;
mod messages;
mod moving;
mod organisations;
mod outcomes;
mod partner_cities;
mod registrations;
pub(crate) mod scheduling;
mod settlements;
mod setup;
mod standby;
mod statistics;
mod suggested;
mod table_plan;
mod tables;
pub(crate) mod transfer;
mod trip;

use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use koop_core::domain::ids::AgencyId;

/// The agency whose records a staff member keeps: their own, if the policy lets them
/// change its records.
pub(crate) fn own_agency(v: &Visitor) -> Result<AgencyId, AppError> {
    v.account()
        .and_then(|a| a.agency_id)
        .filter(|a| koop_core::policy::may_change_agency_records(v.actor.viewer(), *a))
        .ok_or_else(|| koop_core::CoreError::Forbidden.into())
}

/// The managing area's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(organisations::routes())
        .merge(audit::routes())
        .merge(coverage::routes())
        .merge(day::routes())
        .merge(scheduling::routes())
        .merge(statistics::routes())
        .merge(setup::routes())
        .merge(registrations::routes())
        .merge(messages::routes())
        .merge(table_plan::routes())
        .merge(changes::routes())
        .merge(moving::routes())
        .merge(standby::routes())
        .merge(co_organisers::routes())
        .merge(tables::routes())
        .merge(settlements::routes())
        .merge(outcomes::routes())
        .merge(agreements::routes())
        .merge(transfer::routes())
        .merge(trip::routes())
        .merge(calls::routes())
        .merge(ideas::routes())
        .merge(memberships::routes())
        .merge(partner_cities::routes())
        .merge(goals::routes())
        .merge(activities::routes())
}
