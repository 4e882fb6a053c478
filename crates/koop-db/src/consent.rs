//! Consent records: who agreed to which version of which text, and when.

use crate::codec::now;
use crate::{Conn, DbResult};
use koop_domain::ids::{EventId, PersonId};

/// What a consent was given to.
pub const EVENT_TERMS: &str = "event_terms";

/// A consent as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsentRecord {
    /// What was agreed to, e.g. [`EVENT_TERMS`].
    pub subject: String,
    /// The event whose text it was, if any.
    pub event_id: Option<i64>,
    /// The version of the text.
    pub version: i64,
    /// SHA-256 of the text agreed to, in hex, so a later edit cannot rewrite history.
    pub text_sha256: String,
    /// When (UTC, RFC 3339).
    pub given_at: String,
    /// When it was withdrawn, if it was.
    pub withdrawn_at: Option<String>,
}

/// Records that `person` agreed to `version` of a text.
pub async fn record(
    conn: &mut Conn,
    person: PersonId,
    event: Option<EventId>,
    subject: &str,
    version: i64,
    text_sha256: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO consent_record (person_id, event_id, subject, version, text_sha256, given_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(person.0)
    .bind(event.map(|e| e.0))
    .bind(subject)
    .bind(version)
    .bind(text_sha256)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}

/// A person's consents, oldest first.
pub async fn of_person(conn: &mut Conn, person: PersonId) -> DbResult<Vec<ConsentRecord>> {
    Ok(sqlx::query_as(
        "SELECT subject, event_id, version, text_sha256, given_at, withdrawn_at \
         FROM consent_record WHERE person_id = $1 ORDER BY id",
    )
    .bind(person.0)
    .fetch_all(conn)
    .await?)
}

/// Marks every consent of a person as withdrawn.
pub async fn withdraw_all(conn: &mut Conn, person: PersonId) -> DbResult<()> {
    sqlx::query(
        "UPDATE consent_record SET withdrawn_at = $2 WHERE person_id = $1 AND withdrawn_at IS NULL",
    )
    .bind(person.0)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}
