//! For organisers: every profile with its number of good partners, fewest first, so
//! they see who needs help.

use crate::error::AppError;
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::EventId;

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/matching", get(show_coverage))
}

/// How many partners are counted at most.
const SHOWN: usize = 15;
/// A score from which a partner counts as a good match.
const GOOD: f32 = 3.0;

struct CoverageRow {
    count: usize,
    org_id: i64,
    org: String,
    title: String,
    participant: Option<i64>,
}

#[derive(Template)]
#[template(path = "manage/coverage.html")]
struct CoveragePage {
    ctx: Ctx,
    id: i64,
    title: String,
    rows: Vec<CoverageRow>,
}

async fn show_coverage(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let title = s
        .core
        .reader(&v.actor)
        .await?
        .event(event)
        .await?
        .data
        .title;
    let rows = s
        .core
        .match_coverage(&v.actor, event, GOOD, SHOWN)
        .await?
        .into_iter()
        .map(|c| CoverageRow {
            count: c.good_matches,
            org_id: c.profile.org_id.0,
            org: c.org_name,
            title: c.profile.data.title,
            participant: c.profile.participant_id.map(|p| p.0),
        })
        .collect();
    render(CoveragePage {
        id,
        title,
        rows,
        ctx,
    })
}
