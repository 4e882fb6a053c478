//! For cluster managers: the clusters declared complementary to theirs, and which of
//! their members should meet which members over there.

use crate::error::AppError;
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::domain::ids::OrgId;
use koop_core::domain::org::OrgKind;
use koop_core::views::OrgFilter;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/clusters/{id}/complements",
        get(show_complements).post(declare_complement),
    )
}

/// How many pairs the view lists.
const SHOWN: usize = 40;

struct PairRow {
    member_id: i64,
    member: String,
    partner_id: i64,
    partner: String,
    partner_clusters: String,
    score: String,
    reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "public/cluster_complements.html")]
struct ComplementsPage {
    ctx: Ctx,
    id: i64,
    name: String,
    /// The other cluster's id and name, and why.
    declared: Vec<(i64, String, String)>,
    /// Clusters a manager may still declare (id, name); empty for visitors who may not.
    choices: Vec<(i64, String)>,
    pairs: Vec<PairRow>,
}

async fn show_complements(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let cluster = OrgId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let group = r.org(cluster).await?;
    if !group.data.kind.has_members() {
        return Err(AppError::not_found());
    }
    let declared: Vec<(i64, String, String)> = r
        .complements()
        .await?
        .into_iter()
        .filter_map(|c| {
            let (other, name) = c.other_side(cluster)?;
            Some((other.0, name.to_owned(), c.rationale.clone()))
        })
        .collect();
    let choices = if koop_core::policy::may_change_agency_records(v.actor.viewer(), group.agency_id)
    {
        r.orgs(&OrgFilter {
            kinds: vec![OrgKind::Cluster, OrgKind::Network],
            ..OrgFilter::default()
        })
        .await?
        .into_iter()
        .filter(|o| o.id != cluster && !declared.iter().any(|d| d.0 == o.id.0))
        .map(|o| (o.id.0, o.data.name))
        .collect()
    } else {
        Vec::new()
    };
    drop(r);
    let pairs = s
        .core
        .cross_cluster_matches(&v.actor, cluster, SHOWN)
        .await?
        .into_iter()
        .map(|p| PairRow {
            member_id: p.member.0,
            member: p.member_name,
            partner_id: p.partner.0,
            partner: p.partner_name,
            partner_clusters: p.partner_clusters.join(" · "),
            score: format!("{:.1}", p.score),
            reasons: p
                .reasons
                .iter()
                .map(|r| crate::i18n::reason_text(v.lang.texts(), r))
                .collect(),
        })
        .collect();
    render(ComplementsPage {
        id,
        name: group.data.name,
        declared,
        choices,
        pairs,
        ctx,
    })
}

#[derive(Deserialize)]
struct DeclareForm {
    other: i64,
    #[serde(default)]
    rationale: String,
}

/// A cluster manager declares another cluster complementary to theirs.
async fn declare_complement(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(f): Form<DeclareForm>,
) -> Result<Response, AppError> {
    s.core
        .declare_complement(&v.actor, OrgId(id), OrgId(f.other), &f.rationale)
        .await?;
    Ok(see_other_with_flash(
        &crate::paths::cluster_complements(id),
        "flash-saved",
    ))
}
