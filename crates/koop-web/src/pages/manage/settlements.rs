//! The settlement pipeline of the staff member's agency: projects by stage, a form for
//! a new one, and each project's page with its dated steps and a form for the next.

use super::own_agency;
use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, date, number, render, see_other_with_flash};
use crate::paths;
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::{AgencyId, InstrumentId, InvestorProjectId, OrgId, PartnerCityId};
use koop_core::domain::settlement::{Project, ProjectData, ProjectPartner, Stage, Step};
use koop_core::views::OutcomeFilter;

type Pairs = Vec<(String, String)>;

/// How many partner rows the new-project form offers.
const PARTNER_ROWS: usize = 3;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(paths::SETTLEMENTS, get(pipeline))
        .route("/manage/settlements/new", get(new_project).post(create))
        .route("/manage/settlements/{id}", get(show))
        .route("/manage/settlements/{id}/steps", post(add_step))
}

struct Card {
    href: String,
    title: String,
    company: String,
    planned: String,
    last: String,
}

#[derive(Template)]
#[template(path = "manage/settlements.html")]
struct PipelinePage {
    ctx: Ctx,
    columns: Vec<(String, Vec<Card>)>,
    settled_jobs: String,
    open: usize,
}

fn planned(ctx: &Ctx, p: &ProjectData) -> String {
    let mut out = Vec::new();
    if let Some(j) = p.planned_jobs {
        out.push(format!("{} {}", j, ctx.t("kind-outcome-jobs")));
    }
    if let Some(eur) = p.planned_investment_eur {
        out.push(format!("{} €", number(ctx.lang, eur)));
    }
    out.join(" · ")
}

async fn company_names(
    s: &AppState,
    v: &Visitor,
    projects: &[Project],
) -> Result<std::collections::HashMap<OrgId, String>, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let mut names = std::collections::HashMap::new();
    for p in projects {
        let o = r.org(p.data.company_id).await?;
        names.insert(o.id, format!("{} ({})", o.data.name, o.data.country));
    }
    Ok(names)
}

async fn pipeline(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    let ctx = Ctx::new(&v);
    let projects: Vec<Project> = s
        .core
        .reader(&v.actor)
        .await?
        .investor_projects()
        .await?
        .into_iter()
        .filter(|p| p.agency_id == agency)
        .collect();
    let names = company_names(&s, &v, &projects).await?;
    let settled_jobs: u32 = projects
        .iter()
        .filter(|p| p.stage().is_settled())
        .filter_map(|p| p.data.planned_jobs)
        .sum();
    let open = projects
        .iter()
        .filter(|p| !p.stage().is_settled() && p.stage() != Stage::Dropped)
        .count();
    let columns = Stage::PIPELINE
        .iter()
        .map(|stage| {
            let cards = projects
                .iter()
                .filter(|p| p.stage() == *stage)
                .map(|p| Card {
                    href: paths::settlement(p.id.0),
                    title: p.data.title.clone(),
                    company: names.get(&p.data.company_id).cloned().unwrap_or_default(),
                    planned: planned(&ctx, &p.data),
                    last: p
                        .steps
                        .last()
                        .map(|st| format!("{} · {}", date(ctx.lang, st.on), st.note))
                        .unwrap_or_default(),
                })
                .collect();
            (ctx.kind("pipeline", stage.as_str()), cards)
        })
        .collect();
    render(PipelinePage {
        settled_jobs: number(ctx.lang, f64::from(settled_jobs)),
        open,
        columns,
        ctx,
    })
}

/// The choices of the project form: organisations, instruments, partner cities, stages.
struct Choices {
    orgs: Vec<(i64, String)>,
    instruments: Vec<(i64, String)>,
    cities: Vec<(i64, String)>,
    stages: Vec<(&'static str, String)>,
}

async fn choices(
    s: &AppState,
    v: &Visitor,
    ctx: &Ctx,
    agency: AgencyId,
) -> Result<Choices, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let c = super::choices::agency_choices(&mut r, agency).await?;
    let stages = Stage::PIPELINE
        .iter()
        .map(|st| (st.as_str(), ctx.kind("pipeline", st.as_str())))
        .collect();
    Ok(Choices {
        orgs: c.orgs,
        instruments: c.instruments,
        cities: c.cities,
        stages,
    })
}

#[derive(Template)]
#[template(path = "manage/settlement_new.html")]
struct NewPage {
    ctx: Ctx,
    form: FormState,
    stages: Vec<(&'static str, String)>,
    choices: Choices,
    partner_rows: Vec<usize>,
}

async fn new_project(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let agency = own_agency(&v)?;
    let ctx = Ctx::new(&v);
    let choices = choices(&s, &v, &ctx, agency).await?;
    let form = FormState::new([
        ("stage".into(), Stage::Lead.as_str().into()),
        ("on".into(), chrono::Local::now().date_naive().to_string()),
    ]);
    render(NewPage {
        ctx,
        form,
        stages: choices.stages.clone(),
        choices,
        partner_rows: (0..PARTNER_ROWS).collect(),
    })
}

fn optional_id(f: &mut Fields, field: &str, text: &str) -> Option<i64> {
    f.optional_number(field, text)
}

/// The project and its first step as the form gives them; every problem at once.
fn project_data(form: &FormState) -> Result<(ProjectData, Step), CoreError> {
    let mut f = Fields::default();
    let company = f.optional_number("company", form.value("company"));
    if company.is_none() && !f.problems.iter().any(|p| p.field == "company") {
        f.problems.push(koop_core::FieldError::new(
            "company",
            "required",
            "choose the company",
        ));
    }
    let jobs = f.optional_number("planned_jobs", form.value("planned_jobs"));
    let jobs = match jobs.map(u32::try_from) {
        Some(Err(_)) => {
            f.problems.push(
                koop_core::FieldError::new(
                    "planned_jobs",
                    "invalid_number",
                    "jobs are a whole number of zero or more",
                )
                .with("value", form.value("planned_jobs")),
            );
            None
        }
        Some(Ok(j)) => Some(j),
        None => None,
    };
    let investment = f.optional_amount(
        "planned_investment_eur",
        form.value("planned_investment_eur"),
    );
    let instrument = optional_id(&mut f, "instrument", form.value("instrument"));
    let city = optional_id(&mut f, "partner_city", form.value("partner_city"));
    let mut partners = Vec::new();
    for i in 0..PARTNER_ROWS {
        let field = format!("partner_{i}");
        if let Some(org) = f.optional_number("partners", form.value(&field)) {
            partners.push(ProjectPartner {
                org_id: OrgId(org),
                role: form.value(&format!("role_{i}")).trim().to_owned(),
            });
        }
    }
    let stage = f.choice("stage", Stage::parse(form.value("stage")));
    let on = f.date("on", form.value("on"));
    f.finish()?;
    let (Some(company), Some(stage), Some(on)) = (company, stage, on) else {
        return Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        ));
    };
    Ok((
        ProjectData {
            company_id: OrgId(company),
            title: form.value("title").trim().to_owned(),
            planned_jobs: jobs,
            planned_investment_eur: investment,
            site: form.value("site").trim().to_owned(),
            partners,
            instrument_id: instrument.map(InstrumentId),
            partner_city_id: city.map(PartnerCityId),
            description: form.value("description").trim().to_owned(),
        },
        Step {
            stage,
            on,
            note: form.value("note").trim().to_owned(),
        },
    ))
}

async fn create(
    State(s): State<AppState>,
    v: Visitor,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let form = FormState::new(pairs);
    let created = match project_data(&form) {
        Ok((data, first)) => {
            s.core
                .create_investor_project(&v.actor, agency, data, first)
                .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(id) => Ok(see_other_with_flash(
            &paths::settlement(id.0),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let choices = choices(&s, &v, &ctx, agency).await?;
            let page = render(NewPage {
                ctx,
                form,
                stages: choices.stages.clone(),
                choices,
                partner_rows: (0..PARTNER_ROWS).collect(),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "manage/settlement.html")]
struct ProjectPage {
    ctx: Ctx,
    id: i64,
    title: String,
    stage: String,
    facts: Vec<(String, String)>,
    partners: Vec<(String, String, String)>,
    steps: Vec<(String, String, String)>,
    outcomes: Vec<(String, String, String)>,
    form: FormState,
    stages: Vec<(&'static str, String)>,
}

async fn project_page(
    s: &AppState,
    v: &Visitor,
    id: InvestorProjectId,
    form: FormState,
) -> Result<Html<String>, AppError> {
    own_agency(v)?;
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    let p = r.investor_project(id).await?;
    let company = r.org(p.data.company_id).await?;
    let mut facts = vec![(
        ctx.t("report-company"),
        format!("{} ({})", company.data.name, company.data.country),
    )];
    let plan = planned(&ctx, &p.data);
    if !plan.is_empty() {
        facts.push((ctx.t("settlement-planned"), plan));
    }
    if !p.data.site.is_empty() {
        facts.push((ctx.t("settlement-site"), p.data.site.clone()));
    }
    if let Some(i) = p.data.instrument_id {
        let name = r
            .instruments(p.agency_id)
            .await?
            .into_iter()
            .find(|x| x.id == i)
            .map(|x| x.name);
        facts.push((ctx.t("field-instrument"), name.unwrap_or_default()));
    }
    if let Some(c) = p.data.partner_city_id {
        let city = r.partner_city(c).await?;
        facts.push((ctx.t("nav-partner_cities"), city.partner_name));
    }
    if !p.data.description.is_empty() {
        facts.push((ctx.t("field-description"), p.data.description.clone()));
    }
    let mut partners = Vec::new();
    for x in &p.data.partners {
        let o = r.org(x.org_id).await?;
        partners.push((paths::organisation(o.id), o.data.name, x.role.clone()));
    }
    let outcomes = r
        .outcomes(OutcomeFilter::default())
        .await?
        .into_iter()
        .filter(|o| o.data.attribution.investor_project_id == Some(id))
        .map(|o| {
            (
                date(ctx.lang, o.data.achieved_on),
                ctx.kind("outcome", o.data.kind.as_str()),
                crate::pages::public::report::value_text(ctx.lang, o.data.kind, o.data.value),
            )
        })
        .collect();
    let steps = p
        .steps
        .iter()
        .map(|st| {
            (
                date(ctx.lang, st.on),
                ctx.kind("pipeline", st.stage.as_str()),
                st.note.clone(),
            )
        })
        .collect();
    let stages = Stage::PIPELINE
        .iter()
        .map(|st| (st.as_str(), ctx.kind("pipeline", st.as_str())))
        .collect();
    render(ProjectPage {
        id: id.0,
        title: p.data.title.clone(),
        stage: ctx.kind("pipeline", p.stage().as_str()),
        facts,
        partners,
        steps,
        outcomes,
        form,
        stages,
        ctx,
    })
}

fn step_form(stage: Stage) -> FormState {
    FormState::new([
        ("stage".into(), stage.as_str().into()),
        ("on".into(), chrono::Local::now().date_naive().to_string()),
    ])
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    own_agency(&v)?;
    let id = InvestorProjectId(id);
    let stage = s
        .core
        .reader(&v.actor)
        .await?
        .investor_project(id)
        .await?
        .stage();
    project_page(&s, &v, id, step_form(stage)).await
}

async fn add_step(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, AppError> {
    let id = InvestorProjectId(id);
    let form = FormState::new(pairs);
    let mut f = Fields::default();
    let stage = f.choice("stage", Stage::parse(form.value("stage")));
    let on = f.date("on", form.value("on"));
    let added = match (f.finish(), stage, on) {
        (Ok(()), Some(stage), Some(on)) => {
            let step = Step {
                stage,
                on,
                note: form.value("note").trim().to_owned(),
            };
            s.core.add_project_step(&v.actor, id, step).await
        }
        (Err(e), _, _) => Err(e),
        _ => Err(CoreError::Internal(
            "a form value was refused without a problem".into(),
        )),
    };
    match added {
        Ok(()) => Ok(see_other_with_flash(
            &paths::settlement(id.0),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = form.with_problems(ctx.texts(), e)?;
            let page = project_page(&s, &v, id, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
