//! A B2B session's named tables and stands: one row per table that has a name or an
//! owner, plus empty rows to add more. Saving replaces them all; a bad row is named
//! and nothing is written.

use crate::error::AppError;
use crate::forms::{Fields, FormState};
use crate::pages::{Ctx, render, see_other_with_flash};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use koop_core::domain::ids::{EventId, ParticipantId, SessionId};
use koop_core::domain::tables::NamedTable;
use koop_core::domain::task::Task;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/events/{id}/setup/sessions/{session}/tables",
        get(show).post(save),
    )
}

/// One row of the form as typed: number, name, participant id.
#[derive(Default, Clone)]
struct Row {
    table: String,
    name: String,
    participant: String,
}

#[derive(Template)]
#[template(path = "manage/tables.html")]
struct Page {
    ctx: Ctx,
    id: i64,
    session: i64,
    title: String,
    session_title: String,
    tables: i64,
    rows: Vec<Row>,
    /// (id, organisation and person)
    participants: Vec<(String, String)>,
    form: FormState,
}

/// Empty rows below the named ones, to add tables.
const BLANK_ROWS: usize = 3;

async fn page(
    s: &AppState,
    v: &Visitor,
    event: EventId,
    session: SessionId,
    typed: Option<Vec<Row>>,
    form: FormState,
) -> Result<Page, AppError> {
    let ctx = Ctx::new(v);
    let mut r = s.core.reader(&v.actor).await?;
    r.require_task(event, Task::Programme).await?;
    let stored = r.session_tables(event, session).await?;
    let title = r.event(event).await?.data.title;
    let x = r
        .sessions(event)
        .await?
        .into_iter()
        .find(|x| x.id == session)
        .ok_or_else(AppError::not_found)?;
    let participants = r
        .participants(event)
        .await?
        .into_iter()
        .map(|p| {
            let person = p.person_name.unwrap_or_default();
            (p.id.0.to_string(), format!("{} · {person}", p.org_name))
        })
        .collect();
    let mut rows = typed.unwrap_or_else(|| {
        stored
            .into_iter()
            .map(|t| Row {
                table: t.table_no.to_string(),
                name: t.name,
                participant: t.participant.map(|p| p.0.to_string()).unwrap_or_default(),
            })
            .collect()
    });
    rows.extend(std::iter::repeat_n(Row::default(), BLANK_ROWS));
    Ok(Page {
        id: event.0,
        session: session.0,
        title,
        session_title: x.data.title,
        tables: x.data.tables.unwrap_or(0),
        rows,
        participants,
        form,
        ctx,
    })
}

async fn show(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, session)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let page = page(
        &s,
        &v,
        EventId(id),
        SessionId(session),
        None,
        FormState::default(),
    )
    .await?;
    Ok(render(page)?.into_response())
}

async fn save(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, session)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (event, session) = (EventId(id), SessionId(session));
    // The rows in the order sent: each starts with its `table` field.
    let mut typed: Vec<Row> = Vec::new();
    for (key, value) in pairs {
        match key.as_str() {
            "table" => typed.push(Row {
                table: value,
                ..Row::default()
            }),
            "name" | "participant" => {
                if let Some(row) = typed.last_mut() {
                    if key == "name" {
                        row.name = value;
                    } else {
                        row.participant = value;
                    }
                }
            }
            _ => {}
        }
    }
    typed.retain(|r| {
        !(r.table.trim().is_empty() && r.name.trim().is_empty() && r.participant.is_empty())
    });
    let mut f = Fields::default();
    let rows: Vec<NamedTable> = typed
        .iter()
        .map(|r| NamedTable {
            table_no: f.optional_number("table", &r.table).unwrap_or(0),
            name: r.name.clone(),
            participant: f
                .optional_number("participant", &r.participant)
                .map(ParticipantId),
        })
        .collect();
    let outcome = match f.finish() {
        Ok(()) => {
            s.core
                .set_session_tables(&v.actor, event, session, rows)
                .await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => Ok(see_other_with_flash(
            &crate::paths::session_tables(id, session.0),
            "flash-saved",
        )),
        Err(e) => {
            let ctx = Ctx::new(&v);
            let form = FormState::default().with_problems(ctx.texts(), e)?;
            let page = page(&s, &v, event, session, Some(typed), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}
