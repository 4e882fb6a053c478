//! Meetings: placed in a session at a time and a table, with their participants.

use crate::codec::{datetime, parse, parse_datetime};
use crate::{Conn, DbResult};
use chrono::NaiveDateTime;
use koop_domain::ids::{EventId, MeetingId, MeetingRequestId, OrgId, ParticipantId, SessionId};
use koop_domain::meeting::MeetingStatus;
use serde::Serialize;

/// Where a new meeting goes.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    /// The event.
    pub event: EventId,
    /// The request it fulfils.
    pub request: Option<MeetingRequestId>,
    /// The session.
    pub session: Option<SessionId>,
    /// A title (official meetings have one; B2B meetings are named by their participants).
    pub title: String,
    /// Start.
    pub starts_at: Option<NaiveDateTime>,
    /// Table number in the session (1..tables), if at a table.
    pub table_no: Option<i64>,
    /// The participants.
    pub participants: Vec<ParticipantId>,
}

/// Inserts a scheduled meeting.
pub async fn insert_meeting(conn: &mut Conn, m: &NewMeeting) -> DbResult<MeetingId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meeting (event_id, request_id, session_id, title, starts_at, table_no, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(m.event.0)
    .bind(m.request.map(|r| r.0))
    .bind(m.session.map(|s| s.0))
    .bind(&m.title)
    .bind(m.starts_at.map(datetime))
    .bind(m.table_no)
    .bind(MeetingStatus::Scheduled.as_str())
    .fetch_one(&mut *conn)
    .await?;
    for p in &m.participants {
        sqlx::query("INSERT INTO meeting_participant (meeting_id, participant_id) VALUES ($1, $2)")
            .bind(id)
            .bind(p.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(MeetingId(id))
}

/// A meeting's event and status.
pub async fn meeting_state(conn: &mut Conn, id: MeetingId) -> DbResult<(EventId, MeetingStatus)> {
    let (event, status): (i64, String) =
        sqlx::query_as("SELECT event_id, status FROM meeting WHERE id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?;
    Ok((
        EventId(event),
        parse("meeting.status", MeetingStatus::parse(&status))?,
    ))
}

/// Sets a meeting's status if it is still `from`; returns whether it was.
pub async fn set_meeting_status(
    conn: &mut Conn,
    id: MeetingId,
    from: MeetingStatus,
    to: MeetingStatus,
) -> DbResult<bool> {
    crate::codec::set_status_if(
        conn,
        "UPDATE meeting SET status = $3 WHERE id = $1 AND status = $2",
        id.0,
        from.as_str(),
        to.as_str(),
    )
    .await
}

/// Someone in a meeting, as agendas show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendee {
    /// The participant.
    pub participant: ParticipantId,
    /// Their organisation.
    pub org_id: OrgId,
    /// Its name.
    pub org_name: String,
    /// Its country.
    pub country: String,
}

/// A meeting as agendas show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingView {
    /// Id.
    pub id: MeetingId,
    /// Title.
    pub title: String,
    /// Start, local to the venue.
    pub starts_at: Option<NaiveDateTime>,
    /// Length in minutes (the session's slot), if known.
    pub minutes: Option<i64>,
    /// Table number in its session.
    pub table_no: Option<i64>,
    /// The table's name, where the organisers gave it one (a stand).
    pub table_name: Option<String>,
    /// Status.
    pub status: MeetingStatus,
    /// The session's title.
    pub session: Option<String>,
    /// The venue's name and time zone.
    pub venue: Option<(String, String)>,
    /// Who meets, by organisation name.
    pub attendees: Vec<Attendee>,
}

impl MeetingView {
    /// The table as people read it: its number, and its name where it has one
    /// (`4 · Stand IGZ`).
    pub fn table_text(&self) -> Option<String> {
        self.table_no.map(|n| match &self.table_name {
            Some(name) => format!("{n} · {name}"),
            None => n.to_string(),
        })
    }

    /// The participants' organisation names, joined.
    pub fn who(&self) -> String {
        self.attendees
            .iter()
            .map(|a| a.org_name.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

type MeetingRow = (
    i64,
    String,
    Option<String>,
    Option<i64>,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Meetings of an event in time order; optionally only those of one participant. Two
/// queries, whatever the number of meetings: the meetings, then everyone in them.
pub async fn meetings(
    conn: &mut Conn,
    event: EventId,
    participant: Option<ParticipantId>,
) -> DbResult<Vec<MeetingView>> {
    let rows: Vec<MeetingRow> = sqlx::query_as(
        "SELECT m.id, m.title, m.starts_at, m.table_no, m.status, s.title, s.slot_minutes, v.name, v.time_zone, \
         NULLIF(t.name, '') FROM meeting m LEFT JOIN event_session s ON s.id = m.session_id \
         LEFT JOIN venue v ON v.id = s.venue_id \
         LEFT JOIN session_table t ON t.session_id = m.session_id AND t.table_no = m.table_no \
         WHERE m.event_id = $1 AND ($2 < 0 OR EXISTS (SELECT 1 FROM meeting_participant x \
         WHERE x.meeting_id = m.id AND x.participant_id = $2)) ORDER BY m.starts_at, m.id",
    )
    .bind(event.0)
    .bind(participant.map_or(-1, |p| p.0))
    .fetch_all(&mut *conn)
    .await?;
    let people: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
        "SELECT x.meeting_id, p.id, o.id, o.name, o.country FROM meeting_participant x \
         JOIN meeting m ON m.id = x.meeting_id JOIN participant p ON p.id = x.participant_id \
         JOIN organisation o ON o.id = p.org_id WHERE m.event_id = $1 AND ($2 < 0 OR x.meeting_id IN \
         (SELECT y.meeting_id FROM meeting_participant y WHERE y.participant_id = $2)) \
         ORDER BY x.meeting_id, o.name",
    )
    .bind(event.0)
    .bind(participant.map_or(-1, |p| p.0))
    .fetch_all(&mut *conn)
    .await?;
    let mut by_meeting: std::collections::HashMap<i64, Vec<Attendee>> =
        std::collections::HashMap::new();
    for (m, p, o, name, country) in people {
        by_meeting.entry(m).or_default().push(Attendee {
            participant: ParticipantId(p),
            org_id: OrgId(o),
            org_name: name,
            country,
        });
    }
    rows.into_iter()
        .map(
            |(id, title, starts_at, table_no, status, session, minutes, venue, tz, table_name)| {
                Ok(MeetingView {
                    id: MeetingId(id),
                    title,
                    starts_at: starts_at
                        .map(|s| parse_datetime("meeting.starts_at", &s))
                        .transpose()?,
                    minutes,
                    table_no,
                    table_name,
                    status: parse("meeting.status", MeetingStatus::parse(&status))?,
                    session,
                    venue: venue.zip(tz),
                    attendees: by_meeting.remove(&id).unwrap_or_default(),
                })
            },
        )
        .collect()
}

/// A scheduled meeting's place in the timetable.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The request it fulfils, if any.
    pub request: Option<MeetingRequestId>,
    /// The session.
    pub session: SessionId,
    /// Its start.
    pub starts_at: NaiveDateTime,
    /// Its table.
    pub table_no: Option<i64>,
    /// Who meets.
    pub participants: Vec<ParticipantId>,
}

/// The event's meetings that hold a slot (all but cancelled ones), with session, start, table and participants.
pub async fn placed(conn: &mut Conn, event: EventId) -> DbResult<Vec<Placed>> {
    let rows: Vec<(i64, Option<i64>, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, request_id, session_id, starts_at, table_no FROM meeting WHERE event_id = $1 AND status <> 'cancelled' \
         AND session_id IS NOT NULL AND starts_at IS NOT NULL ORDER BY id",
    )
    .bind(event.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, request, session, starts_at, table_no) in rows {
        let people: Vec<i64> = sqlx::query_scalar("SELECT participant_id FROM meeting_participant WHERE meeting_id = $1 ORDER BY participant_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
        out.push(Placed {
            request: request.map(MeetingRequestId),
            session: SessionId(session),
            starts_at: parse_datetime("meeting.starts_at", &starts_at)?,
            table_no,
            participants: people.into_iter().map(ParticipantId).collect(),
        });
    }
    Ok(out)
}

/// The request a meeting fulfils, if it fulfils one.
pub async fn request_of(conn: &mut Conn, meeting: MeetingId) -> DbResult<Option<MeetingRequestId>> {
    let id: Option<i64> = sqlx::query_scalar("SELECT request_id FROM meeting WHERE id = $1")
        .bind(meeting.0)
        .fetch_one(conn)
        .await?;
    Ok(id.map(MeetingRequestId))
}

/// How many meetings of a request still stand (not cancelled).
pub async fn standing_of_request(conn: &mut Conn, request: MeetingRequestId) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM meeting WHERE request_id = $1 AND status <> 'cancelled'",
    )
    .bind(request.0)
    .fetch_one(conn)
    .await?)
}

/// Who takes part in a meeting.
pub async fn participants_of(conn: &mut Conn, meeting: MeetingId) -> DbResult<Vec<ParticipantId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT participant_id FROM meeting_participant WHERE meeting_id = $1 ORDER BY participant_id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(ParticipantId).collect())
}

/// Stores (or replaces) a participant's rating of a meeting.
pub async fn rate(
    conn: &mut Conn,
    meeting: MeetingId,
    participant: ParticipantId,
    score: i64,
    comment: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO meeting_rating (meeting_id, participant_id, score, comment, rated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id, participant_id) \
         DO UPDATE SET score = excluded.score, comment = excluded.comment, rated_at = excluded.rated_at",
    )
    .bind(meeting.0)
    .bind(participant.0)
    .bind(score)
    .bind(comment)
    .bind(crate::codec::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// A participant's ratings at an event, by meeting.
pub async fn ratings_of(
    conn: &mut Conn,
    participant: ParticipantId,
) -> DbResult<Vec<(MeetingId, i64, String)>> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT meeting_id, score, comment FROM meeting_rating WHERE participant_id = $1",
    )
    .bind(participant.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(m, s, c)| (MeetingId(m), s, c))
        .collect())
}

/// Where a meeting is: its session, start, table and participants.
pub async fn slot_of(
    conn: &mut Conn,
    id: MeetingId,
) -> DbResult<(
    Option<SessionId>,
    Option<NaiveDateTime>,
    Option<i64>,
    Vec<ParticipantId>,
)> {
    let (session, starts_at, table): (Option<i64>, Option<String>, Option<i64>) =
        sqlx::query_as("SELECT session_id, starts_at, table_no FROM meeting WHERE id = $1")
            .bind(id.0)
            .fetch_one(&mut *conn)
            .await?;
    let people: Vec<i64> = sqlx::query_scalar(
        "SELECT participant_id FROM meeting_participant WHERE meeting_id = $1 ORDER BY participant_id",
    )
    .bind(id.0)
    .fetch_all(conn)
    .await?;
    Ok((
        session.map(SessionId),
        starts_at
            .map(|s| parse_datetime("meeting.starts_at", &s))
            .transpose()?,
        table,
        people.into_iter().map(ParticipantId).collect(),
    ))
}

/// The standby list at `start`: accepted requests of `event` that have no meeting, whose
/// two sides are both free then and neither cancelled nor missing; as (request,
/// requester, receiver, priority), oldest first.
pub async fn standby_at(
    conn: &mut Conn,
    event: EventId,
    start: NaiveDateTime,
) -> DbResult<Vec<(MeetingRequestId, ParticipantId, ParticipantId, String)>> {
    let rows: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "SELECT r.id, r.requester_id, r.receiver_id, r.priority FROM meeting_request r \
         WHERE r.event_id = $1 AND r.status = 'accepted' \
         AND NOT EXISTS (SELECT 1 FROM meeting_participant mp \
             WHERE mp.participant_id IN (r.requester_id, r.receiver_id) AND mp.slot_start = $2) \
         AND NOT EXISTS (SELECT 1 FROM participant p \
             WHERE p.id IN (r.requester_id, r.receiver_id) AND p.status IN ('cancelled', 'no_show')) \
         ORDER BY r.id",
    )
    .bind(event.0)
    .bind(datetime(start))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(r, a, b, p)| (MeetingRequestId(r), ParticipantId(a), ParticipantId(b), p))
        .collect())
}

/// Who is busy when: each (meeting, session, start, table, participant) of the
/// event's meetings that hold a slot (not cancelled, not a no-show), for finding free
/// slots.
pub async fn busy(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<
    Vec<(
        MeetingId,
        SessionId,
        NaiveDateTime,
        Option<i64>,
        ParticipantId,
    )>,
> {
    let rows: Vec<(i64, i64, String, Option<i64>, i64)> = sqlx::query_as(
        "SELECT m.id, m.session_id, m.starts_at, m.table_no, x.participant_id FROM meeting m \
         JOIN meeting_participant x ON x.meeting_id = m.id WHERE m.event_id = $1 \
         AND m.status NOT IN ('cancelled', 'no_show') AND m.session_id IS NOT NULL \
         AND m.starts_at IS NOT NULL ORDER BY m.id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(m, s, at, table, p)| {
            Ok((
                MeetingId(m),
                SessionId(s),
                parse_datetime("meeting.starts_at", &at)?,
                table,
                ParticipantId(p),
            ))
        })
        .collect()
}

/// Moves a scheduled meeting to another slot and table; false when it is no longer
/// scheduled. Its participants' slots follow (a trigger), so the booking constraints
/// refuse a participant or a table taken at the new time.
pub async fn move_meeting(
    conn: &mut Conn,
    id: MeetingId,
    session: SessionId,
    starts_at: NaiveDateTime,
    table: i64,
) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE meeting SET session_id = $1, starts_at = $2, table_no = $3 \
         WHERE id = $4 AND status = 'scheduled'",
    )
    .bind(session.0)
    .bind(datetime(starts_at))
    .bind(table)
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
