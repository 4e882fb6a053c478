//! Cooperation profiles.

use crate::codec::{list, now, opt_date, parse, parse_list, parse_opt_date};
use crate::{Conn, DbResult};
use koop_domain::ids::{AgencyId, EventId, OrgId, ParticipantId, ProfileId};
use koop_domain::profile::{Profile, ProfileData, ProfileKind, ProfileStatus};
use koop_domain::values::LanguageCode;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    org_id: i64,
    event_id: Option<i64>,
    participant_id: Option<i64>,
    status: String,
    kind: String,
    title: String,
    summary: String,
    description: String,
    language: String,
    nace: String,
    keywords: String,
    countries_sought: String,
    languages: String,
    deadline: Option<String>,
}

const COLUMNS: &str = "id, org_id, event_id, participant_id, status, kind, title, summary, \
     description, language, nace, keywords, countries_sought, languages, deadline";

impl Row {
    fn into_domain(self) -> DbResult<Profile> {
        Ok(Profile {
            id: ProfileId(self.id),
            org_id: OrgId(self.org_id),
            event_id: self.event_id.map(EventId),
            participant_id: self.participant_id.map(ParticipantId),
            status: parse("profile.status", ProfileStatus::parse(&self.status))?,
            data: ProfileData {
                kind: parse("profile.kind", ProfileKind::parse(&self.kind))?,
                title: self.title,
                summary: self.summary,
                description: self.description,
                language: parse("profile.language", LanguageCode::parse(&self.language))?,
                nace: parse_list("profile.nace", &self.nace)?,
                keywords: parse_list("profile.keywords", &self.keywords)?,
                countries_sought: parse_list("profile.countries_sought", &self.countries_sought)?,
                languages: parse_list("profile.languages", &self.languages)?,
                deadline: parse_opt_date("profile.deadline", self.deadline.as_deref())?,
            },
        })
    }
}

/// Where a new profile belongs.
#[derive(Debug, Clone, Copy)]
pub struct ProfileOwner {
    /// The agency.
    pub agency: AgencyId,
    /// The organisation it describes.
    pub org: OrgId,
    /// The event.
    pub event: Option<EventId>,
    /// The participant.
    pub participant: Option<ParticipantId>,
}

/// Inserts a profile.
pub async fn insert(
    conn: &mut Conn,
    owner: ProfileOwner,
    status: ProfileStatus,
    d: &ProfileData,
) -> DbResult<ProfileId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO profile (agency_id, org_id, event_id, participant_id, status, kind, title, summary, \
         description, language, nace, keywords, countries_sought, languages, deadline, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
    )
    .bind(owner.agency.0)
    .bind(owner.org.0)
    .bind(owner.event.map(|e| e.0))
    .bind(owner.participant.map(|p| p.0))
    .bind(status.as_str())
    .bind(d.kind.as_str())
    .bind(&d.title)
    .bind(&d.summary)
    .bind(&d.description)
    .bind(d.language.as_str())
    .bind(list(&d.nace))
    .bind(list(&d.keywords))
    .bind(list(&d.countries_sought))
    .bind(list(&d.languages))
    .bind(opt_date(d.deadline))
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(ProfileId(id))
}

/// Published profiles of an event (the caller has checked the event is visible).
pub async fn for_event(conn: &mut Conn, event: EventId) -> DbResult<Vec<Profile>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM profile WHERE event_id = $1 AND status = 'published' ORDER BY id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(event.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// Published profiles of an organisation.
pub async fn for_org(conn: &mut Conn, org: OrgId) -> DbResult<Vec<Profile>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM profile WHERE org_id = $1 AND status = 'published' ORDER BY id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(org.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// A stored embedding: model, text fingerprint and vector.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEmbedding {
    /// The profile.
    pub profile: ProfileId,
    /// The model that computed it.
    pub model: String,
    /// A hash of the text it was computed from.
    pub fingerprint: String,
    /// The vector.
    pub vector: Vec<f32>,
}

/// Stores (or replaces) a profile's embedding.
pub async fn set_embedding(conn: &mut Conn, e: &StoredEmbedding) -> DbResult<()> {
    sqlx::query("DELETE FROM profile_embedding WHERE profile_id = $1")
        .bind(e.profile.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO profile_embedding (profile_id, model, fingerprint, vector, computed_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(e.profile.0)
    .bind(&e.model)
    .bind(&e.fingerprint)
    .bind(list(&e.vector))
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}

/// How many of an event's profiles have a vector from `model`, and when the newest was
/// computed. Vectors are written by a job, not audited, so this tells a cache of the
/// event's index that new ones arrived.
pub async fn embedding_stamp(
    conn: &mut Conn,
    event: EventId,
    model: &str,
) -> DbResult<(i64, Option<String>)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*), MAX(e.computed_at) FROM profile_embedding e \
         JOIN profile p ON p.id = e.profile_id WHERE p.event_id = $1 AND e.model = $2",
    )
    .bind(event.0)
    .bind(model)
    .fetch_one(conn)
    .await?)
}

/// The stored embeddings of an event's profiles.
pub async fn embeddings_for_event(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<Vec<StoredEmbedding>> {
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT e.profile_id, e.model, e.fingerprint, e.vector FROM profile_embedding e \
         JOIN profile p ON p.id = e.profile_id WHERE p.event_id = $1 ORDER BY e.profile_id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, model, fingerprint, vector)| {
            Ok(StoredEmbedding {
                profile: ProfileId(id),
                model,
                fingerprint,
                vector: parse_list("profile_embedding.vector", &vector)?,
            })
        })
        .collect()
}

/// The event's published profiles whose text matches every one of `words`, by
/// PostgreSQL's own full-text search: each word as a prefix, in the `simple`
/// configuration (any script, case folded) and stemmed in the profile's language
/// (`german`, `english`, `russian`, `french`). Words must be letters and digits only;
/// the caller splits the query. PostgreSQL only.
pub async fn search_text(
    conn: &mut Conn,
    event: EventId,
    words: &[String],
) -> DbResult<Vec<ProfileId>> {
    let query = words
        .iter()
        .map(|w| format!("{w}:*"))
        .collect::<Vec<_>>()
        .join(" & ");
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM profile WHERE event_id = $1 AND status = 'published' \
         AND (search_simple @@ to_tsquery('simple', $2) \
         OR (language = 'de' AND search_stemmed @@ to_tsquery('german', $2)) \
         OR (language = 'en' AND search_stemmed @@ to_tsquery('english', $2)) \
         OR (language = 'ru' AND search_stemmed @@ to_tsquery('russian', $2)) \
         OR (language = 'fr' AND search_stemmed @@ to_tsquery('french', $2))) ORDER BY id",
    )
    .bind(event.0)
    .bind(query)
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(ProfileId).collect())
}

/// A profile in any status, with the agency it belongs to.
pub async fn get(conn: &mut Conn, id: ProfileId) -> DbResult<(Profile, AgencyId)> {
    let sql = format!("SELECT {COLUMNS}, agency_id FROM profile WHERE id = $1");
    let found: Option<RowWithAgency> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(conn)
        .await?;
    let found = found.ok_or(crate::error::DbError::NotFound)?;
    let agency = AgencyId(found.agency_id);
    Ok((found.row.into_domain()?, agency))
}

#[derive(sqlx::FromRow)]
struct RowWithAgency {
    #[sqlx(flatten)]
    row: Row,
    agency_id: i64,
}

/// Every profile a participant wrote, drafts and archived ones included.
pub async fn of_participant(conn: &mut Conn, participant: ParticipantId) -> DbResult<Vec<Profile>> {
    let sql = format!("SELECT {COLUMNS} FROM profile WHERE participant_id = $1 ORDER BY id");
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(participant.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// Replaces a profile's editable fields.
pub async fn update(conn: &mut Conn, id: ProfileId, d: &ProfileData) -> DbResult<()> {
    let done = sqlx::query(
        "UPDATE profile SET kind = $2, title = $3, summary = $4, description = $5, language = $6, \
         nace = $7, keywords = $8, countries_sought = $9, languages = $10, deadline = $11 \
         WHERE id = $1",
    )
    .bind(id.0)
    .bind(d.kind.as_str())
    .bind(&d.title)
    .bind(&d.summary)
    .bind(&d.description)
    .bind(d.language.as_str())
    .bind(list(&d.nace))
    .bind(list(&d.keywords))
    .bind(list(&d.countries_sought))
    .bind(list(&d.languages))
    .bind(opt_date(d.deadline))
    .execute(conn)
    .await?;
    found(done.rows_affected())
}

/// Sets a profile's status.
pub async fn set_status(conn: &mut Conn, id: ProfileId, status: ProfileStatus) -> DbResult<()> {
    let done = sqlx::query("UPDATE profile SET status = $2 WHERE id = $1")
        .bind(id.0)
        .bind(status.as_str())
        .execute(conn)
        .await?;
    found(done.rows_affected())
}

fn found(rows: u64) -> DbResult<()> {
    if rows == 0 {
        Err(crate::error::DbError::NotFound)
    } else {
        Ok(())
    }
}

/// The agency's profile with an EEN reference, if it has one.
pub async fn by_een_reference(
    conn: &mut Conn,
    agency: AgencyId,
    reference: &str,
) -> DbResult<Option<ProfileId>> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM profile WHERE agency_id = $1 AND een_reference = $2")
            .bind(agency.0)
            .bind(reference)
            .fetch_optional(conn)
            .await?;
    Ok(id.map(ProfileId))
}

/// Records the EEN reference a profile was imported under.
pub async fn set_een_reference(conn: &mut Conn, id: ProfileId, reference: &str) -> DbResult<()> {
    sqlx::query("UPDATE profile SET een_reference = $2 WHERE id = $1")
        .bind(id.0)
        .bind(reference)
        .execute(conn)
        .await?;
    Ok(())
}

/// The agency's profiles that carry an EEN reference, by reference (the caller is the
/// agency's staff).
pub async fn een_profiles(conn: &mut Conn, agency: AgencyId) -> DbResult<Vec<(String, Profile)>> {
    let sql = format!(
        "SELECT {COLUMNS}, een_reference FROM profile WHERE agency_id = $1 \
         AND een_reference IS NOT NULL AND status <> 'archived' ORDER BY een_reference"
    );
    let rows: Vec<EenRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(agency.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(|r| Ok((r.een_reference, r.row.into_domain()?)))
        .collect()
}

#[derive(sqlx::FromRow)]
struct EenRow {
    #[sqlx(flatten)]
    row: Row,
    een_reference: String,
}
