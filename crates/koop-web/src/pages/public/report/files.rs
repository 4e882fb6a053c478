//! The report as files: a PDF for the council's papers, and a workbook whose figures
//! are numbers a spreadsheet can sum, one sheet each for the goals, the dated results,
//! the settlement projects and the totals.

use super::{PeriodQuery, effect_text, load, period_text, record_kind, value_text};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::date;
use crate::session::Visitor;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use koop_core::export::{Cell, Sheet};
use koop_core::report::{CouncilReport, DatedResult, ResultRecord, Section};
use koop_docs::pdf::{Block, Report};

fn file_name(slug: &str, r: &CouncilReport, ext: &str) -> String {
    format!("report-{slug}-{}-{}.{ext}", r.period.from, r.period.to)
}

/// A cell of a table that both files show: the PDF prints its text, the workbook
/// keeps its number.
enum Value {
    Text(String),
    /// A number and how it reads ("380.000 €").
    Figure(f64, String),
    Empty,
}

impl Value {
    fn printed(&self) -> String {
        match self {
            Value::Text(t) | Value::Figure(_, t) => t.clone(),
            Value::Empty => String::new(),
        }
    }

    fn cell(self) -> Cell {
        match self {
            Value::Text(t) => Cell::Text(t),
            Value::Figure(n, _) => Cell::Number(n),
            Value::Empty => Cell::Empty,
        }
    }
}

/// A table's header and rows.
type Table = (Vec<String>, Vec<Vec<Value>>);

fn count(n: usize) -> Value {
    Value::Figure(n as f64, n.to_string())
}

fn amount(lang: Lang, kind: koop_core::domain::outcome::OutcomeKind, sum: f64) -> Value {
    match kind.unit() {
        Some("companies") | None => Value::Empty,
        Some(_) => Value::Figure(sum, value_text(lang, kind, Some(sum))),
    }
}

/// Per outcome kind: how many, and their sum where the kind has a unit.
fn totals(lang: Lang, r: &CouncilReport) -> Table {
    let t = lang.texts();
    let header = vec![
        t.get("field-kind"),
        t.get("report-count"),
        t.get("field-value"),
    ];
    let rows = r
        .totals
        .iter()
        .map(|(kind, n, sum)| {
            vec![
                Value::Text(t.get(&format!("kind-outcome-{}", kind.as_str()))),
                count(*n),
                amount(lang, *kind, *sum),
            ]
        })
        .collect();
    (header, rows)
}

/// The goals with what was achieved towards each.
fn goals(lang: Lang, r: &CouncilReport) -> Table {
    let t = lang.texts();
    let header = vec![
        t.get("field-kind"),
        t.get("report-goal"),
        t.get("field-instrument"),
        t.get("report-count"),
        t.get("report-achieved"),
        t.get("report-per_year"),
    ];
    let rows = r
        .goals
        .iter()
        .map(|g| {
            let (n, v) = match g.achieved {
                Some((kind, sum, n)) => (count(n), amount(lang, kind, sum)),
                None => (Value::Text("–".into()), Value::Empty),
            };
            vec![
                Value::Text(t.get(&format!("kind-goal-{}", g.kind.as_str()))),
                Value::Text(g.description.clone()),
                Value::Text(g.instrument.clone().unwrap_or_default()),
                n,
                v,
                Value::Text(super::goal_years_text(lang, g)),
            ]
        })
        .collect();
    (header, rows)
}

fn pdf_table(widths: Vec<f32>, (header, rows): Table) -> Block {
    Block::Table {
        widths,
        header,
        rows: rows
            .iter()
            .map(|r| r.iter().map(Value::printed).collect())
            .collect(),
    }
}

fn sheet(name: String, (headers, rows): Table) -> Sheet {
    Sheet {
        name,
        headers,
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(Value::cell).collect())
            .collect(),
    }
}

/// A result and its outcomes as one table row: date, kind, what, value.
fn pdf_row(lang: Lang, r: &DatedResult) -> Vec<String> {
    let mut what = r.title.clone();
    for (e, title) in &r.effects {
        what.push_str("\n→ ");
        what.push_str(&effect_text(lang, e, title));
    }
    let value = match &r.record {
        ResultRecord::Outcome(e) => value_text(lang, e.kind, e.value),
        ResultRecord::Activity(..) => String::new(),
    };
    vec![date(lang, r.on), record_kind(lang, &r.record), what, value]
}

fn pdf_section(lang: Lang, blocks: &mut Vec<Block>, s: &Section) {
    let t = lang.texts();
    let mut heading = s.title.clone();
    if let Some(c) = &s.country {
        heading.push_str(&format!(" ({c})"));
    }
    blocks.push(Block::Heading(heading));
    let mut about = Vec::new();
    if let Some(since) = s.since {
        about.push(t.with(
            "report-partners_since",
            vec![("date", crate::i18n::Arg::Text(date(lang, since)))],
        ));
    }
    if !s.description.is_empty() {
        about.push(s.description.clone());
    }
    if !about.is_empty() {
        blocks.push(Block::Text(about.join(" · ")));
    }
    if s.results.is_empty() {
        blocks.push(Block::Note(t.get("report-nothing")));
    } else {
        blocks.push(results_table(lang, &s.results));
    }
}

fn results_table(lang: Lang, results: &[DatedResult]) -> Block {
    let t = lang.texts();
    Block::Table {
        widths: vec![1.2, 2.1, 5.0, 1.4],
        header: vec![
            t.get("field-date"),
            t.get("field-kind"),
            t.get("report-result"),
            t.get("field-value"),
        ],
        rows: results.iter().map(|r| pdf_row(lang, r)).collect(),
    }
}

fn pdf(lang: Lang, r: &CouncilReport) -> Report {
    let t = lang.texts();
    let mut blocks = vec![Block::Heading(t.get("report-totals"))];
    if r.totals.is_empty() {
        blocks.push(Block::Note(t.get("report-nothing")));
    } else {
        blocks.push(pdf_table(vec![3.0, 1.0, 2.0], totals(lang, r)));
    }
    blocks.push(Block::Heading(t.get("report-goals")));
    blocks.push(pdf_table(
        vec![1.4, 2.8, 1.7, 0.8, 1.3, 2.2],
        goals(lang, r),
    ));
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(t.get("report-by_instrument")));
    for s in &r.instruments {
        pdf_section(lang, &mut blocks, s);
    }
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(t.get("report-by_city")));
    for s in &r.partner_cities {
        pdf_section(lang, &mut blocks, s);
    }
    if !r.settlements.is_empty() {
        blocks.push(Block::Heading(t.get("report-settlements")));
        for p in &r.settlements {
            blocks.push(Block::Text(format!(
                "{} – {} ({}) · {}",
                p.title,
                p.company,
                p.country,
                t.get(&format!("kind-pipeline-{}", p.stage.as_str()))
            )));
            blocks.push(Block::Table {
                widths: vec![1.2, 1.6, 6.4],
                header: vec![
                    t.get("field-date"),
                    t.get("report-stage"),
                    t.get("report-step"),
                ],
                rows: p
                    .steps
                    .iter()
                    .map(|s| {
                        vec![
                            date(lang, s.on),
                            t.get(&format!("kind-pipeline-{}", s.stage.as_str())),
                            s.note.clone(),
                        ]
                    })
                    .collect(),
            });
        }
    }
    if !r.other.is_empty() {
        blocks.push(Block::Heading(t.get("report-other")));
        blocks.push(results_table(lang, &r.other));
    }
    blocks.push(Block::Note(t.with(
        "print-printed_at",
        vec![(
            "when",
            crate::i18n::Arg::Text(crate::pages::day_time(lang, chrono::Utc::now().naive_utc())),
        )],
    )));
    Report {
        title: t.get("report-title"),
        subtitle: format!("{} · {}", r.agency, period_text(lang, r.period)),
        blocks,
        footer: format!("{} · {}", r.agency, t.get("report-title")),
        language: lang.code().to_owned(),
    }
}

pub(crate) async fn report_pdf(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, AppError> {
    let (slug, report, _) = load(&s, &v, &slug, &q).await?;
    crate::pages::pdf_response(&pdf(v.lang, &report), &file_name(&slug, &report, "pdf"))
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn result_rows(lang: Lang, section: &str, name: &str, results: &[DatedResult]) -> Vec<Vec<Cell>> {
    let t = lang.texts();
    let mut rows = Vec::new();
    for r in results {
        let (kind, value) = match &r.record {
            ResultRecord::Activity(..) => (Cell::Empty, Cell::Empty),
            ResultRecord::Outcome(e) => (
                text(t.get(&format!("kind-outcome-{}", e.kind.as_str()))),
                e.value.map_or(Cell::Empty, Cell::Number),
            ),
        };
        rows.push(vec![
            text(section),
            text(name),
            text(r.on.to_string()),
            text(record_kind(lang, &r.record)),
            text(r.title.clone()),
            kind,
            value,
        ]);
        for (e, title) in &r.effects {
            rows.push(vec![
                text(section),
                text(name),
                text(e.on.to_string()),
                text(t.get(&format!("kind-outcome-{}", e.kind.as_str()))),
                text(title.clone()),
                text(t.get(&format!("kind-outcome-{}", e.kind.as_str()))),
                e.value.map_or(Cell::Empty, Cell::Number),
            ]);
        }
    }
    rows
}

fn workbook(lang: Lang, r: &CouncilReport) -> Vec<Sheet> {
    let t = lang.texts();
    let mut rows = Vec::new();
    for s in &r.instruments {
        rows.extend(result_rows(
            lang,
            &t.get("field-instrument"),
            &s.title,
            &s.results,
        ));
    }
    for s in &r.partner_cities {
        rows.extend(result_rows(
            lang,
            &t.get("nav-partner_cities"),
            &s.title,
            &s.results,
        ));
    }
    rows.extend(result_rows(lang, &t.get("report-other"), "", &r.other));
    let results = Sheet {
        name: t.get("report-results"),
        headers: vec![
            t.get("report-section"),
            t.get("field-name"),
            t.get("field-date"),
            t.get("field-kind"),
            t.get("report-result"),
            t.get("report-outcome"),
            t.get("field-value"),
        ],
        rows,
    };
    let settlements = Sheet {
        name: t.get("report-settlements"),
        headers: vec![
            t.get("field-title"),
            t.get("report-company"),
            t.get("field-country"),
            t.get("report-planned_jobs"),
            t.get("report-planned_investment"),
            t.get("field-date"),
            t.get("report-stage"),
            t.get("report-step"),
        ],
        rows: r
            .settlements
            .iter()
            .flat_map(|p| {
                p.steps.iter().map(move |s| {
                    vec![
                        text(p.title.clone()),
                        text(p.company.clone()),
                        text(p.country.clone()),
                        p.planned_jobs
                            .map_or(Cell::Empty, |j| Cell::Number(f64::from(j))),
                        p.planned_investment_eur.map_or(Cell::Empty, Cell::Number),
                        text(s.on.to_string()),
                        text(t.get(&format!("kind-pipeline-{}", s.stage.as_str()))),
                        text(s.note.clone()),
                    ]
                })
            })
            .collect(),
    };
    vec![
        sheet(t.get("report-totals"), totals(lang, r)),
        sheet(t.get("report-goals"), goals(lang, r)),
        results,
        settlements,
    ]
}

pub(crate) async fn report_xlsx(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, AppError> {
    let (slug, report, _) = load(&s, &v, &slug, &q).await?;
    let bytes = koop_core::export::to_workbook(&workbook(v.lang, &report))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"",
                    file_name(&slug, &report, "xlsx")
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
