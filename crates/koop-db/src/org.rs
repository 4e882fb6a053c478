//! Organisations.

use crate::codec::{json_ints, json_texts, list, now, parse, parse_list, published};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::ids::{AgencyId, OrgId};
use koop_domain::org::{OrgData, OrgKind, OrgSize, Organisation};
use koop_domain::values::CountryCode;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    name: String,
    kind: String,
    country: String,
    city: String,
    nace: String,
    size: Option<String>,
    languages: String,
    website: Option<String>,
    description: String,
    published_at: Option<String>,
}

const COLUMNS: &str = "o.id, o.agency_id, o.name, o.kind, o.country, o.city, o.nace, o.size, \
                       o.languages, o.website, o.description, o.published_at";

impl Row {
    fn into_domain(self) -> DbResult<Organisation> {
        Ok(Organisation {
            id: OrgId(self.id),
            agency_id: AgencyId(self.agency_id),
            data: OrgData {
                name: self.name,
                kind: parse("organisation.kind", OrgKind::parse(&self.kind))?,
                country: parse("organisation.country", CountryCode::parse(&self.country))?,
                city: self.city,
                nace: parse_list("organisation.nace", &self.nace)?,
                size: self
                    .size
                    .map(|s| parse("organisation.size", OrgSize::parse(&s)))
                    .transpose()?,
                languages: parse_list("organisation.languages", &self.languages)?,
                website: self.website,
                description: self.description,
            },
            published: self.published_at.is_some(),
        })
    }
}

/// The key that identifies an organisation within an agency on re-import:
/// its name (case and spacing folded) and country.
pub fn match_key(data: &OrgData) -> String {
    let name: Vec<String> = data
        .name
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    format!("{}|{}", name.join(" "), data.country)
}

/// Inserts an organisation.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    data: &OrgData,
    publish: bool,
) -> DbResult<OrgId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisation (agency_id, match_key, name, kind, country, city, nace, size, \
         languages, website, description, published_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(agency.0)
    .bind(match_key(data))
    .bind(&data.name)
    .bind(data.kind.as_str())
    .bind(data.country.as_str())
    .bind(&data.city)
    .bind(list(&data.nace))
    .bind(data.size.map(|s| s.as_str()))
    .bind(list(&data.languages))
    .bind(data.website.as_deref())
    .bind(&data.description)
    .bind(published(publish))
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(OrgId(id))
}

/// Updates an organisation's fields (the match key follows the name).
pub async fn update(conn: &mut Conn, id: OrgId, data: &OrgData) -> DbResult<()> {
    let done = sqlx::query(
        "UPDATE organisation SET match_key = $2, name = $3, kind = $4, country = $5, city = $6, \
         nace = $7, size = $8, languages = $9, website = $10, description = $11 WHERE id = $1",
    )
    .bind(id.0)
    .bind(match_key(data))
    .bind(&data.name)
    .bind(data.kind.as_str())
    .bind(data.country.as_str())
    .bind(&data.city)
    .bind(list(&data.nace))
    .bind(data.size.map(|s| s.as_str()))
    .bind(list(&data.languages))
    .bind(data.website.as_deref())
    .bind(&data.description)
    .execute(conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(crate::DbError::NotFound);
    }
    Ok(())
}

/// Finds an organisation of `agency` by its match key (for imports).
pub async fn find_by_key(conn: &mut Conn, agency: AgencyId, key: &str) -> DbResult<Option<OrgId>> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM organisation WHERE agency_id = $1 AND match_key = $2")
            .bind(agency.0)
            .bind(key)
            .fetch_optional(conn)
            .await?;
    Ok(id.map(OrgId))
}

/// One organisation, if the viewer may see it.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: OrgId) -> DbResult<Organisation> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM organisation o WHERE o.id = $1 AND {}",
        clause("o", "organisation", true, 2)
    );
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .bind(a)
        .bind(m)
        .fetch_one(conn)
        .await?;
    row.into_domain()
}

/// Organisations by id, in any order: those the viewer may see (ids of others are
/// left out). One query, for reads that need many at once.
pub async fn many(conn: &mut Conn, viewer: Viewer, ids: &[OrgId]) -> DbResult<Vec<Organisation>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let (a, m) = binds(viewer);
    let raw: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM organisation o WHERE o.id IN ({}) AND {}",
        json_ints(conn, 1),
        clause("o", "organisation", true, 2)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(list(&raw))
        .bind(a)
        .bind(m)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// A filter for organisation lists.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    /// Only these kinds (all when empty).
    pub kinds: Vec<OrgKind>,
    /// Only this country.
    pub country: Option<String>,
    /// Only names containing this text (case-insensitive).
    pub name_contains: Option<String>,
    /// Only organisations of this agency.
    pub agency: Option<AgencyId>,
}

/// Organisations the viewer may see, by name.
pub async fn list_visible(
    conn: &mut Conn,
    viewer: Viewer,
    filter: &OrgFilter,
) -> DbResult<Vec<Organisation>> {
    let (a, m) = binds(viewer);
    let kinds: Vec<&str> = filter.kinds.iter().map(|k| k.as_str()).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM organisation o WHERE {} \
         AND ($3 = '' OR o.kind IN ({kinds})) \
         AND ($5 = '' OR o.country = $5) \
         AND ($6 = '' OR LOWER(o.name) LIKE $6) \
         AND ($7 < 0 OR o.agency_id = $7) AND o.merged_into_id IS NULL AND o.archived_at IS NULL \
         ORDER BY o.name",
        clause("o", "organisation", true, 1),
        kinds = json_texts(conn, 4),
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .bind(if kinds.is_empty() { "" } else { "k" })
        .bind(list(&kinds))
        .bind(filter.country.clone().unwrap_or_default())
        .bind(
            filter
                .name_contains
                .as_ref()
                .map(|n| format!("%{}%", n.to_lowercase()))
                .unwrap_or_default(),
        )
        .bind(filter.agency.map_or(-1, |a| a.0))
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// Organisation names by id, for labels (callers have already checked visibility of the
/// record that refers to them).
pub async fn names(conn: &mut Conn, ids: &[OrgId]) -> DbResult<Vec<(OrgId, String, String)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let raw: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let sql = format!(
        "SELECT id, name, kind FROM organisation WHERE id IN ({}) ORDER BY name",
        json_ints(conn, 1)
    );
    let rows: Vec<(i64, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(list(&raw))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(i, n, k)| (OrgId(i), n, k)).collect())
}

/// Countries of organisations referred to by records the viewer may see.
pub async fn countries(conn: &mut Conn, ids: &[OrgId]) -> DbResult<Vec<(OrgId, String)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let raw: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let sql = format!(
        "SELECT id, country FROM organisation WHERE id IN ({})",
        json_ints(conn, 1)
    );
    let rows: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(list(&raw))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(i, c)| (OrgId(i), c)).collect())
}

/// Counts organisations by kind among those the viewer may see.
pub async fn count_by_kind(conn: &mut Conn, viewer: Viewer) -> DbResult<Vec<(String, i64)>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT o.kind, COUNT(*) FROM organisation o WHERE {} GROUP BY o.kind ORDER BY o.kind",
        clause("o", "organisation", true, 1)
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .fetch_all(conn)
        .await?)
}
