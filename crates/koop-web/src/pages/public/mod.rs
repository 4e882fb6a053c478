//! The public area: what visitors, participants and everyone logged in read, and the
//! participants' own actions (meeting requests). What each visitor sees of it is
//! decided by koop-core's policy, through the reader.

pub mod account;
pub mod activities;
pub mod agencies;
pub mod agenda;
pub mod agenda_pdf;
pub mod agreements;
pub mod briefing;
pub mod cities;
pub mod clusters;
pub mod events;
pub mod follow_up;
pub mod generic;
pub mod home;
pub mod inbox;
pub mod orgs;
pub mod overlaps;
pub mod profile_edit;
pub mod programme_pdf;
pub mod recommendations;
pub mod registration;
pub mod report;
pub mod rows;
pub mod visits;

use crate::state::AppState;
use axum::Router;

/// The public area's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(account::routes())
        .merge(orgs::routes())
        .merge(agreements::routes())
        .merge(cities::routes())
        .merge(activities::routes())
        .merge(agencies::routes())
        .merge(events::routes())
        .merge(recommendations::routes())
        .merge(inbox::routes())
        .merge(agenda::routes())
        .merge(briefing::routes())
        .merge(programme_pdf::routes())
        .merge(agenda_pdf::routes())
        .merge(clusters::routes())
        .merge(registration::routes())
        .merge(profile_edit::routes())
        .merge(follow_up::routes())
        .merge(visits::routes())
        .merge(report::routes())
        .merge(overlaps::routes())
}
