//! The directory in the JSON API: archiving and restoring an organisation, and
//! importing organisations, contacts or EEN profiles from a CSV or XLSX file sent as
//! the request body, with the same all-or-nothing rule as the page.

use super::agency::{IdDto, own_agency};
use super::dto::ErrorDto;
use super::exchange::Body;
use super::{ApiResult, OrApi};
use crate::error::AppError;
use crate::session::Visitor;
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use koop_core::domain::ids::OrgId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Whether an organisation is archived.
#[derive(Deserialize, ToSchema)]
pub struct ArchiveDto {
    pub archived: bool,
}

/// Archives an organisation of the caller's agency (it leaves lists, its records
/// stay), or restores it.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/archive", params(("id" = i64, Path)), request_body = ArchiveDto, responses((status = 200, body = IdDto), (status = 403, body = ErrorDto), (status = 404, body = ErrorDto)))]
pub async fn archive(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Body(b): Body<ArchiveDto>,
) -> ApiResult<IdDto> {
    own_agency(&v)?;
    s.core
        .archive_organisation(&v.actor, OrgId(id), b.archived)
        .await
        .api()?;
    Ok(Json(IdDto { id }))
}

/// What an import did.
#[derive(Serialize, ToSchema)]
pub struct ImportDto {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The file name that tells the reader a body's format: a workbook with the XLSX
/// content type, CSV otherwise.
pub(super) fn file_name_for(headers: &HeaderMap) -> &'static str {
    let xlsx = headers
        .get(header::CONTENT_TYPE)
        .and_then(|t| t.to_str().ok())
        .is_some_and(|t| t.starts_with(XLSX));
    if xlsx { "upload.xlsx" } else { "upload.csv" }
}

/// Imports `organisations`, `contacts` or `een-profiles` from the body: CSV (UTF-8,
/// `;` or `,`) or, with the XLSX content type, a workbook. A file with any bad row is
/// refused with every problem by line and column, and nothing is written.
#[utoipa::path(post, path = "/api/v1/import/{kind}", params(("kind" = String, Path)), request_body(content = String, content_type = "text/csv"), responses((status = 200, body = ImportDto), (status = 400, body = ErrorDto), (status = 403, body = ErrorDto), (status = 422, body = ErrorDto)))]
pub async fn import(
    State(s): State<AppState>,
    v: Visitor,
    Path(kind): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> ApiResult<ImportDto> {
    let agency = own_agency(&v)?;
    let bad = |field: &str, code: &str, message: String| {
        AppError::bad_request(field, code, message).into_json()
    };
    let Some((_, which)) = crate::pages::manage::transfer::KINDS
        .iter()
        .find(|(k, _)| *k == kind)
    else {
        return Err(bad(
            "kind",
            "invalid_choice",
            format!("'{kind}' is not organisations, contacts or een-profiles"),
        ));
    };
    if bytes.is_empty() {
        return Err(bad("file", "required", "send a CSV or XLSX file".into()));
    }
    let name = file_name_for(&headers);
    let table = koop_core::import::read_table(name, &bytes).api()?;
    let r = s
        .core
        .import_table(&v.actor, agency, *which, &table)
        .await
        .api()?;
    Ok(Json(ImportDto {
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
    }))
}
