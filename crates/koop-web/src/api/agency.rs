//! The agency workspace in the JSON API: the council report and the dashboard's
//! figures as data, and for the agency's staff the same writes as the pages (an
//! agreement with contributions, an outcome against its cause, settlement projects
//! and their steps, funding calls, their consortium and suggested partners, merging a
//! duplicate). Kinds are the stable codes of the domain; dates are ISO days.

use super::dto::ErrorDto;
use super::exchange::Body;
use super::{ApiResult, OrApi};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::NaiveDate;
use koop_core::CoreError;
use koop_core::domain::agreement::{AgreementData, AgreementKind, AgreementParty};
use koop_core::domain::call::CallData;
use koop_core::domain::ids::*;
use koop_core::domain::outcome::{Attribution, OutcomeData, OutcomeKind};
use koop_core::domain::settlement::{ProjectData, ProjectPartner, Stage, Step};
use koop_core::domain::values::{CountryCode, NaceCode};
use koop_core::ops::calls::{CallReason, Suggested};
use koop_core::report::ResultRecord;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The staff member's agency, if the policy lets them change its records.
pub(super) fn own_agency(v: &Visitor) -> Result<AgencyId, AppError> {
    crate::pages::manage::own_agency(v).map_err(|_| AppError::api(CoreError::Forbidden))
}

async fn agency_by_slug(s: &AppState, v: &Visitor, slug: &str) -> Result<AgencyId, AppError> {
    let all = s
        .core
        .reader(&v.actor)
        .await
        .api()?
        .agencies()
        .await
        .api()?;
    all.iter()
        .find(|a| a.slug == slug)
        .map(|a| AgencyId(a.id))
        .ok_or_else(|| AppError::api(CoreError::NotFound))
}

fn invalid(field: &str, code: &str, message: String) -> AppError {
    AppError::bad_request(field, code, message).into_json()
}

pub(super) fn day(field: &str, text: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        invalid(
            field,
            "invalid_date",
            format!("{field} '{text}' is not a day such as 2011-07-12"),
        )
    })
}

pub(super) fn optional_day(
    field: &str,
    text: &Option<String>,
) -> Result<Option<NaiveDate>, AppError> {
    text.as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| day(field, t))
        .transpose()
}

pub(super) fn choice<T>(
    field: &str,
    parsed: Result<T, koop_core::domain::DomainError>,
) -> Result<T, AppError> {
    parsed.map_err(|e| {
        let mut e = koop_core::FieldError::from(e);
        e.field = field.to_owned();
        AppError::api(CoreError::Invalid(vec![e]))
    })
}

/// The period of a report: `from` and `to` as a year or a day.
#[derive(Deserialize, IntoParams)]
pub struct PeriodParams {
    /// First year (`2009`) or day (`2009-05-01`); default: two years before the last
    /// year with records.
    #[serde(default)]
    from: String,
    /// Last year or day; default: the last year with records.
    #[serde(default)]
    to: String,
}

/// One dated result of a section.
#[derive(Serialize, ToSchema)]
pub struct ResultDto {
    pub on: String,
    /// `activity` or `outcome`.
    pub record: String,
    pub id: i64,
    /// The activity's or the outcome's kind code.
    pub kind: String,
    pub title: String,
    pub value: Option<f64>,
    /// For an activity, the outcomes in the period attributed to it.
    pub effects: Vec<EffectDto>,
}

/// An outcome under its activity.
#[derive(Serialize, ToSchema)]
pub struct EffectDto {
    pub id: i64,
    pub on: String,
    pub kind: String,
    pub title: String,
    pub value: Option<f64>,
}

/// An instrument or partner city with its results.
#[derive(Serialize, ToSchema)]
pub struct SectionDto {
    pub title: String,
    pub description: String,
    pub country: Option<String>,
    pub since: Option<String>,
    pub results: Vec<ResultDto>,
}

/// A goal and what the period achieved towards it.
#[derive(Serialize, ToSchema)]
pub struct GoalDto {
    pub kind: String,
    pub description: String,
    pub instrument: Option<String>,
    /// The outcome kind that measures it, the sum of values and how many.
    pub measured_by: Option<String>,
    pub achieved_value: Option<f64>,
    pub achieved_count: Option<usize>,
    /// Per year of the period with a target or a result.
    pub years: Vec<GoalYearDto>,
}

/// A goal's target and result in one year.
#[derive(Serialize, ToSchema)]
pub struct GoalYearDto {
    pub year: i32,
    pub target: Option<f64>,
    pub achieved: f64,
}

/// A settlement project's steps in the period.
#[derive(Serialize, ToSchema)]
pub struct SettlementDto {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub country: String,
    pub stage: String,
    pub planned_jobs: Option<u32>,
    pub planned_investment_eur: Option<f64>,
    pub steps: Vec<StepDto>,
}

/// A dated step.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct StepDto {
    /// lead, contact, site_visit, decision, settled, aftercare, dropped
    pub stage: String,
    pub on: String,
    pub note: String,
}

/// Outcomes of one kind in the period.
#[derive(Serialize, ToSchema)]
pub struct TotalDto {
    pub kind: String,
    pub count: usize,
    pub value: f64,
}

/// The council report.
#[derive(Serialize, ToSchema)]
pub struct ReportDto {
    pub agency: String,
    pub from: String,
    pub to: String,
    pub goals: Vec<GoalDto>,
    pub instruments: Vec<SectionDto>,
    pub partner_cities: Vec<SectionDto>,
    pub other: Vec<ResultDto>,
    pub settlements: Vec<SettlementDto>,
    pub totals: Vec<TotalDto>,
}

fn result(r: &koop_core::report::DatedResult) -> ResultDto {
    let (record, id, kind, value) = match r.record {
        ResultRecord::Activity(id, kind) => ("activity", id.0, kind.as_str(), None),
        ResultRecord::Outcome(e) => ("outcome", e.id.0, e.kind.as_str(), e.value),
    };
    ResultDto {
        on: r.on.to_string(),
        record: record.into(),
        id,
        kind: kind.into(),
        title: r.title.clone(),
        value,
        effects: r
            .effects
            .iter()
            .map(|(e, title)| EffectDto {
                id: e.id.0,
                on: e.on.to_string(),
                kind: e.kind.as_str().into(),
                title: title.clone(),
                value: e.value,
            })
            .collect(),
    }
}

fn section(s: &koop_core::report::Section) -> SectionDto {
    SectionDto {
        title: s.title.clone(),
        description: s.description.clone(),
        country: s.country.clone(),
        since: s.since.map(|d| d.to_string()),
        results: s.results.iter().map(result).collect(),
    }
}

/// The council report of an agency for a period, as the caller may see it.
#[utoipa::path(get, path = "/api/v1/agencies/{slug}/report", params(("slug" = String, Path), PeriodParams), responses((status = 200, body = ReportDto), (status = 400, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn report(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    Query(q): Query<PeriodParams>,
) -> ApiResult<ReportDto> {
    let agency = agency_by_slug(&s, &v, &slug).await?;
    let mut r = s.core.reader(&v.actor).await.api()?;
    let years = koop_core::report::record_years(&mut r, agency)
        .await
        .api()?;
    let query = crate::pages::public::report::PeriodQuery::new(&q.from, &q.to);
    let period =
        crate::pages::public::report::period(&query, &years).map_err(AppError::into_json)?;
    let rep = koop_core::report::council_report(&mut r, agency, period)
        .await
        .api()?
        .ok_or_else(|| AppError::api(CoreError::NotFound))?;
    Ok(Json(ReportDto {
        agency: rep.agency.clone(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        goals: rep
            .goals
            .iter()
            .map(|g| GoalDto {
                kind: g.kind.as_str().into(),
                description: g.description.clone(),
                instrument: g.instrument.clone(),
                measured_by: g.achieved.map(|a| a.0.as_str().into()),
                achieved_value: g.achieved.map(|a| a.1),
                achieved_count: g.achieved.map(|a| a.2),
                years: g
                    .years
                    .iter()
                    .map(|y| GoalYearDto {
                        year: y.year,
                        target: y.target,
                        achieved: y.achieved,
                    })
                    .collect(),
            })
            .collect(),
        instruments: rep.instruments.iter().map(section).collect(),
        partner_cities: rep.partner_cities.iter().map(section).collect(),
        other: rep.other.iter().map(result).collect(),
        settlements: rep
            .settlements
            .iter()
            .map(|p| SettlementDto {
                id: p.id.0,
                title: p.title.clone(),
                company: p.company.clone(),
                country: p.country.clone(),
                stage: p.stage.as_str().into(),
                planned_jobs: p.planned_jobs,
                planned_investment_eur: p.planned_investment_eur,
                steps: p.steps.iter().map(step_dto).collect(),
            })
            .collect(),
        totals: rep
            .totals
            .iter()
            .map(|(k, n, v)| TotalDto {
                kind: k.as_str().into(),
                count: *n,
                value: *v,
            })
            .collect(),
    }))
}

fn step_dto(s: &Step) -> StepDto {
    StepDto {
        stage: s.stage.as_str().into(),
        on: s.on.to_string(),
        note: s.note.clone(),
    }
}

/// One agreement in the co-funding ledger.
#[derive(Serialize, ToSchema)]
pub struct LedgerDto {
    pub agreement_id: i64,
    pub title: String,
    pub network: Option<String>,
    pub public_eur: f64,
    pub private_eur: f64,
    /// Private euros per public euro.
    pub leverage: Option<f64>,
    pub activity_ids: Vec<i64>,
}

/// The ledger summed per network or per year signed.
#[derive(Serialize, ToSchema)]
pub struct LedgerSumDto {
    /// `network` or `year`.
    pub scope: String,
    /// The network's name, or the year.
    pub label: String,
    /// The network's id.
    pub network_id: Option<i64>,
    pub agreements: usize,
    pub public_eur: f64,
    pub private_eur: f64,
    /// Private euros per public euro.
    pub leverage: Option<f64>,
}

/// A row of the funnel.
#[derive(Serialize, ToSchema)]
pub struct FunnelDto {
    /// total, year, event, station (of a trip), partner_city or network
    pub scope: String,
    /// The year, or the record's name.
    pub label: String,
    /// contact, meeting, follow_up, agreement, effect
    pub counts: Vec<usize>,
}

/// The dashboard's figures.
#[derive(Serialize, ToSchema)]
pub struct DashboardDto {
    pub ledger: Vec<LedgerDto>,
    /// Per network, then per year the agreements were signed.
    pub ledger_sums: Vec<LedgerSumDto>,
    pub funnel: Vec<FunnelDto>,
}

/// The co-funding ledger (for those who may see contributions) and the funnel.
#[utoipa::path(get, path = "/api/v1/agencies/{slug}/dashboard", params(("slug" = String, Path)), responses((status = 200, body = DashboardDto), (status = 404, body = ErrorDto)))]
pub async fn dashboard(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
) -> ApiResult<DashboardDto> {
    use koop_core::dashboard::{FunnelScope, LedgerScope};
    let agency = agency_by_slug(&s, &v, &slug).await?;
    let mut r = s.core.reader(&v.actor).await.api()?;
    let d = koop_core::dashboard::dashboard(&mut r, agency)
        .await
        .api()?;
    let known = d
        .ledger
        .iter()
        .any(|l| l.contributions.iter().any(|c| c.eur.is_some()));
    Ok(Json(DashboardDto {
        ledger: d
            .ledger
            .iter()
            .filter(|_| known)
            .map(|l| LedgerDto {
                agreement_id: l.agreement.0,
                title: l.title.clone(),
                network: l.network.as_ref().map(|n| n.1.clone()),
                public_eur: l.public_eur,
                private_eur: l.private_eur,
                leverage: l.leverage(),
                activity_ids: l.activities.iter().map(|a| a.0.0).collect(),
            })
            .collect(),
        ledger_sums: d
            .ledger_sums
            .iter()
            .map(|x| {
                let (scope, label, network_id) = match &x.scope {
                    LedgerScope::Network(id, name) => ("network", name.clone(), Some(id.0)),
                    LedgerScope::Year(y) => ("year", y.to_string(), None),
                };
                LedgerSumDto {
                    scope: scope.into(),
                    label,
                    network_id,
                    agreements: x.agreements,
                    public_eur: x.public_eur,
                    private_eur: x.private_eur,
                    leverage: x.leverage(),
                }
            })
            .collect(),
        funnel: d
            .funnel
            .iter()
            .map(|f| {
                let (scope, label) = match &f.scope {
                    FunnelScope::Total => ("total", String::new()),
                    FunnelScope::Year(y) => ("year", y.to_string()),
                    FunnelScope::Event(_, t) => ("event", t.clone()),
                    FunnelScope::Station(_, t) => ("station", t.clone()),
                    FunnelScope::PartnerCity(_, t) => ("partner_city", t.clone()),
                    FunnelScope::Network(_, t) => ("network", t.clone()),
                };
                FunnelDto {
                    scope: scope.into(),
                    label,
                    counts: f.counts.to_vec(),
                }
            })
            .collect(),
    }))
}

/// What an outcome is and what caused it.
#[derive(Deserialize, ToSchema)]
pub struct NewOutcomeDto {
    /// contact_established, follow_up_meeting, negotiation, cooperation_project, loi, mou, contract, sale, settlement, jobs, investment, eu_funding
    pub kind: String,
    pub title: String,
    pub achieved_on: String,
    pub value: Option<f64>,
    #[serde(default)]
    pub org_ids: Vec<i64>,
    pub meeting_id: Option<i64>,
    pub event_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub agreement_id: Option<i64>,
    pub partner_city_id: Option<i64>,
    pub instrument_id: Option<i64>,
    pub network_id: Option<i64>,
    #[serde(default)]
    pub publish: bool,
    /// A day to be reminded to follow it up (a mail to the agency's staff).
    pub remind_on: Option<String>,
}

/// The id of what was created.
#[derive(Serialize, ToSchema)]
pub struct IdDto {
    pub id: i64,
}

/// Records an outcome in the caller's agency.
#[utoipa::path(post, path = "/api/v1/outcomes", request_body = NewOutcomeDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn record_outcome(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewOutcomeDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    let data = OutcomeData {
        kind: choice("kind", OutcomeKind::parse(&b.kind))?,
        title: b.title,
        achieved_on: day("achieved_on", &b.achieved_on)?,
        value: b.value,
        org_ids: b.org_ids.into_iter().map(OrgId).collect(),
        attribution: Attribution {
            meeting_id: b.meeting_id.map(MeetingId),
            event_id: b.event_id.map(EventId),
            activity_id: b.activity_id.map(ActivityId),
            agreement_id: b.agreement_id.map(AgreementId),
            partner_city_id: b.partner_city_id.map(PartnerCityId),
            instrument_id: b.instrument_id.map(InstrumentId),
            network_id: b.network_id.map(OrgId),
            cluster_id: None,
            investor_project_id: None,
        },
    };
    let remind_on = optional_day("remind_on", &b.remind_on)?;
    let id = s
        .core
        .record_outcome_reminding(&v.actor, agency, data, b.publish, remind_on)
        .await
        .api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// A party and its contribution.
#[derive(Deserialize, ToSchema)]
pub struct PartyInDto {
    pub org_id: i64,
    pub contribution_eur: Option<f64>,
    #[serde(default)]
    pub contribution_note: String,
}

/// A new agreement.
#[derive(Deserialize, ToSchema)]
pub struct NewAgreementDto {
    pub title: String,
    /// cooperation_agreement, loi, mou, contract
    pub kind: String,
    pub signed_on: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    #[serde(default)]
    pub scope: String,
    /// NACE codes.
    #[serde(default)]
    pub sectors: Vec<String>,
    pub parties: Vec<PartyInDto>,
    #[serde(default)]
    pub publish: bool,
}

/// Records an agreement with each party's contribution.
#[utoipa::path(post, path = "/api/v1/agreements", request_body = NewAgreementDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn create_agreement(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewAgreementDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    let sectors = b
        .sectors
        .iter()
        .map(|c| choice("sectors", NaceCode::parse(c)))
        .collect::<Result<Vec<_>, _>>()?;
    let data = AgreementData {
        title: b.title,
        kind: choice("kind", AgreementKind::parse(&b.kind))?,
        signed_on: optional_day("signed_on", &b.signed_on)?,
        valid_from: optional_day("valid_from", &b.valid_from)?,
        valid_until: optional_day("valid_until", &b.valid_until)?,
        scope: b.scope,
        sectors,
        parties: b
            .parties
            .into_iter()
            .map(|p| AgreementParty {
                org_id: OrgId(p.org_id),
                contribution_eur: p.contribution_eur,
                contribution_note: p.contribution_note,
            })
            .collect(),
    };
    let id = s
        .core
        .create_agreement(&v.actor, agency, data, b.publish)
        .await
        .api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// A partner of a settlement project.
#[derive(Deserialize, ToSchema)]
pub struct PartnerInDto {
    pub org_id: i64,
    #[serde(default)]
    pub role: String,
}

/// A new settlement project with its first step.
#[derive(Deserialize, ToSchema)]
pub struct NewSettlementDto {
    pub company_id: i64,
    pub title: String,
    pub planned_jobs: Option<u32>,
    pub planned_investment_eur: Option<f64>,
    #[serde(default)]
    pub site: String,
    #[serde(default)]
    pub partners: Vec<PartnerInDto>,
    pub instrument_id: Option<i64>,
    pub partner_city_id: Option<i64>,
    #[serde(default)]
    pub description: String,
    pub first_step: StepDto,
}

fn step(b: StepDto) -> Result<Step, AppError> {
    Ok(Step {
        stage: choice("stage", Stage::parse(&b.stage))?,
        on: day("on", &b.on)?,
        note: b.note,
    })
}

/// Records a settlement project.
#[utoipa::path(post, path = "/api/v1/settlements", request_body = NewSettlementDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn create_settlement(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewSettlementDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    let first = step(b.first_step)?;
    let data = ProjectData {
        company_id: OrgId(b.company_id),
        title: b.title,
        planned_jobs: b.planned_jobs,
        planned_investment_eur: b.planned_investment_eur,
        site: b.site,
        partners: b
            .partners
            .into_iter()
            .map(|p| ProjectPartner {
                org_id: OrgId(p.org_id),
                role: p.role,
            })
            .collect(),
        instrument_id: b.instrument_id.map(InstrumentId),
        partner_city_id: b.partner_city_id.map(PartnerCityId),
        description: b.description,
    };
    let id = s
        .core
        .create_investor_project(&v.actor, agency, data, first)
        .await
        .api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// Adds a dated step to a settlement project (the first settled one books its outcomes).
#[utoipa::path(post, path = "/api/v1/settlements/{id}/steps", params(("id" = i64, Path)), request_body = StepDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn add_settlement_step(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<StepDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    let st = step(b)?;
    s.core
        .add_project_step(&v.actor, InvestorProjectId(id), st)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// A new funding call.
#[derive(Deserialize, ToSchema)]
pub struct NewCallDto {
    pub title: String,
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub topic_code: String,
    pub topic_text: String,
    pub deadline: Option<String>,
    /// ISO country codes; empty for any.
    #[serde(default)]
    pub eligible_countries: Vec<String>,
}

/// Records a funding call.
#[utoipa::path(post, path = "/api/v1/calls", request_body = NewCallDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn create_call(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewCallDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    let eligible_countries = b
        .eligible_countries
        .iter()
        .map(|c| choice("eligible_countries", CountryCode::parse(c)))
        .collect::<Result<Vec<_>, _>>()?;
    let data = CallData {
        title: b.title,
        programme: b.programme,
        topic_code: b.topic_code,
        topic_text: b.topic_text,
        deadline: optional_day("deadline", &b.deadline)?,
        eligible_countries,
    };
    let id = s.core.create_call(&v.actor, agency, data).await.api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// A reason, as a code with its parameters.
#[derive(Serialize, ToSchema)]
pub struct CallReasonDto {
    /// `topic` (with the shared words) or `cooperation` (with the count).
    pub code: String,
    pub words: Vec<String>,
    pub count: Option<u32>,
}

/// A suggested consortium partner.
#[derive(Serialize, ToSchema)]
pub struct CallSuggestionDto {
    pub org_id: i64,
    pub name: String,
    pub country: String,
    /// `topic + cooperation`.
    pub score: f32,
    pub topic: f32,
    pub cooperation: f32,
    pub reasons: Vec<CallReasonDto>,
}

/// Partners the engine suggests for a call, best first, each with its reasons.
#[utoipa::path(get, path = "/api/v1/calls/{id}/suggestions", params(("id" = i64, Path)), responses((status = 200, body = [CallSuggestionDto]), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn call_suggestions(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> ApiResult<Vec<CallSuggestionDto>> {
    own_agency(&v)?;
    let mut r = s.core.reader(&v.actor).await.api()?;
    let call = r.call(FundingCallId(id)).await.api()?;
    let list = koop_core::ops::calls::call_suggestions(&mut r, &call)
        .await
        .api()?;
    Ok(Json(list.iter().map(suggestion_dto).collect()))
}

/// A suggested partner as the API shows it, reasons as codes with their parameters.
pub(super) fn suggestion_dto(x: &Suggested) -> CallSuggestionDto {
    CallSuggestionDto {
        org_id: x.org.0,
        name: x.name.clone(),
        country: x.country.clone(),
        score: x.suggestion.score,
        topic: x.suggestion.topic,
        cooperation: x.suggestion.cooperation,
        reasons: x
            .suggestion
            .reasons
            .iter()
            .map(|r| match r {
                CallReason::Topic(w) => CallReasonDto {
                    code: "topic".into(),
                    words: w.clone(),
                    count: None,
                },
                CallReason::Cooperation(n) => CallReasonDto {
                    code: "cooperation".into(),
                    words: vec![],
                    count: Some(*n),
                },
            })
            .collect(),
    }
}

/// A consortium member to add.
#[derive(Deserialize, ToSchema)]
pub struct MemberInDto {
    pub org_id: i64,
    #[serde(default)]
    pub role: String,
}

/// Adds an organisation to a call's consortium.
#[utoipa::path(post, path = "/api/v1/calls/{id}/members", params(("id" = i64, Path)), request_body = MemberInDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn add_call_member(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<MemberInDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    s.core
        .add_call_member(&v.actor, FundingCallId(id), OrgId(b.org_id), &b.role)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// The duplicate to merge into the organisation of the path.
#[derive(Deserialize, ToSchema)]
pub struct MergeDto {
    pub duplicate_id: i64,
}

/// Merges a duplicate into an organisation of the caller's agency.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/merge", params(("id" = i64, Path)), request_body = MergeDto, responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn merge(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<MergeDto>,
) -> ApiResult<IdDto> {
    let agency = own_agency(&v)?;
    s.core
        .merge_organisations(&v.actor, agency, OrgId(id), OrgId(b.duplicate_id))
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// A new activity.
#[derive(Deserialize, ToSchema)]
pub struct NewActivityDto {
    /// location_presentation, trade_fair_stand, conference, information_event, company_visit, publication, delegation_visit, contact_brokerage, other
    pub kind: String,
    pub title: String,
    pub start_on: String,
    pub end_on: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub description: String,
    /// The organisations involved (co-exhibitors, speakers, hosts).
    #[serde(default)]
    pub org_ids: Vec<i64>,
    /// The agreements it was carried out under.
    #[serde(default)]
    pub agreement_ids: Vec<i64>,
    pub instrument_id: Option<i64>,
    pub partner_city_id: Option<i64>,
    #[serde(default)]
    pub publish: bool,
}

/// Records an activity of the caller's agency.
#[utoipa::path(post, path = "/api/v1/activities", request_body = NewActivityDto, responses((status = 200, body = IdDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn create_activity(
    State(s): State<AppState>,
    v: Visitor,
    Body(b): Body<NewActivityDto>,
) -> ApiResult<IdDto> {
    use koop_core::domain::activity::{ActivityData, ActivityKind};
    let agency = own_agency(&v)?;
    let data = ActivityData {
        kind: choice("kind", ActivityKind::parse(&b.kind))?,
        title: b.title,
        start_on: day("start_on", &b.start_on)?,
        end_on: day("end_on", &b.end_on)?,
        place: b.place,
        description: b.description,
        org_ids: b.org_ids.into_iter().map(OrgId).collect(),
        agreement_ids: b.agreement_ids.into_iter().map(AgreementId).collect(),
        instrument_id: b.instrument_id.map(InstrumentId),
        partner_city_id: b.partner_city_id.map(PartnerCityId),
        event_id: None,
    };
    let id = s
        .core
        .create_activity(&v.actor, agency, data, b.publish)
        .await
        .api()?;
    Ok(Json(IdDto { id: id.0 }))
}

/// The leads an organisation collected at an activity.
#[derive(Deserialize, ToSchema)]
pub struct LeadsDto {
    pub org_id: i64,
    /// Empty to clear.
    pub leads: Option<u32>,
}

/// Records the leads an organisation of an activity (a co-exhibitor) collected.
#[utoipa::path(post, path = "/api/v1/activities/{id}/leads", params(("id" = i64, Path)), request_body = LeadsDto, responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn set_leads(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<LeadsDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    s.core
        .set_activity_leads(&v.actor, ActivityId(id), OrgId(b.org_id), b.leads)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// A goal's target for a year.
#[derive(Deserialize, ToSchema)]
pub struct TargetDto {
    pub year: i32,
    pub target: f64,
}

/// Sets what a goal of the caller's agency aims for in a year.
#[utoipa::path(post, path = "/api/v1/goals/{id}/targets", params(("id" = i64, Path)), request_body = TargetDto, responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn set_target(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<TargetDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    s.core
        .set_goal_target(&v.actor, GoalId(id), b.year, b.target)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// A member to add to a network or cluster.
#[derive(Deserialize, ToSchema)]
pub struct NewMemberDto {
    pub member_id: i64,
    /// member, management, founder, partner
    pub role: String,
    pub since: Option<String>,
}

/// Adds a member to a network or cluster of the caller's agency.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/members", params(("id" = i64, Path)), request_body = NewMemberDto, responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn add_member(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<NewMemberDto>,
) -> ApiResult<IdDto> {
    use koop_core::domain::membership::MemberRole;
    own_agency(&v)?;
    let role = choice("role", MemberRole::parse(&b.role))?;
    let since = optional_day("since", &b.since)?;
    let m = s
        .core
        .add_member(&v.actor, OrgId(id), OrgId(b.member_id), role, since)
        .await
        .api()?;
    Ok(Json(IdDto { id: m.0 }))
}

/// A membership's role and dates.
#[derive(Deserialize, ToSchema)]
pub struct MembershipChangeDto {
    /// member, management, founder, partner
    pub role: String,
    pub since: Option<String>,
    /// The day it ended, if it did.
    pub until: Option<String>,
}

/// Changes a membership's role and dates, or ends it; answers the group's id.
#[utoipa::path(post, path = "/api/v1/memberships/{id}", params(("id" = i64, Path)), request_body = MembershipChangeDto, responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn change_membership(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<MembershipChangeDto>,
) -> ApiResult<IdDto> {
    use koop_core::domain::membership::MemberRole;
    own_agency(&v)?;
    let role = choice("role", MemberRole::parse(&b.role))?;
    let since = optional_day("since", &b.since)?;
    let until = optional_day("until", &b.until)?;
    let group = s
        .core
        .change_membership(&v.actor, MembershipId(id), role, since, until)
        .await
        .api()?;
    Ok(Json(IdDto { id: group.0 }))
}
