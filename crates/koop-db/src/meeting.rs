//! Meeting requests, meetings and company visits.

use crate::codec::{datetime, now, parse, parse_datetime};
use crate::{Conn, DbResult};
use chrono::NaiveDateTime;
use koop_domain::ids::{
    EventId, MeetingId, MeetingRequestId, OrgId, ParticipantId, SessionId, VisitBookingId,
    VisitOfferId,
};
use koop_domain::meeting::{MeetingStatus, Priority, RequestStatus};
use koop_domain::visit::BookingStatus;
use serde::Serialize;

/// Inserts a meeting request.
pub async fn insert_request(
    conn: &mut Conn,
    event: EventId,
    requester: ParticipantId,
    receiver: ParticipantId,
    priority: Priority,
    message: &str,
) -> DbResult<MeetingRequestId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meeting_request (event_id, requester_id, receiver_id, priority, message, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(event.0)
    .bind(requester.0)
    .bind(receiver.0)
    .bind(priority.as_str())
    .bind(message)
    .bind(RequestStatus::Proposed.as_str())
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(MeetingRequestId(id))
}

/// A request's event, status, requester and receiver, for operations that change it.
pub async fn request_state(
    conn: &mut Conn,
    id: MeetingRequestId,
) -> DbResult<(EventId, RequestStatus, ParticipantId, ParticipantId)> {
    let (event, status, requester, receiver): (i64, String, i64, i64) = sqlx::query_as(
        "SELECT event_id, status, requester_id, receiver_id FROM meeting_request WHERE id = $1",
    )
    .bind(id.0)
    .fetch_one(conn)
    .await?;
    Ok((
        EventId(event),
        parse("meeting_request.status", RequestStatus::parse(&status))?,
        ParticipantId(requester),
        ParticipantId(receiver),
    ))
}

/// Sets a request's status if it is still `from`; returns whether it was. The condition
/// is what makes two answers at the same moment safe: the second finds the status changed.
pub async fn set_request_status(
    conn: &mut Conn,
    id: MeetingRequestId,
    from: RequestStatus,
    to: RequestStatus,
) -> DbResult<bool> {
    let done = sqlx::query("UPDATE meeting_request SET status = $3 WHERE id = $1 AND status = $2")
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts of an event's requests per status.
pub async fn request_counts(conn: &mut Conn, event: EventId) -> DbResult<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT status, COUNT(*) FROM meeting_request WHERE event_id = $1 GROUP BY status ORDER BY status",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?)
}

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
    let done = sqlx::query("UPDATE meeting SET status = $3 WHERE id = $1 AND status = $2")
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A meeting as agendas show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingView {
    /// Id.
    pub id: MeetingId,
    /// Title.
    pub title: String,
    /// Start.
    pub starts_at: Option<NaiveDateTime>,
    /// Table number in its session.
    pub table_no: Option<i64>,
    /// Status.
    pub status: MeetingStatus,
    /// The participants' organisation names, joined.
    pub who: String,
}

/// Meetings of an event in time order; optionally only those of one participant.
pub async fn meetings(
    conn: &mut Conn,
    event: EventId,
    participant: Option<ParticipantId>,
) -> DbResult<Vec<MeetingView>> {
    let rows: Vec<(i64, String, Option<String>, Option<i64>, String)> = sqlx::query_as(
        "SELECT m.id, m.title, m.starts_at, m.table_no, m.status FROM meeting m \
         WHERE m.event_id = $1 AND ($2 < 0 OR EXISTS (SELECT 1 FROM meeting_participant x \
         WHERE x.meeting_id = m.id AND x.participant_id = $2)) ORDER BY m.starts_at, m.id",
    )
    .bind(event.0)
    .bind(participant.map_or(-1, |p| p.0))
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, title, starts_at, table_no, status) in rows {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT o.name FROM meeting_participant x JOIN participant p ON p.id = x.participant_id \
             JOIN organisation o ON o.id = p.org_id WHERE x.meeting_id = $1 ORDER BY o.name",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        out.push(MeetingView {
            id: MeetingId(id),
            title,
            starts_at: starts_at
                .map(|s| parse_datetime("meeting.starts_at", &s))
                .transpose()?,
            table_no,
            status: parse("meeting.status", MeetingStatus::parse(&status))?,
            who: names.join(" · "),
        });
    }
    Ok(out)
}

/// A visit offer with its host's name and booking counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VisitView {
    /// Id.
    pub id: VisitOfferId,
    /// Host.
    pub host_id: OrgId,
    /// Host name.
    pub host_name: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Seats.
    pub capacity: i64,
    /// Language.
    pub language: String,
    /// Confirmed bookings.
    pub confirmed: i64,
    /// Waiting list.
    pub waitlisted: i64,
}

/// Inserts a visit offer.
#[allow(clippy::too_many_arguments)]
pub async fn insert_visit(
    conn: &mut Conn,
    event: EventId,
    session: Option<SessionId>,
    host: OrgId,
    title: &str,
    description: &str,
    capacity: i64,
    language: &str,
) -> DbResult<VisitOfferId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO visit_offer (event_id, session_id, host_id, title, description, capacity, language) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(event.0)
    .bind(session.map(|s| s.0))
    .bind(host.0)
    .bind(title)
    .bind(description)
    .bind(capacity)
    .bind(language)
    .fetch_one(conn)
    .await?;
    Ok(VisitOfferId(id))
}

/// Visit offers of an event.
pub async fn visits(conn: &mut Conn, event: EventId) -> DbResult<Vec<VisitView>> {
    let rows: Vec<(i64, i64, String, String, String, i64, String, i64, i64)> = sqlx::query_as(
        "SELECT v.id, v.host_id, o.name, v.title, v.description, v.capacity, v.language, \
         (SELECT COUNT(*) FROM visit_booking b WHERE b.offer_id = v.id AND b.status = 'confirmed'), \
         (SELECT COUNT(*) FROM visit_booking b WHERE b.offer_id = v.id AND b.status = 'waitlisted') \
         FROM visit_offer v JOIN organisation o ON o.id = v.host_id WHERE v.event_id = $1 ORDER BY v.id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| VisitView {
            id: VisitOfferId(r.0),
            host_id: OrgId(r.1),
            host_name: r.2,
            title: r.3,
            description: r.4,
            capacity: r.5,
            language: r.6,
            confirmed: r.7,
            waitlisted: r.8,
        })
        .collect())
}

/// A visit's event, capacity and confirmed count, for booking. In a transaction on
/// PostgreSQL the offer stays locked until it ends, so two bookings of the last seat
/// are counted one after the other (SQLite's writers are serialised anyway).
pub async fn visit_load(conn: &mut Conn, offer: VisitOfferId) -> DbResult<(EventId, i64, i64)> {
    let lock = if crate::codec::is_pg(conn) {
        " FOR UPDATE"
    } else {
        ""
    };
    let sql = format!(
        "SELECT v.event_id, v.capacity, (SELECT COUNT(*) FROM visit_booking b WHERE b.offer_id = v.id \
         AND b.status = 'confirmed') FROM visit_offer v WHERE v.id = $1{lock}"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(offer.0)
        .fetch_one(conn)
        .await
        .map(|(e, c, n): (i64, i64, i64)| (EventId(e), c, n))?)
}

/// Inserts a booking.
pub async fn insert_booking(
    conn: &mut Conn,
    offer: VisitOfferId,
    participant: ParticipantId,
    status: BookingStatus,
) -> DbResult<VisitBookingId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO visit_booking (offer_id, participant_id, status, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(offer.0)
    .bind(participant.0)
    .bind(status.as_str())
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(VisitBookingId(id))
}

/// The other side and the status of every request a participant sent or received.
pub async fn requests_of(
    conn: &mut Conn,
    participant: ParticipantId,
) -> DbResult<Vec<(ParticipantId, RequestStatus)>> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT requester_id, receiver_id, status FROM meeting_request WHERE requester_id = $1 OR receiver_id = $1 ORDER BY id",
    )
    .bind(participant.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(a, b, s)| {
            let other = if a == participant.0 { b } else { a };
            Ok((
                ParticipantId(other),
                parse("meeting_request.status", RequestStatus::parse(&s))?,
            ))
        })
        .collect()
}

/// An accepted request waiting for a slot.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRequest {
    /// The request.
    pub id: MeetingRequestId,
    /// Who asked.
    pub requester: ParticipantId,
    /// Who was asked.
    pub receiver: ParticipantId,
    /// How much it matters.
    pub priority: Priority,
}

/// The event's accepted requests that have no meeting yet.
pub async fn accepted_requests(conn: &mut Conn, event: EventId) -> DbResult<Vec<OpenRequest>> {
    let rows: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "SELECT id, requester_id, receiver_id, priority FROM meeting_request \
         WHERE event_id = $1 AND status = 'accepted' ORDER BY id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, a, b, p)| {
            Ok(OpenRequest {
                id: MeetingRequestId(id),
                requester: ParticipantId(a),
                receiver: ParticipantId(b),
                priority: parse("meeting_request.priority", Priority::parse(&p))?,
            })
        })
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
