//! Where clusters overlap: a matrix of shared members between every two clusters (and
//! the networks that share members with them), a chart of how many others each group
//! touches, and the pairs with the members and sectors they share.

use crate::error::AppError;
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new().route(crate::paths::CLUSTER_OVERLAPS, get(show_overlaps))
}

struct Cell {
    count: usize,
    /// 0 (nothing shared) to 4 (the most shared members of any pair), for the colour.
    level: usize,
    title: String,
}

struct PairView {
    a: (i64, String),
    b: (i64, String),
    members: Vec<(i64, String)>,
    sectors: String,
}

#[derive(Template)]
#[template(path = "public/cluster_overlaps.html")]
struct OverlapsPage {
    ctx: Ctx,
    /// Id, name, short label for the matrix header.
    groups: Vec<(i64, String, String)>,
    rows: Vec<Vec<Cell>>,
    /// The chart: name, how many others it shares members with, bar length (px of 260).
    touches: Vec<(String, usize, usize)>,
    pairs: Vec<PairView>,
    /// Whether the visitor keeps an agency's records (and so its project ideas).
    staff: bool,
}

/// "MiKA", "ACOD", "IT Mitteldeutschland": the part of a name before a dash, or its
/// abbreviation in brackets, short enough for a column head.
fn short(name: &str) -> String {
    if let (Some(open), Some(close)) = (name.rfind('('), name.rfind(')'))
        && open < close
    {
        return name[open + 1..close].to_owned();
    }
    let head = name.split(" – ").next().unwrap_or(name);
    head.chars().take(18).collect()
}

async fn show_overlaps(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let o = koop_core::overlaps::overlaps(&mut r).await?;
    let most = o
        .pairs
        .iter()
        .map(|p| p.shared_members.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let n = o.groups.len();
    let rows = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let count = if i == j {
                        0
                    } else {
                        o.between(i, j).map_or(0, |p| p.shared_members.len())
                    };
                    Cell {
                        count,
                        level: if count == 0 {
                            0
                        } else {
                            1 + (count * 3).div_ceil(most).min(3)
                        },
                        title: format!("{} × {}", o.groups[i].name, o.groups[j].name),
                    }
                })
                .collect()
        })
        .collect();
    let mut touches: Vec<(String, usize, usize)> = (0..n)
        .map(|i| (o.groups[i].name.clone(), o.touches(i), 0))
        .collect();
    touches.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let widest = touches.first().map_or(1, |t| t.1.max(1));
    for t in &mut touches {
        t.2 = t.1 * 260 / widest;
    }
    let pairs = o
        .pairs
        .iter()
        .filter(|p| !p.shared_members.is_empty())
        .map(|p| PairView {
            a: (o.groups[p.a].id.0, o.groups[p.a].name.clone()),
            b: (o.groups[p.b].id.0, o.groups[p.b].name.clone()),
            members: p
                .shared_members
                .iter()
                .map(|(id, name)| (id.0, name.clone()))
                .collect(),
            sectors: p.shared_sectors.join(", "),
        })
        .collect();
    render(OverlapsPage {
        groups: o
            .groups
            .iter()
            .map(|g| (g.id.0, g.name.clone(), short(&g.name)))
            .collect(),
        rows,
        touches,
        pairs,
        staff: matches!(
            v.actor.viewer(),
            koop_core::domain::account::Viewer::Staff(_)
        ),
        ctx,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_names_take_the_abbreviation_or_the_head() {
        assert_eq!(
            super::short("Automotive Cluster Ostdeutschland (ACOD)"),
            "ACOD"
        );
        assert_eq!(
            super::short("MiKA – Mitteldeutsche Klebtechnik Allianz"),
            "MiKA"
        );
        assert_eq!(super::short("IT Mitteldeutschland"), "IT Mitteldeutschla");
    }
}
