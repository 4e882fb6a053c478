//! Participants of events.

use crate::codec::{now, parse};
use crate::{Conn, DbResult};
use koop_domain::event::{ParticipantRole, ParticipantStatus};
use koop_domain::ids::{EventId, OrgId, ParticipantId, PersonId};
use serde::Serialize;

/// A participant with the names pages show. The person and the status are options
/// because koop-core's reader leaves them out for viewers who may not see them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantView {
    /// The registration.
    pub id: ParticipantId,
    /// The event.
    pub event_id: EventId,
    /// The organisation they represent.
    pub org_id: OrgId,
    /// Role.
    pub role: ParticipantRole,
    /// The person (for the event's organisers and participants).
    pub person_id: Option<PersonId>,
    /// The person's full name (for the event's organisers and participants).
    pub person_name: Option<String>,
    /// Status (for the event's organisers, and for the participant themselves).
    pub status: Option<ParticipantStatus>,
    /// The organisation's name.
    pub org_name: String,
    /// The organisation's country.
    pub country: String,
    /// The organisation's city.
    pub city: String,
    /// Their own time zone, where one is set (an online mission's partner abroad).
    pub time_zone: Option<String>,
}

/// Registers a person at an event.
pub async fn insert(
    conn: &mut Conn,
    event: EventId,
    person: PersonId,
    org: OrgId,
    role: ParticipantRole,
    status: ParticipantStatus,
) -> DbResult<ParticipantId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO participant (event_id, person_id, org_id, role, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(event.0)
    .bind(person.0)
    .bind(org.0)
    .bind(role.as_str())
    .bind(status.as_str())
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(ParticipantId(id))
}

/// Stores a participant's answers to the event's registration questions.
pub async fn set_answers(
    conn: &mut Conn,
    id: ParticipantId,
    answers: &[koop_domain::settings::Answer],
) -> DbResult<()> {
    let text = serde_json::to_string(answers).unwrap_or_else(|_| "[]".to_owned());
    sqlx::query("UPDATE participant SET answers = $2 WHERE id = $1")
        .bind(id.0)
        .bind(text)
        .execute(conn)
        .await?;
    Ok(())
}

/// A participant's answers to the event's registration questions.
pub async fn answers(
    conn: &mut Conn,
    id: ParticipantId,
) -> DbResult<Vec<koop_domain::settings::Answer>> {
    let text: String = sqlx::query_scalar("SELECT answers FROM participant WHERE id = $1")
        .bind(id.0)
        .fetch_one(conn)
        .await?;
    crate::codec::parse("participant.answers", serde_json::from_str(&text))
}

/// Every participant's answers at an event.
pub async fn answers_for_event(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<Vec<(ParticipantId, Vec<koop_domain::settings::Answer>)>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, answers FROM participant WHERE event_id = $1 ORDER BY id")
            .bind(event.0)
            .fetch_all(conn)
            .await?;
    rows.into_iter()
        .map(|(id, text)| {
            Ok((
                ParticipantId(id),
                crate::codec::parse("participant.answers", serde_json::from_str(&text))?,
            ))
        })
        .collect()
}

/// Sets a participant's status if it is still `from`; returns whether it was.
pub async fn set_status(
    conn: &mut Conn,
    id: ParticipantId,
    from: ParticipantStatus,
    to: ParticipantStatus,
) -> DbResult<bool> {
    crate::codec::set_status_if(
        conn,
        "UPDATE participant SET status = $3 WHERE id = $1 AND status = $2",
        id.0,
        from.as_str(),
        to.as_str(),
    )
    .await
}

type Row = (
    i64,
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

const SELECT: &str = "SELECT pa.id, pa.event_id, pa.person_id, pa.org_id, pa.role, pa.status, \
     pe.given_name, pe.family_name, o.name, o.country, o.city, pa.time_zone FROM participant pa \
     JOIN person pe ON pe.id = pa.person_id JOIN organisation o ON o.id = pa.org_id";

fn view(r: Row) -> DbResult<ParticipantView> {
    Ok(ParticipantView {
        id: ParticipantId(r.0),
        event_id: EventId(r.1),
        org_id: OrgId(r.3),
        role: parse("participant.role", ParticipantRole::parse(&r.4))?,
        person_id: Some(PersonId(r.2)),
        person_name: Some(format!("{} {}", r.6, r.7)),
        status: Some(parse("participant.status", ParticipantStatus::parse(&r.5))?),
        org_name: r.8,
        country: r.9,
        city: r.10,
        time_zone: r.11,
    })
}

/// Sets a participant's own time zone (none: the venue's).
pub async fn set_time_zone(conn: &mut Conn, id: ParticipantId, zone: Option<&str>) -> DbResult<()> {
    sqlx::query("UPDATE participant SET time_zone = $2 WHERE id = $1")
        .bind(id.0)
        .bind(zone)
        .execute(conn)
        .await?;
    Ok(())
}

/// Participants of an event by organisation name (the caller has checked the event is visible).
pub async fn for_event(conn: &mut Conn, event: EventId) -> DbResult<Vec<ParticipantView>> {
    let sql = format!("{SELECT} WHERE pa.event_id = $1 ORDER BY o.name, pe.family_name");
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(event.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(view).collect()
}

/// One participant (the caller checks the event's visibility).
pub async fn get(conn: &mut Conn, id: ParticipantId) -> DbResult<ParticipantView> {
    let sql = format!("{SELECT} WHERE pa.id = $1");
    view(
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_one(conn)
            .await?,
    )
}

/// Participant counts per country at an event.
pub async fn countries(conn: &mut Conn, event: EventId) -> DbResult<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT o.country, COUNT(*) FROM participant pa JOIN organisation o ON o.id = pa.org_id \
         WHERE pa.event_id = $1 GROUP BY o.country ORDER BY COUNT(*) DESC, o.country",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?)
}

/// The event a participant takes part in.
pub async fn event_of(conn: &mut Conn, id: ParticipantId) -> DbResult<EventId> {
    let e: i64 = sqlx::query_scalar("SELECT event_id FROM participant WHERE id = $1")
        .bind(id.0)
        .fetch_one(conn)
        .await?;
    Ok(EventId(e))
}

/// The event and the status of a participant, read for a change of that status.
pub async fn state(conn: &mut Conn, id: ParticipantId) -> DbResult<(EventId, ParticipantStatus)> {
    let (e, status): (i64, String) =
        sqlx::query_as("SELECT event_id, status FROM participant WHERE id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?;
    Ok((
        EventId(e),
        parse("participant.status", ParticipantStatus::parse(&status))?,
    ))
}

/// Where mail for a participant goes: their account's address, name and language,
/// or else their person record's address, name and first language. `None` when
/// neither has an address (an erased person, a contact without e-mail).
pub async fn mail_contact(
    conn: &mut Conn,
    id: ParticipantId,
) -> DbResult<Option<(String, String, String)>> {
    let account: Option<(String, String, String)> = sqlx::query_as(
        "SELECT email, display_name, ui_language FROM account WHERE participant_id = $1 \
         ORDER BY id LIMIT 1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    if account.is_some() {
        return Ok(account);
    }
    let person: Option<(Option<String>, String, String, String)> = sqlx::query_as(
        "SELECT pe.email, pe.given_name, pe.family_name, pe.languages FROM participant p \
         JOIN person pe ON pe.id = p.person_id WHERE p.id = $1",
    )
    .bind(id.0)
    .fetch_optional(conn)
    .await?;
    Ok(person.and_then(|(email, given, family, languages)| {
        let email = email.filter(|e| !e.trim().is_empty())?;
        let first: Vec<String> = serde_json::from_str(&languages).unwrap_or_default();
        let language = first.into_iter().next().unwrap_or_else(|| "de".into());
        Some((email, format!("{given} {family}"), language))
    }))
}
