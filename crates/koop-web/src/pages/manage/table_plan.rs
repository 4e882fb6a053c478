//! The organisers' printouts of the meetings: the table plan of each session (every
//! meeting by time and table, for the registration desk) and, after it, one page per
//! table with that table's meetings, to lay on the table.

use crate::error::AppError;
use crate::pages::date;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use koop_core::domain::ids::EventId;
use koop_core::views::MeetingView;
use koop_docs::pdf::{Block, Report};
use std::collections::BTreeMap;

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{id}/table-plan.pdf", get(table_plan_pdf))
}

fn who(m: &MeetingView) -> String {
    let people: Vec<String> = m
        .attendees
        .iter()
        .map(|a| format!("{} ({})", a.org_name, a.country))
        .collect();
    if m.title.is_empty() {
        people.join(" · ")
    } else {
        format!("{}: {}", m.title, people.join(" · "))
    }
}

fn time(m: &MeetingView) -> String {
    m.starts_at
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default()
}

async fn table_plan_pdf(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let t = v.lang.texts();
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, koop_core::domain::task::Task::OnTheDay)
        .await?;
    let ev = r.event(event).await?;
    let meetings = r.meetings(event, None).await?;
    drop(r);
    // Sessions in time order, each with its meetings at tables.
    let mut sessions: BTreeMap<(chrono::NaiveDate, String), Vec<&MeetingView>> = BTreeMap::new();
    for m in meetings.iter().filter(|m| m.table_no.is_some()) {
        let Some(at) = m.starts_at else { continue };
        let venue = m.venue.as_ref().map(|x| x.0.as_str()).unwrap_or_default();
        let session = m.session.clone().unwrap_or_default();
        let name = [session.as_str(), venue]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        sessions.entry((at.date(), name)).or_default().push(m);
    }
    let mut blocks = Vec::new();
    if sessions.is_empty() {
        blocks.push(Block::Text(t.get("agenda-empty")));
    }
    for ((day, name), list) in &mut sessions {
        list.sort_by_key(|m| (m.starts_at, m.table_no));
        blocks.push(Block::Heading(format!("{} · {name}", date(v.lang, *day))));
        blocks.push(Block::Table {
            widths: vec![0.8, 0.6, 5.0],
            header: vec![
                t.get("field-time"),
                t.get("field-table"),
                t.get("field-who"),
            ],
            rows: list
                .iter()
                .map(|m| vec![time(m), m.table_text().unwrap_or_default(), who(m)])
                .collect(),
        });
    }
    for ((day, name), list) in &sessions {
        let mut tables: BTreeMap<i64, Vec<&MeetingView>> = BTreeMap::new();
        for m in list {
            if let Some(n) = m.table_no {
                tables.entry(n).or_default().push(m);
            }
        }
        for (n, at_table) in tables {
            let table = at_table
                .first()
                .and_then(|m| m.table_text())
                .unwrap_or_else(|| n.to_string());
            blocks.push(Block::PageBreak);
            blocks.push(Block::Heading(format!(
                "{} {table} · {} · {name}",
                t.get("field-table"),
                date(v.lang, *day)
            )));
            blocks.push(Block::Table {
                widths: vec![0.8, 5.6],
                header: vec![t.get("field-time"), t.get("field-who")],
                rows: at_table.iter().map(|m| vec![time(m), who(m)]).collect(),
            });
        }
    }
    let report = Report {
        title: format!("{} · {}", t.get("print-table_plan"), ev.data.title),
        subtitle: t.with(
            "print-printed_at",
            vec![(
                "when",
                crate::i18n::Arg::Text(crate::pages::day_time(
                    v.lang,
                    chrono::Utc::now().naive_utc(),
                )),
            )],
        ),
        blocks,
        footer: ev.data.title.clone(),
        language: v.lang.code().to_owned(),
    };
    crate::pages::pdf_response(&report, &format!("table-plan-{id}.pdf"))
}
