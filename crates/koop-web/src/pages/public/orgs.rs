//! Organisations, networks and clusters.

use crate::error::AppError;
use crate::pages::public::rows::{
    self, ActivityRow, AgreementRow, EventRow, OrgRow, OutcomeRow, ProfileCard,
};
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::domain::ids::OrgId;
use koop_core::domain::org::OrgKind;
use koop_core::views::{ActivityFilter, OrgFilter, OutcomeFilter};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(list_organisations))
        .route("/organisations/{id}", get(show_organisation))
        .route("/networks", get(list_networks))
        .route("/clusters", get(list_clusters))
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
}

#[derive(Template)]
#[template(path = "public/org_list.html")]
struct OrgList {
    ctx: Ctx,
    heading: String,
    action: &'static str,
    q: String,
    kind: String,
    country: String,
    show_kind: bool,
    kinds: Vec<(&'static str, String)>,
    orgs: Vec<OrgRow>,
}

async fn list_organisations(
    State(s): State<AppState>,
    v: Visitor,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let kinds = if q.kind.is_empty() {
        vec![]
    } else {
        vec![OrgKind::parse(&q.kind).map_err(koop_core::CoreError::from)?]
    };
    let filter = OrgFilter {
        kinds,
        country: Some(q.country.trim().to_uppercase()).filter(|c| !c.is_empty()),
        name_contains: Some(q.q.clone()).filter(|n| !n.trim().is_empty()),
        agency: None,
    };
    let mut r = s.core.reader(&v.actor).await?;
    let orgs = r.orgs(&filter).await?;
    render(OrgList {
        heading: ctx.t("nav-organisations"),
        action: crate::paths::ORGANISATIONS,
        kinds: OrgKind::ALL
            .iter()
            .map(|k| (k.as_str(), ctx.kind("org", k.as_str())))
            .collect(),
        orgs: orgs.iter().map(|o| rows::org(&ctx, o)).collect(),
        show_kind: true,
        q: q.q,
        kind: q.kind,
        country: q.country,
        ctx,
    })
}

/// A member or group with role and date.
struct MemberRow {
    id: i64,
    name: String,
    role: String,
    since: String,
    /// The day it ended, if it did.
    until: String,
    /// The membership's form, for those who keep the group.
    edit: Option<String>,
}

#[derive(Template)]
#[template(path = "public/org_detail.html")]
struct OrgDetail {
    ctx: Ctx,
    name: String,
    kind: String,
    country: String,
    city: String,
    nace: Vec<String>,
    languages: String,
    website: Option<String>,
    website_is_link: bool,
    description: String,
    published: bool,
    members: Vec<MemberRow>,
    member_of: Vec<MemberRow>,
    people: Vec<(String, String)>,
    profiles: Vec<ProfileCard>,
    events: Vec<EventRow>,
    agreements: Vec<AgreementRow>,
    activities: Vec<ActivityRow>,
    outcomes: Vec<OutcomeRow>,
    id: i64,
    /// The organisation this duplicate was merged into: link and name.
    merged_into: Option<(String, String)>,
    /// For staff of the owning agency: the other organisations to merge into this one,
    /// likely duplicates first (with a flag).
    merge_candidates: Option<Vec<(i64, String, bool)>>,
    /// Whether the visitor keeps this organisation's records (edit, archive).
    manage: bool,
    /// For a network or cluster kept by the visitor: organisations to add as members,
    /// and the roles.
    member_choices: Option<(Vec<(i64, String)>, Vec<(&'static str, String)>)>,
    archived: bool,
}

/// Words of a name that say which organisation it is ("Müller", "Maschinenbau"), not
/// its legal form.
fn name_words(name: &str) -> Vec<String> {
    const FORMS: &[&str] = &[
        "gmbh", "mbh", "ag", "kg", "co", "ltd", "llc", "sia", "ooo", "e.v.", "sa", "sas", "und",
        "the",
    ];
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !FORMS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The agency's other organisations, those sharing a word of the name and the country
/// with `o` first.
async fn merge_candidates(
    r: &mut koop_core::read::Reader,
    o: &koop_core::domain::org::Organisation,
) -> Result<Vec<(i64, String, bool)>, AppError> {
    let words = name_words(&o.data.name);
    let mut all: Vec<(i64, String, bool)> = r
        .orgs(&koop_core::views::OrgFilter {
            agency: Some(o.agency_id),
            ..Default::default()
        })
        .await?
        .into_iter()
        .filter(|x| x.id != o.id)
        .map(|x| {
            let likely = x.data.country == o.data.country
                && name_words(&x.data.name).iter().any(|w| words.contains(w));
            let label = format!("{} ({}, {})", x.data.name, x.data.country, x.data.city);
            (x.id.0, label, likely)
        })
        .collect();
    all.sort_by_key(|c| !c.2);
    Ok(all)
}

async fn show_organisation(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let id = OrgId(id);
    let o = r.org(id).await?;
    let memberships = r.memberships(id).await?;
    let manage = koop_core::policy::may_change_agency_records(v.actor.viewer(), o.agency_id);
    let row = |m: &koop_core::views::MembershipView, other: OrgId, name: &str| MemberRow {
        id: other.0,
        name: name.to_owned(),
        role: ctx.kind("role", m.role.as_str()),
        since: m.since.map(|d| date(v.lang, d)).unwrap_or_default(),
        until: m.until.map(|d| date(v.lang, d)).unwrap_or_default(),
        edit: manage.then(|| crate::paths::membership(m.id.0)),
    };
    let members = memberships
        .iter()
        .filter(|m| m.group_id == id)
        .map(|m| row(m, m.member_id, &m.member_name))
        .collect();
    let member_of = memberships
        .iter()
        .filter(|m| m.member_id == id)
        .map(|m| row(m, m.group_id, &m.group_name))
        .collect();
    // Contacts are internal: only people the viewer may see appear (never to anonymous visitors).
    let people = if v.account().is_some() {
        r.people(Some(id))
            .await?
            .into_iter()
            .map(|p| {
                (
                    format!("{} {}", p.data.given_name, p.data.family_name),
                    p.data.function,
                )
            })
            .collect()
    } else {
        vec![]
    };
    let profiles = r
        .org_profiles(id)
        .await?
        .iter()
        .map(|p| rows::profile(&ctx, p, None))
        .collect();
    let events = r
        .events(Some(id))
        .await?
        .iter()
        .map(|x| rows::event(&ctx, x))
        .collect();
    let agreements = r
        .agreements(Some(id))
        .await?
        .iter()
        .map(|(a, p)| rows::agreement(&ctx, a, p))
        .collect();
    let activities = r
        .activities(ActivityFilter {
            org: Some(id),
            ..ActivityFilter::default()
        })
        .await?
        .iter()
        .map(|a| rows::activity(&ctx, a))
        .collect();
    let outcomes = r
        .outcomes(OutcomeFilter {
            org: Some(id),
            ..OutcomeFilter::default()
        })
        .await?
        .iter()
        .map(|x| rows::outcome(&ctx, x))
        .collect();
    let merged_into = match r.merged_into(id).await? {
        Some(into) => {
            let name = r.org(into).await.map(|x| x.data.name).unwrap_or_default();
            Some((crate::paths::organisation(into), name))
        }
        None => None,
    };
    let archived = r.is_archived(id).await?;
    let merge = merged_into.is_none() && manage;
    let merge_candidates = if merge {
        Some(merge_candidates(&mut r, &o).await?)
    } else {
        None
    };
    let member_choices = match (&merge_candidates, o.data.kind.has_members()) {
        (Some(others), true) => {
            let roles = koop_core::domain::membership::MemberRole::ALL
                .iter()
                .map(|x| (x.as_str(), ctx.kind("role", x.as_str())))
                .collect();
            let orgs = others
                .iter()
                .map(|(id, label, _)| (*id, label.clone()))
                .collect();
            Some((orgs, roles))
        }
        _ => None,
    };
    render(OrgDetail {
        member_choices,
        manage,
        archived,
        id: id.0,
        merged_into,
        merge_candidates,
        name: o.data.name.clone(),
        kind: ctx.kind("org", o.data.kind.as_str()),
        country: o.data.country.to_string(),
        city: o.data.city.clone(),
        nace: o.data.nace.iter().map(ToString::to_string).collect(),
        languages: o
            .data
            .languages
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        // Only http(s) addresses become links; anything stored before the check
        // stays text.
        website: o.data.website.clone(),
        website_is_link: o
            .data
            .website
            .as_deref()
            .is_some_and(koop_core::domain::values::is_web_link),
        description: o.data.description.clone(),
        published: o.published,
        members,
        member_of,
        people,
        profiles,
        events,
        agreements,
        activities,
        outcomes,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "public/groups.html")]
struct Groups {
    ctx: Ctx,
    heading: String,
    /// id, name, city, member count
    groups: Vec<(i64, String, String, usize)>,
    /// id, name, the clusters it belongs to
    overlaps: Vec<(i64, String, String)>,
    profiles: Vec<ProfileCard>,
}

async fn groups_page(s: AppState, v: Visitor, kind: OrgKind) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let mut groups = r
        .orgs(&OrgFilter {
            kinds: vec![kind],
            ..OrgFilter::default()
        })
        .await?;
    let mut memberships = r.memberships_in(kind.as_str()).await?;
    if kind == OrgKind::Cluster {
        // Networks that share members with clusters (such as a cross-cutting technology
        // alliance) belong in the picture of where clusters overlap.
        let cluster_members: HashSet<OrgId> = memberships.iter().map(|m| m.member_id).collect();
        let network_members = r.memberships_in(OrgKind::Network.as_str()).await?;
        let overlapping: HashSet<OrgId> = network_members
            .iter()
            .filter(|m| cluster_members.contains(&m.member_id))
            .map(|m| m.group_id)
            .collect();
        memberships.extend(
            network_members
                .into_iter()
                .filter(|m| overlapping.contains(&m.group_id)),
        );
        let networks = r
            .orgs(&OrgFilter {
                kinds: vec![OrgKind::Network],
                ..OrgFilter::default()
            })
            .await?;
        groups.extend(networks.into_iter().filter(|n| overlapping.contains(&n.id)));
    }
    let rows_out = groups
        .iter()
        .map(|g| {
            (
                g.id.0,
                g.data.name.clone(),
                g.data.city.clone(),
                memberships.iter().filter(|m| m.group_id == g.id).count(),
            )
        })
        .collect();
    let mut overlaps = Vec::new();
    let mut profiles = Vec::new();
    if kind == OrgKind::Cluster {
        let mut by_member: BTreeMap<(String, i64), Vec<String>> = BTreeMap::new();
        for m in &memberships {
            by_member
                .entry((m.member_name.clone(), m.member_id.0))
                .or_default()
                .push(m.group_name.clone());
        }
        overlaps = by_member
            .into_iter()
            .filter(|(_, g)| g.len() >= 2)
            .map(|((name, id), g)| (id, name, g.join(" · ")))
            .collect();
        for g in &groups {
            for p in r.org_profiles(g.id).await? {
                profiles.push(rows::profile(&ctx, &p, Some(g.data.name.clone())));
            }
        }
    }
    let heading = ctx.t(if kind == OrgKind::Cluster {
        "nav-clusters"
    } else {
        "nav-networks"
    });
    render(Groups {
        heading,
        groups: rows_out,
        overlaps,
        profiles,
        ctx,
    })
}

async fn list_networks(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    groups_page(s, v, OrgKind::Network).await
}

async fn list_clusters(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    groups_page(s, v, OrgKind::Cluster).await
}
