//! Events, their organisers, venues and sessions.

use crate::codec::{date, datetime, now, parse, parse_date, parse_datetime, published};
use crate::{Conn, DbResult};
use koop_domain::event::{
    Event, EventData, EventKind, EventScope, ScheduleState, Session, SessionData, SessionKind,
    Venue,
};
use koop_domain::ids::{AgencyId, EventId, OrgId, SessionId, VenueId};
use koop_domain::task::Tasks;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    kind: String,
    title: String,
    description: String,
    start_on: String,
    end_on: String,
    published_at: Option<String>,
    schedule_state: String,
    settings: String,
}

const COLUMNS: &str = "e.id, e.agency_id, e.kind, e.title, e.description, e.start_on, e.end_on, e.published_at, e.schedule_state, e.settings";

/// Inserts an event with its organisers.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    data: &EventData,
    publish: bool,
) -> DbResult<EventId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO event (agency_id, kind, title, description, start_on, end_on, published_at, created_at, schedule_state) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft') RETURNING id",
    )
    .bind(agency.0)
    .bind(data.kind.as_str())
    .bind(&data.title)
    .bind(&data.description)
    .bind(date(data.start_on))
    .bind(date(data.end_on))
    .bind(published(publish))
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    insert_organisers(conn, id, &data.organiser_ids).await?;
    Ok(EventId(id))
}

async fn load(conn: &mut Conn, r: Row) -> DbResult<Event> {
    let organisers: Vec<i64> = sqlx::query_scalar(
        "SELECT org_id FROM event_organiser WHERE event_id = $1 ORDER BY position",
    )
    .bind(r.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Event {
        id: EventId(r.id),
        agency_id: AgencyId(r.agency_id),
        data: EventData {
            kind: parse("event.kind", EventKind::parse(&r.kind))?,
            title: r.title,
            description: r.description,
            start_on: parse_date("event.start_on", &r.start_on)?,
            end_on: parse_date("event.end_on", &r.end_on)?,
            organiser_ids: organisers.into_iter().map(OrgId).collect(),
        },
        published: r.published_at.is_some(),
        schedule: parse(
            "event.schedule_state",
            ScheduleState::parse(&r.schedule_state),
        )?,
        settings: parse("event.settings", serde_json::from_str(&r.settings))?,
    })
}

/// Publishes an event (anonymous visitors see it) or takes it back.
pub async fn set_published(conn: &mut Conn, id: EventId, publish: bool) -> DbResult<()> {
    sqlx::query(
        "UPDATE event SET published_at = CASE WHEN $2 THEN COALESCE(published_at, $3) ELSE NULL END \
         WHERE id = $1",
    )
    .bind(id.0)
    .bind(publish)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces an event's registration and matchmaking settings.
pub async fn set_settings(
    conn: &mut Conn,
    id: EventId,
    settings: &koop_domain::settings::EventSettings,
) -> DbResult<()> {
    let text = serde_json::to_string(settings).unwrap_or_else(|_| "{}".to_owned());
    sqlx::query("UPDATE event SET settings = $2 WHERE id = $1")
        .bind(id.0)
        .bind(text)
        .execute(conn)
        .await?;
    Ok(())
}

/// Replaces an event's editable fields and organisers.
pub async fn update(conn: &mut Conn, id: EventId, data: &EventData) -> DbResult<()> {
    sqlx::query(
        "UPDATE event SET kind = $2, title = $3, description = $4, start_on = $5, end_on = $6 \
         WHERE id = $1",
    )
    .bind(id.0)
    .bind(data.kind.as_str())
    .bind(&data.title)
    .bind(&data.description)
    .bind(date(data.start_on))
    .bind(date(data.end_on))
    .execute(&mut *conn)
    .await?;
    // Organisers that stay keep what they may do; only the ones taken out go.
    let keep = crate::codec::list(&data.organiser_ids.iter().map(|o| o.0).collect::<Vec<_>>());
    // Safe: the sub-select is a fixed text per backend; the ids are bound.
    let sql = format!(
        "DELETE FROM event_organiser WHERE event_id = $1 AND org_id NOT IN ({})",
        crate::codec::json_ints(conn, 2)
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .bind(keep)
        .execute(&mut *conn)
        .await?;
    insert_organisers(conn, id.0, &data.organiser_ids).await
}

async fn insert_organisers(conn: &mut Conn, event: i64, orgs: &[OrgId]) -> DbResult<()> {
    for (pos, org) in orgs.iter().enumerate() {
        sqlx::query(
            "INSERT INTO event_organiser (event_id, org_id, position) VALUES ($1, $2, $3) \
             ON CONFLICT (event_id, org_id) DO UPDATE SET position = excluded.position",
        )
        .bind(event)
        .bind(org.0)
        .bind(pos as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// One event, whoever asks: koop-core's policy decides from its [`scope`] whether the
/// viewer may see it, because event rights depend on more than the tenant (organisers,
/// co-organising agencies, participants).
pub async fn get(conn: &mut Conn, id: EventId) -> DbResult<Event> {
    let sql = format!("SELECT {COLUMNS} FROM event e WHERE e.id = $1");
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await?;
    load(conn, row).await
}

/// Who runs an event (for the policy). Reading it inside an operation's transaction
/// makes the rights check and the write see the same organisers.
pub async fn scope(conn: &mut Conn, id: EventId) -> DbResult<EventScope> {
    let (agency, published): (i64, Option<String>) =
        sqlx::query_as("SELECT agency_id, published_at FROM event WHERE id = $1")
            .bind(id.0)
            .fetch_one(&mut *conn)
            .await?;
    let co: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT eo.event_id, ao.agency_id, eo.tasks FROM event_organiser eo JOIN agency_org ao ON ao.org_id = eo.org_id \
         WHERE eo.event_id = $1 ORDER BY ao.agency_id",
    )
    .bind(id.0)
    .fetch_all(conn)
    .await?;
    Ok(EventScope {
        id,
        agency: AgencyId(agency),
        co_agencies: co_agencies_of(id.0, &co)?,
        published: published.is_some(),
    })
}

/// The co-organising agencies of event `id` with their tasks, from rows of
/// (event, agency, tasks); an agency reached through two organisations gets both sets.
fn co_agencies_of(id: i64, rows: &[(i64, i64, String)]) -> DbResult<Vec<(AgencyId, Tasks)>> {
    let mut out: Vec<(AgencyId, Tasks)> = Vec::new();
    for (_, agency, tasks) in rows.iter().filter(|(e, _, _)| *e == id) {
        let tasks = parse("event_organiser.tasks", Tasks::parse(tasks))?;
        match out.iter_mut().find(|(a, _)| a.0 == *agency) {
            Some((_, known)) => *known = known.union(tasks),
            None => out.push((AgencyId(*agency), tasks)),
        }
    }
    Ok(out)
}

/// What the staff of organisation `org` may do at `event`, as its owner set it.
pub async fn set_organiser_tasks(
    conn: &mut Conn,
    event: EventId,
    org: OrgId,
    tasks: Tasks,
) -> DbResult<bool> {
    let done =
        sqlx::query("UPDATE event_organiser SET tasks = $3 WHERE event_id = $1 AND org_id = $2")
            .bind(event.0)
            .bind(org.0)
            .bind(tasks.to_text())
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// An event's organising organisations in order, each with the agency it is (if it
/// is one in koop) and what its staff may do.
pub async fn organisers(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<Vec<(OrgId, Option<AgencyId>, Tasks)>> {
    let rows: Vec<(i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT eo.org_id, (SELECT MIN(ao.agency_id) FROM agency_org ao WHERE ao.org_id = eo.org_id), eo.tasks \
         FROM event_organiser eo WHERE eo.event_id = $1 ORDER BY eo.position",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(org, agency, tasks)| {
            Ok((
                OrgId(org),
                agency.map(AgencyId),
                parse("event_organiser.tasks", Tasks::parse(&tasks))?,
            ))
        })
        .collect()
}

/// The scopes of all events, for filtering lists by the policy in one pass.
pub async fn scopes(conn: &mut Conn) -> DbResult<Vec<EventScope>> {
    let rows: Vec<(i64, i64, Option<String>)> =
        sqlx::query_as("SELECT id, agency_id, published_at FROM event ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let co: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT eo.event_id, ao.agency_id, eo.tasks FROM event_organiser eo \
         JOIN agency_org ao ON ao.org_id = eo.org_id ORDER BY eo.event_id, ao.agency_id",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, agency, published)| {
            Ok(EventScope {
                id: EventId(id),
                agency: AgencyId(agency),
                co_agencies: co_agencies_of(id, &co)?,
                published: published.is_some(),
            })
        })
        .collect()
}

/// Events among `ids`, newest first; optionally only those `org` organises. The caller
/// has chosen `ids` by the policy.
pub async fn list(
    conn: &mut Conn,
    ids: &[EventId],
    organiser: Option<OrgId>,
) -> DbResult<Vec<Event>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM event e WHERE e.id IN ({}) AND ($2 < 0 OR EXISTS (\
         SELECT 1 FROM event_organiser x WHERE x.event_id = e.id AND x.org_id = $2)) \
         ORDER BY e.start_on DESC, e.id",
        crate::codec::json_ints(conn, 1)
    );
    let ids: Vec<i64> = ids.iter().map(|e| e.0).collect();
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into()))
        .bind(organiser.map_or(-1, |o| o.0))
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(load(conn, r).await?);
    }
    Ok(out)
}

/// Inserts a venue.
pub async fn insert_venue(conn: &mut Conn, event: EventId, v: &Venue) -> DbResult<VenueId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO venue (event_id, name, address, city, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(event.0)
    .bind(&v.name)
    .bind(&v.address)
    .bind(&v.city)
    .bind(&v.time_zone)
    .fetch_one(conn)
    .await?;
    Ok(VenueId(id))
}

/// Venues of an event (the caller has checked the event is visible).
pub async fn venues(conn: &mut Conn, event: EventId) -> DbResult<Vec<Venue>> {
    let rows: Vec<(i64, i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, event_id, name, address, city, time_zone FROM venue WHERE event_id = $1 ORDER BY id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, e, name, address, city, time_zone)| Venue {
            id: VenueId(id),
            event_id: EventId(e),
            name,
            address,
            city,
            time_zone,
        })
        .collect())
}

/// Inserts a session.
pub async fn insert_session(
    conn: &mut Conn,
    event: EventId,
    venue: Option<VenueId>,
    s: &SessionData,
) -> DbResult<SessionId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO event_session (event_id, venue_id, kind, title, starts_at, ends_at, slot_minutes, tables, breaks) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(event.0)
    .bind(venue.map(|v| v.0))
    .bind(s.kind.as_str())
    .bind(&s.title)
    .bind(datetime(s.starts_at))
    .bind(datetime(s.ends_at))
    .bind(s.slot_minutes)
    .bind(s.tables)
    .bind(serde_json::to_string(&s.breaks).unwrap_or_else(|_| "[]".into()))
    .fetch_one(conn)
    .await?;
    Ok(SessionId(id))
}

type SessionRow = (
    i64,
    i64,
    Option<i64>,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    String,
);

/// Sessions of an event in time order (the caller has checked the event is visible).
pub async fn sessions(conn: &mut Conn, event: EventId) -> DbResult<Vec<Session>> {
    let rows: Vec<SessionRow> = sqlx::query_as(
        "SELECT id, event_id, venue_id, kind, title, starts_at, ends_at, slot_minutes, tables, breaks \
         FROM event_session WHERE event_id = $1 ORDER BY starts_at, id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Session {
                id: SessionId(r.0),
                event_id: EventId(r.1),
                venue_id: r.2.map(VenueId),
                data: SessionData {
                    kind: parse("event_session.kind", SessionKind::parse(&r.3))?,
                    title: r.4,
                    starts_at: parse_datetime("event_session.starts_at", &r.5)?,
                    ends_at: parse_datetime("event_session.ends_at", &r.6)?,
                    slot_minutes: r.7,
                    tables: r.8,
                    breaks: parse("event_session.breaks", serde_json::from_str(&r.9))?,
                },
            })
        })
        .collect()
}

/// The number of tables of a session, if it has tables.
pub async fn session_tables(conn: &mut Conn, id: SessionId) -> DbResult<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT tables FROM event_session WHERE id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?,
    )
}

/// Moves an event's schedule from `from` to `to`; `false` when it was no longer `from`.
pub async fn set_schedule_state(
    conn: &mut Conn,
    id: EventId,
    from: ScheduleState,
    to: ScheduleState,
) -> DbResult<bool> {
    crate::codec::set_status_if(
        conn,
        "UPDATE event SET schedule_state = $3 WHERE id = $1 AND schedule_state = $2",
        id.0,
        from.as_str(),
        to.as_str(),
    )
    .await
}

/// Deletes a session unless a meeting or a visit refers to it; returns whether it did.
pub async fn remove_session(conn: &mut Conn, id: SessionId) -> DbResult<bool> {
    let done = sqlx::query(
        "DELETE FROM event_session WHERE id = $1 \
         AND NOT EXISTS (SELECT 1 FROM meeting WHERE session_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM visit_offer WHERE session_id = $1)",
    )
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a venue unless a session takes place there; returns whether it did.
pub async fn remove_venue(conn: &mut Conn, id: VenueId) -> DbResult<bool> {
    let done = sqlx::query(
        "DELETE FROM venue WHERE id = $1 \
         AND NOT EXISTS (SELECT 1 FROM event_session WHERE venue_id = $1)",
    )
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every event's agency and settings, for sweeps over all events (request expiry).
pub async fn all_settings(
    conn: &mut Conn,
) -> DbResult<Vec<(EventId, AgencyId, koop_domain::settings::EventSettings)>> {
    let rows: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, agency_id, settings FROM event ORDER BY id")
            .fetch_all(conn)
            .await?;
    rows.into_iter()
        .map(|(id, agency, text)| {
            Ok((
                EventId(id),
                AgencyId(agency),
                parse("event.settings", serde_json::from_str(&text))?,
            ))
        })
        .collect()
}

/// The travel times between an event's venues: (venue a, venue b, minutes), a < b.
pub async fn travel(conn: &mut Conn, event: EventId) -> DbResult<Vec<(VenueId, VenueId, i64)>> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT venue_a, venue_b, minutes FROM venue_travel WHERE event_id = $1 ORDER BY venue_a, venue_b",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(a, b, m)| (VenueId(a), VenueId(b), m))
        .collect())
}

/// Replaces the travel times of an event (pairs with a < b).
pub async fn set_travel(
    conn: &mut Conn,
    event: EventId,
    pairs: &[(VenueId, VenueId, i64)],
) -> DbResult<()> {
    sqlx::query("DELETE FROM venue_travel WHERE event_id = $1")
        .bind(event.0)
        .execute(&mut *conn)
        .await?;
    for (a, b, m) in pairs {
        sqlx::query(
            "INSERT INTO venue_travel (event_id, venue_a, venue_b, minutes) VALUES ($1, $2, $3, $4)",
        )
        .bind(event.0)
        .bind(a.0)
        .bind(b.0)
        .bind(m)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
