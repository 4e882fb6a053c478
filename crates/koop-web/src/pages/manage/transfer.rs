//! Import and export from the browser: organisations, contacts and EEN partnering
//! profiles as CSV or XLSX, with the same all-or-nothing rule as `koop import`. A
//! refused file comes back with every problem by line, column and reason.

use super::own_agency;
use crate::error::AppError;
use crate::pages::errors::problem_text;
use crate::pages::{Ctx, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use koop_core::CoreError;
use koop_core::export::{self, ExportKind};
use koop_core::import::ImportReport;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(crate::paths::TRANSFER, get(show).post(import))
        .route("/manage/export/{file}", get(download))
}

/// The kinds of records, by the name forms and URLs use.
pub(crate) const KINDS: [(&str, ExportKind); 3] = [
    ("organisations", ExportKind::Organisations),
    ("contacts", ExportKind::Contacts),
    ("een-profiles", ExportKind::EenProfiles),
];

#[derive(Template)]
#[template(path = "manage/transfer.html")]
struct TransferPage {
    ctx: Ctx,
    kinds: Vec<(&'static str, String)>,
    chosen: String,
    report: Option<ImportReport>,
    file: String,
    /// The problems of a refused file, each as (line, text).
    problems: Vec<(String, String)>,
}

fn kinds(ctx: &Ctx) -> Vec<(&'static str, String)> {
    KINDS
        .iter()
        .map(|(k, _)| (*k, ctx.t(&format!("transfer-kind-{k}"))))
        .collect()
}

async fn show(v: Visitor) -> Result<Html<String>, AppError> {
    own_agency(&v)?;
    let ctx = Ctx::new(&v);
    render(TransferPage {
        kinds: kinds(&ctx),
        chosen: "organisations".into(),
        report: None,
        file: String::new(),
        problems: vec![],
        ctx,
    })
}

/// A field of the upload that could not be read.
fn unreadable(field: &str, why: impl std::fmt::Display) -> AppError {
    AppError::bad_request(field, "unreadable_file", format!("{field}: {why}"))
}

async fn import(
    State(s): State<AppState>,
    v: Visitor,
    mut form: Multipart,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let (mut kind, mut file, mut bytes) = (String::new(), String::new(), Vec::new());
    while let Some(field) = form.next_field().await.map_err(|e| unreadable("file", e))? {
        match field.name().unwrap_or_default() {
            "kind" => kind = field.text().await.map_err(|e| unreadable("kind", e))?,
            "file" => {
                file = field.file_name().unwrap_or_default().to_owned();
                bytes = field
                    .bytes()
                    .await
                    .map_err(|e| unreadable("file", e))?
                    .to_vec();
            }
            _ => {}
        }
    }
    let Some((_, which)) = KINDS.iter().find(|(k, _)| *k == kind) else {
        return Err(AppError::bad_request(
            "kind",
            "invalid_choice",
            format!("'{kind}' is not organisations, contacts or een-profiles"),
        ));
    };
    if bytes.is_empty() {
        return Err(AppError::bad_request(
            "file",
            "required",
            "choose a CSV or XLSX file".into(),
        ));
    }
    let result = match koop_core::import::read_table(&file, &bytes) {
        Ok(table) => s.core.import_table(&v.actor, agency, *which, &table).await,
        Err(e) => Err(e),
    };
    let ctx = Ctx::new(&v);
    let (status, report, problems) = match result {
        Ok(report) => (StatusCode::OK, Some(report), vec![]),
        Err(CoreError::Invalid(problems)) => {
            let shown = problems
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    let line = p.line.take().map(|l| l.to_string()).unwrap_or_default();
                    (line, problem_text(ctx.texts(), &p))
                })
                .collect();
            (StatusCode::UNPROCESSABLE_ENTITY, None, shown)
        }
        Err(e) => return Err(e.into()),
    };
    let page = render(TransferPage {
        kinds: kinds(&ctx),
        chosen: kind,
        report,
        file,
        problems,
        ctx,
    })?;
    Ok((status, page).into_response())
}

/// `organisations.csv`, `een-profiles.xlsx`, …: the agency's records as a file.
async fn download(
    State(s): State<AppState>,
    v: Visitor,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let agency = own_agency(&v)?;
    let (name, ext) = file.rsplit_once('.').ok_or_else(AppError::not_found)?;
    let (_, kind) = KINDS
        .iter()
        .find(|(k, _)| *k == name)
        .ok_or_else(AppError::not_found)?;
    let mut r = s.core.reader(&v.actor).await?;
    let table = export::table(&mut r, agency, *kind).await?;
    let (bytes, mime) = match ext {
        "csv" => (export::to_csv(&table, b';')?, "text/csv; charset=utf-8"),
        "xlsx" => (
            export::to_xlsx(&table, name)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return Err(AppError::not_found()),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
