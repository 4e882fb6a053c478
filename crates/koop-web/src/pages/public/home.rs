//! The start page: what is in koop, and the events.

use crate::error::AppError;
use crate::pages::public::rows::{self, EventRow};
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Html;

struct Card {
    href: &'static str,
    label: String,
    count: i64,
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct Home {
    ctx: Ctx,
    cards: Vec<Card>,
    events: Vec<EventRow>,
}

pub async fn show_home(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let counts = r.org_counts().await?;
    let count = |kinds: &[&str]| {
        counts
            .iter()
            .filter(|(k, _)| kinds.contains(&k.as_str()))
            .map(|c| c.1)
            .sum::<i64>()
    };
    let events = r.events(None).await?;
    let cards = vec![
        Card {
            href: crate::paths::ORGANISATIONS,
            label: ctx.t("nav-organisations"),
            count: counts.iter().map(|c| c.1).sum(),
        },
        Card {
            href: crate::paths::NETWORKS,
            label: ctx.t("nav-networks"),
            count: count(&["network"]),
        },
        Card {
            href: crate::paths::CLUSTERS,
            label: ctx.t("nav-clusters"),
            count: count(&["cluster"]),
        },
        Card {
            href: crate::paths::AGREEMENTS,
            label: ctx.t("nav-agreements"),
            count: r.agreements(None).await?.len() as i64,
        },
        Card {
            href: crate::paths::PARTNER_CITIES,
            label: ctx.t("nav-partner_cities"),
            count: r.partner_cities().await?.len() as i64,
        },
        Card {
            href: crate::paths::EVENTS,
            label: ctx.t("nav-events"),
            count: events.len() as i64,
        },
        Card {
            href: crate::paths::ACTIVITIES,
            label: ctx.t("nav-activities"),
            count: r.activities(Default::default()).await?.len() as i64,
        },
        Card {
            href: crate::paths::OUTCOMES,
            label: ctx.t("nav-outcomes"),
            count: r.outcomes(Default::default()).await?.len() as i64,
        },
    ];
    let events = events.iter().map(|x| rows::event(&ctx, x)).collect();
    render(Home { ctx, cards, events })
}
