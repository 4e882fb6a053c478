//! The managing area: forms and views for agency staff and event organisers, under
//! `/manage`. Who may use each is decided by koop-core's policy; these handlers only
//! ask for the operation and show its answer.

mod organisations;

use crate::state::AppState;
use axum::Router;

/// The managing area's routes.
pub fn routes() -> Router<AppState> {
    Router::new().merge(organisations::routes())
}
