//! Printing the table plan for the record, and what changed at the tables since: a
//! page for the desk (new, moved and cancelled meetings, readable on a phone) and the
//! same list as a PDF to hand out.

use crate::error::AppError;
use crate::i18n::Arg;
use crate::pages::{Ctx, date_time_of, day_time, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{Html, Redirect, Response};
use axum::routing::{get, post};
use koop_core::domain::ids::EventId;
use koop_core::ops::printouts::{ChangesSincePrint, Printed};
use koop_core::views::MeetingView;
use koop_docs::pdf::{Block, Report};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/printouts", post(print_table_plan))
        .route("/events/{id}/changes", get(show_changes))
        .route("/events/{id}/changes.pdf", get(changes_pdf))
}

/// Records the printout, then hands out the table plan.
async fn print_table_plan(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Redirect, AppError> {
    s.core.record_printout(&v.actor, EventId(id)).await?;
    Ok(Redirect::to(&crate::paths::table_plan_pdf(id)))
}

/// One line of the list: what, when, where, who.
struct Line {
    change: String,
    code: &'static str,
    when: String,
    table: String,
    who: String,
}

fn at(lang: crate::i18n::Lang, t: Option<chrono::NaiveDateTime>) -> String {
    t.map(|t| day_time(lang, t)).unwrap_or_default()
}

fn table(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The changes as lines, in time order within each kind: new, moved, cancelled.
fn lines(ctx: &Ctx, v: &Visitor, c: &ChangesSincePrint) -> Vec<Line> {
    let now = |code: &'static str, m: &MeetingView, change: String| Line {
        change,
        code,
        when: at(v.lang, m.starts_at),
        table: table(m.table_no),
        who: m.who(),
    };
    let mut out: Vec<Line> = c
        .added
        .iter()
        .map(|m| now("added", m, ctx.t("changes-added")))
        .collect();
    for (was, m) in &c.moved {
        let change = ctx.texts().with(
            "changes-moved",
            vec![
                ("when", Arg::from(at(v.lang, was.starts_at))),
                ("table", Arg::from(table(was.table_no))),
            ],
        );
        out.push(now("moved", m, change));
    }
    out.extend(c.cancelled.iter().map(|p: &Printed| Line {
        change: ctx.t("changes-cancelled"),
        code: "cancelled",
        when: at(v.lang, p.starts_at),
        table: table(p.table_no),
        who: p.who.clone(),
    }));
    out
}

#[derive(Template)]
#[template(path = "manage/changes.html")]
struct ChangesPage {
    ctx: Ctx,
    id: i64,
    title: String,
    /// When the table plan was printed, if ever.
    printed: Option<String>,
    lines: Vec<Line>,
}

async fn read(
    s: &AppState,
    v: &Visitor,
    id: i64,
) -> Result<(String, Option<ChangesSincePrint>), AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let changes = r.changes_since_print(EventId(id)).await?;
    let title = r.event(EventId(id)).await?.data.title;
    Ok((title, changes))
}

async fn show_changes(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let (title, changes) = read(&s, &v, id).await?;
    render(ChangesPage {
        id,
        title,
        printed: changes
            .as_ref()
            .map(|c| date_time_of(v.lang, &c.printed_at)),
        lines: changes
            .as_ref()
            .map(|c| lines(&ctx, &v, c))
            .unwrap_or_default(),
        ctx,
    })
}

async fn changes_pdf(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let ctx = Ctx::new(&v);
    let t = v.lang.texts();
    let (title, changes) = read(&s, &v, id).await?;
    let (subtitle, blocks) = match &changes {
        None => (
            String::new(),
            vec![Block::Text(t.get("changes-never_printed"))],
        ),
        Some(c) => {
            let since = t.with(
                "changes-since",
                vec![("when", Arg::from(date_time_of(v.lang, &c.printed_at)))],
            );
            let rows: Vec<Vec<String>> = lines(&ctx, &v, c)
                .into_iter()
                .map(|l| vec![l.when, l.table, l.who, l.change])
                .collect();
            let blocks = if rows.is_empty() {
                vec![Block::Text(t.get("changes-none"))]
            } else {
                vec![Block::Table {
                    widths: vec![1.3, 0.5, 3.2, 1.8],
                    header: vec![
                        t.get("field-time"),
                        t.get("field-table"),
                        t.get("field-who"),
                        t.get("changes-what"),
                    ],
                    rows,
                }]
            };
            (since, blocks)
        }
    };
    let report = Report {
        title: format!("{} · {title}", t.get("changes-title")),
        subtitle,
        blocks,
        footer: title,
        language: v.lang.code().to_owned(),
    };
    crate::pages::pdf_response(&report, &format!("changes-{id}.pdf"))
}
