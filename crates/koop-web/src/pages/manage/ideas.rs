//! Cross-cluster project ideas: the agency's ideas, a form for a new one, and each
//! idea's page with its owners, the clusters it spans, the partners who joined, where
//! it stands, and the partners the engine suggests from those clusters' members.

use super::own_agency;
use super::suggested::SuggestionView;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::idea::{IdeaData, IdeaRole, IdeaStatus};
use koop_core::domain::ids::{AgencyId, OrgId, ProjectIdeaId};
use koop_core::domain::org::OrgKind;
use koop_core::read::Reader;
use koop_core::views::OrgFilter;
use std::collections::BTreeMap;

type Pairs = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(crate::paths::IDEAS, get(list).post(create))
        .route("/manage/ideas/{id}", get(show))
        .route("/manage/ideas/{id}/orgs", post(put_org))
        .route("/manage/ideas/{id}/orgs/remove", post(remove_org))
        .route("/manage/ideas/{id}/status", post(set_status))
}

/// An idea in the list: id, title, status, owners, clusters, partners.
type IdeaRow = (i64, String, String, String, String, usize);

#[derive(Template)]
#[template(path = "manage/ideas.html")]
struct IdeasPage {
    ctx: Ctx,
    ideas: Vec<IdeaRow>,
    owners: Vec<(i64, String)>,
    clusters: Vec<(i64, String)>,
    chosen_clusters: Vec<String>,
    form: FormState,
}

/// Names of every organisation the viewer may see, by id.
async fn names(r: &mut Reader) -> Result<BTreeMap<OrgId, String>, AppError> {
    Ok(r.orgs(&OrgFilter::default())
        .await?
        .into_iter()
        .map(|o| (o.id, o.data.name))
        .collect())
}

fn named(names: &BTreeMap<OrgId, String>, ids: &[OrgId]) -> String {
    let list: Vec<&str> = ids
        .iter()
        .filter_map(|i| names.get(i).map(String::as_str))
        .collect();
    list.join(", ")
}

/// The clusters the viewer may see, and who may own an idea: those clusters and the
/// agency's own organisations.
async fn owner_choices(
    r: &mut Reader,
    agency: AgencyId,
) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>), AppError> {
    let clusters: Vec<(i64, String)> = r
        .orgs(&OrgFilter {
            kinds: vec![OrgKind::Cluster, OrgKind::Network],
            ..OrgFilter::default()
        })
        .await?
        .into_iter()
        .map(|o| (o.id.0, o.data.name))
        .collect();
    let own = r
        .orgs(&OrgFilter {
            agency: Some(agency),
            ..OrgFilter::default()
        })
        .await?;
    let mut owners: BTreeMap<i64, String> = clusters.iter().cloned().collect();
    for o in own {
        owners.insert(o.id.0, o.data.name);
    }
    let mut owners: Vec<(i64, String)> = owners.into_iter().collect();
    owners.sort_by(|a, b| a.1.cmp(&b.1));
    Ok((owners, clusters))
}

async fn ideas_page(
    s: &AppState,
    v: &Visitor,
    form: FormState,
    chosen_clusters: Vec<String>,
) -> Result<Html<String>, AppError> {
    let agency = own_agency(v)?;
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let names = names(&mut r).await?;
    let ideas = r
        .ideas()
        .await?
        .into_iter()
        .map(|i| {
            (
                i.id.0,
                i.data.title.clone(),
                ctx.kind("idea", i.status.as_str()),
                named(&names, &i.with_role(IdeaRole::Owner)),
                named(&names, &i.with_role(IdeaRole::Cluster)),
                i.with_role(IdeaRole::Partner).len(),
            )
        })
        .collect();
    let (owners, clusters) = owner_choices(&mut r, agency).await?;
    render(IdeasPage {
        ctx,
        ideas,
        owners,
        clusters,
        chosen_clusters,
        form,
    })
}

async fn list(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    ideas_page(&s, &v, FormState::default(), vec![]).await
}

fn ids(pairs: &Pairs, name: &str) -> Vec<OrgId> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .filter_map(|(_, v)| v.parse().ok().map(OrgId))
        .collect()
}

async fn create(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let owners = ids(&pairs, "owner");
    let clusters = ids(&pairs, "clusters");
    let chosen: Vec<String> = clusters.iter().map(|c| c.0.to_string()).collect();
    let form = FormState::new(pairs).with_fields(&["owner", "clusters"]);
    let data = IdeaData {
        title: form.value("title").trim().to_owned(),
        summary: form.value("summary").trim().to_owned(),
    };
    let made = if owners.is_empty() {
        Err(CoreError::field(koop_core::domain::DomainError::new(
            "owner",
            "required",
            "an idea needs an owner",
        )))
    } else {
        s.core
            .create_idea(&v.actor, agency, data, &owners, &clusters)
            .await
    };
    match made {
        Ok(id) => Ok(see_other_with_flash(
            &crate::paths::idea(id.0),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let page = ideas_page(&s, &v, form, chosen).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// A suggested partner and the spanned clusters it is a member of.
struct IdeaSuggestionView {
    partner: SuggestionView,
    clusters: String,
}

#[derive(Template)]
#[template(path = "manage/idea.html")]
struct IdeaPage {
    ctx: Ctx,
    id: i64,
    title: String,
    summary: String,
    status: String,
    status_code: &'static str,
    /// Per role: its label, its code and the organisations in it (id, name).
    groups: Vec<(String, &'static str, Vec<(i64, String)>)>,
    suggestions: Vec<IdeaSuggestionView>,
    statuses: Vec<(&'static str, String)>,
    roles: Vec<(&'static str, String)>,
    choices: Vec<(i64, String)>,
    form: FormState,
}

/// Who may be put into an idea by hand: the agency's organisations, the clusters and
/// networks, and their members.
async fn put_choices(r: &mut Reader, agency: AgencyId) -> Result<Vec<(i64, String)>, AppError> {
    let (owners, _) = owner_choices(r, agency).await?;
    let mut all: BTreeMap<i64, String> = owners.into_iter().collect();
    for kind in [OrgKind::Cluster, OrgKind::Network] {
        for m in r.memberships_in(kind.as_str()).await? {
            all.insert(m.member_id.0, m.member_name);
        }
    }
    let mut out: Vec<(i64, String)> = all.into_iter().collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

async fn idea_page(
    s: &AppState,
    v: &Visitor,
    id: ProjectIdeaId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    let agency = own_agency(v)?;
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let idea = r.idea(id).await?;
    let names = names(&mut r).await?;
    let groups = IdeaRole::ALL
        .iter()
        .map(|role| {
            let orgs = idea
                .with_role(*role)
                .into_iter()
                .map(|o| (o.0, names.get(&o).cloned().unwrap_or_default()))
                .collect();
            (ctx.kind("idea_role", role.as_str()), role.as_str(), orgs)
        })
        .collect();
    let suggestions = koop_core::ops::ideas::idea_suggestions(&mut r, &idea)
        .await?
        .into_iter()
        .map(|x| IdeaSuggestionView {
            partner: SuggestionView::new(&ctx, &x.partner, "idea-reason-topic"),
            clusters: x.clusters.join(", "),
        })
        .collect();
    let choices = put_choices(&mut r, agency).await?;
    render(IdeaPage {
        id: id.0,
        title: idea.data.title.clone(),
        summary: idea.data.summary.clone(),
        status: ctx.kind("idea", idea.status.as_str()),
        status_code: idea.status.as_str(),
        groups,
        suggestions,
        statuses: IdeaStatus::ALL
            .iter()
            .map(|st| (st.as_str(), ctx.kind("idea", st.as_str())))
            .collect(),
        roles: IdeaRole::ALL
            .iter()
            .map(|r| (r.as_str(), ctx.kind("idea_role", r.as_str())))
            .collect(),
        choices,
        form,
        ctx,
    })
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    idea_page(&s, &v, ProjectIdeaId(id), FormState::default()).await
}

/// Answers a form on the idea's page: back to it when the change was made, else the
/// page again with the problems beside the fields.
async fn answer(
    s: &AppState,
    v: &Visitor,
    id: i64,
    form: FormState,
    done: Result<(), CoreError>,
) -> Result<Response, AppError> {
    let to = crate::paths::idea(id);
    crate::forms::after_change(v, form, done, &to, |form| {
        idea_page(s, v, ProjectIdeaId(id), form)
    })
    .await
}

async fn put_org(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let form = FormState::new(pairs).with_fields(&["org", "role"]);
    let mut f = Fields::default();
    let org = f.optional_number("org", form.value("org"));
    let role = f.choice("role", IdeaRole::parse(form.value("role")));
    let done = match (f.finish(), org, role) {
        (Err(e), _, _) => Err(e),
        (Ok(()), Some(org), Some(role)) => {
            s.core
                .put_idea_org(&v.actor, ProjectIdeaId(id), OrgId(org), role)
                .await
        }
        (Ok(()), _, _) => Err(CoreError::field(koop_core::domain::DomainError::new(
            "org",
            "required",
            "choose an organisation",
        ))),
    };
    answer(&s, &v, id, form, done).await
}

async fn remove_org(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let form = FormState::new(pairs);
    let org: i64 = form.value("org").trim().parse().map_err(|_| {
        AppError::bad_request(
            "org",
            "invalid_choice",
            format!("'{}' is not an organisation", form.value("org")),
        )
    })?;
    let role = IdeaRole::parse(form.value("role"))
        .map_err(|e| AppError::bad_request("role", "invalid_choice", e.message.clone()))?;
    let done = s
        .core
        .remove_idea_org(&v.actor, ProjectIdeaId(id), OrgId(org), role)
        .await;
    answer(&s, &v, id, form, done).await
}

async fn set_status(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    own_agency(&v)?;
    let form = FormState::new(pairs);
    let mut f = Fields::default();
    let status = f.choice("status", IdeaStatus::parse(form.value("status")));
    let done = match (f.finish(), status) {
        (Ok(()), Some(st)) => {
            s.core
                .set_idea_status(&v.actor, ProjectIdeaId(id), st)
                .await
        }
        (Err(e), _) => Err(e),
        (Ok(()), None) => Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        )),
    };
    answer(&s, &v, id, form, done).await
}
