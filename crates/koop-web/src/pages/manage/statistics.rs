//! For organisers, during and after the event: requests and meetings by status,
//! meetings per participant, and both by country and by sector, as bar charts.

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
    Router::new().route("/events/{id}/statistics", get(show_statistics))
}

/// One bar: its label, its value, and its length in the chart's units (0–100).
pub struct Bar {
    label: String,
    value: i64,
    length: i64,
    /// Where the bar's row starts, in the chart's units.
    y: i64,
}

/// A horizontal bar chart, drawn as SVG without styles (the CSP allows no inline style).
pub struct Chart {
    title: String,
    bars: Vec<Bar>,
    height: i64,
}

impl Chart {
    fn new(title: String, rows: Vec<(String, i64)>) -> Chart {
        let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
        let bars = rows
            .into_iter()
            .enumerate()
            .map(|(i, (label, value))| Bar {
                label,
                value,
                length: value * 100 / max,
                y: i as i64 * 22,
            })
            .collect::<Vec<_>>();
        let height = bars.len() as i64 * 22;
        Chart {
            title,
            bars,
            height,
        }
    }
}

#[derive(Template)]
#[template(path = "manage/statistics.html")]
struct StatisticsPage {
    ctx: Ctx,
    id: i64,
    title: String,
    charts: Vec<Chart>,
    countries: Vec<(String, i64, i64, i64)>,
}

async fn show_statistics(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let f = r.event_figures(event).await?;
    let title = r.event(event).await?.data.title;
    let kinds = |group: &str, rows: &[(String, i64)]| -> Vec<(String, i64)> {
        rows.iter().map(|(k, n)| (ctx.kind(group, k), *n)).collect()
    };
    let unknown = ctx.t("stats-no_sector");
    let ratings: Vec<(String, i64)> = (1..=5)
        .map(|score| {
            let n = f.ratings.iter().find(|r| r.0 == score).map_or(0, |r| r.1);
            (format!("{score} ★"), n)
        })
        .collect();
    let charts = vec![
        Chart::new(ctx.t("stats-requests"), kinds("request", &f.requests)),
        Chart::new(ctx.t("stats-meetings"), kinds("meeting", &f.meetings)),
        Chart::new(
            ctx.t("stats-per_participant"),
            f.meetings_per_participant
                .iter()
                .map(|(n, k)| (n.to_string(), *k))
                .collect(),
        ),
        Chart::new(ctx.t("stats-ratings"), ratings),
        Chart::new(
            ctx.t("stats-held_by_sector"),
            f.by_sector
                .iter()
                .map(|(d, _, held)| {
                    let label = if d.is_empty() {
                        unknown.clone()
                    } else {
                        format!("NACE {d}")
                    };
                    (label, *held)
                })
                .collect(),
        ),
    ];
    render(StatisticsPage {
        id,
        title,
        charts,
        countries: f.by_country,
        ctx,
    })
}
