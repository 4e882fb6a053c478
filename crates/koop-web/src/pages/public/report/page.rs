//! The report as a page: a period picker, the totals, the goals, then the dated results
//! per instrument and partner city, and the settlement projects. Every line links to
//! the record behind it.

use super::{PeriodQuery, effect_text, load, period_text, record_kind, value_text};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{Ctx, date, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use chrono::Datelike;
use koop_core::report::{DatedResult, ResultRecord, Section};

pub(crate) struct Line {
    pub date: String,
    pub kind: String,
    pub title: String,
    pub href: Option<String>,
    pub value: String,
    pub effects: Vec<(String, Option<String>)>,
}

pub(crate) struct SectionView {
    pub title: String,
    pub meta: String,
    pub description: String,
    pub lines: Vec<Line>,
}

pub(crate) struct GoalRow {
    pub kind: String,
    pub description: String,
    pub instrument: String,
    pub achieved: String,
    pub years: String,
}

pub(crate) struct SettlementView {
    pub href: String,
    pub title: String,
    pub company: String,
    pub stage: String,
    pub planned: String,
    pub steps: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "public/report.html")]
struct ReportPage {
    ctx: Ctx,
    agency: String,
    agency_href: String,
    period: String,
    from_year: i32,
    to_year: i32,
    years: Vec<i32>,
    pdf_href: String,
    xlsx_href: String,
    tiles: Vec<(String, String)>,
    goals: Vec<GoalRow>,
    instruments: Vec<SectionView>,
    cities: Vec<SectionView>,
    other: Vec<Line>,
    settlements: Vec<SettlementView>,
}

/// Where a line's record is shown.
fn href(r: &ResultRecord) -> Option<String> {
    match r {
        ResultRecord::Activity(id, _) => Some(crate::paths::activity(id.0)),
        ResultRecord::Outcome(e) => e.project.map(|p| crate::paths::settlement(p.0)),
    }
}

pub(crate) fn line(lang: Lang, r: &DatedResult) -> Line {
    let value = match &r.record {
        ResultRecord::Outcome(e) => value_text(lang, e.kind, e.value),
        ResultRecord::Activity(..) => String::new(),
    };
    Line {
        date: date(lang, r.on),
        kind: record_kind(lang, &r.record),
        title: r.title.clone(),
        href: href(&r.record),
        value,
        effects: r
            .effects
            .iter()
            .map(|(e, title)| {
                (
                    effect_text(lang, e, title),
                    e.project.map(|p| crate::paths::settlement(p.0)),
                )
            })
            .collect(),
    }
}

fn section(ctx: &Ctx, s: &Section) -> SectionView {
    let mut meta = Vec::new();
    if let Some(c) = &s.country {
        meta.push(c.clone());
    }
    if let Some(since) = s.since {
        meta.push(ctx.texts().with(
            "report-partners_since",
            vec![("date", crate::i18n::Arg::Text(date(ctx.lang, since)))],
        ));
    }
    SectionView {
        title: s.title.clone(),
        meta: meta.join(" · "),
        description: s.description.clone(),
        lines: s.results.iter().map(|r| line(ctx.lang, r)).collect(),
    }
}

pub(crate) async fn show_report(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let (slug, report, years) = load(&s, &v, &slug, &q).await?;
    let lang = ctx.lang;
    let t = ctx.texts();
    let tiles = report
        .totals
        .iter()
        .map(|(kind, count, sum)| {
            let label = t.get(&format!("kind-outcome-{}", kind.as_str()));
            // The label names the unit of jobs already ("14 · Arbeitsplätze").
            let figure = match kind.unit() {
                Some("companies") | None => count.to_string(),
                Some("jobs") => crate::pages::number(lang, *sum),
                Some(_) => value_text(lang, *kind, Some(*sum)),
            };
            (label, figure)
        })
        .collect();
    let goals = report
        .goals
        .iter()
        .map(|g| GoalRow {
            kind: ctx.kind("goal", g.kind.as_str()),
            description: g.description.clone(),
            instrument: g.instrument.clone().unwrap_or_default(),
            achieved: g
                .achieved
                .map(|(kind, sum, count)| match kind.unit() {
                    Some("companies") | None => count.to_string(),
                    Some(_) => value_text(lang, kind, Some(sum)),
                })
                .unwrap_or_else(|| "–".into()),
            years: super::goal_years_text(lang, g),
        })
        .collect();
    let settlements = report
        .settlements
        .iter()
        .map(|p| {
            let mut planned = Vec::new();
            if let Some(j) = p.planned_jobs {
                planned.push(value_text(
                    lang,
                    koop_core::domain::outcome::OutcomeKind::Jobs,
                    Some(f64::from(j)),
                ));
            }
            if let Some(eur) = p.planned_investment_eur {
                planned.push(value_text(
                    lang,
                    koop_core::domain::outcome::OutcomeKind::Investment,
                    Some(eur),
                ));
            }
            SettlementView {
                href: crate::paths::settlement(p.id.0),
                title: p.title.clone(),
                company: format!("{} ({})", p.company, p.country),
                stage: ctx.kind("pipeline", p.stage.as_str()),
                planned: planned.join(" · "),
                steps: p
                    .steps
                    .iter()
                    .map(|st| {
                        (
                            date(lang, st.on),
                            ctx.kind("pipeline", st.stage.as_str()),
                            st.note.clone(),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let query = PeriodQuery::of(report.period);
    render(ReportPage {
        agency: report.agency.clone(),
        agency_href: crate::paths::agency(&slug),
        period: period_text(lang, report.period),
        from_year: report.period.from.year(),
        to_year: report.period.to.year(),
        years,
        pdf_href: format!("{}.pdf{query}", crate::paths::report(&slug)),
        xlsx_href: format!("{}.xlsx{query}", crate::paths::report(&slug)),
        tiles,
        goals,
        instruments: report
            .instruments
            .iter()
            .map(|x| section(&ctx, x))
            .collect(),
        cities: report
            .partner_cities
            .iter()
            .map(|x| section(&ctx, x))
            .collect(),
        other: report.other.iter().map(|r| line(lang, r)).collect(),
        settlements,
        ctx,
    })
}
