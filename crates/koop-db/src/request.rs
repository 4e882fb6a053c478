//! Meeting requests: who asks whom, and where each request stands.

use crate::codec::{now, parse};
use crate::{Conn, DbResult};
use koop_domain::ids::{EventId, MeetingRequestId, ParticipantId};
use koop_domain::meeting::{Priority, RequestStatus};

/// Inserts a meeting request.
pub async fn insert_request(
    conn: &mut Conn,
    event: EventId,
    requester: ParticipantId,
    receiver: ParticipantId,
    priority: Priority,
    message: &str,
    status: RequestStatus,
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
    .bind(status.as_str())
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(MeetingRequestId(id))
}

/// A request between two participants of an event, in either direction, if any.
pub async fn between(
    conn: &mut Conn,
    event: EventId,
    a: ParticipantId,
    b: ParticipantId,
) -> DbResult<Option<MeetingRequestId>> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM meeting_request WHERE event_id = $1 AND \
         ((requester_id = $2 AND receiver_id = $3) OR (requester_id = $3 AND receiver_id = $2))",
    )
    .bind(event.0)
    .bind(a.0)
    .bind(b.0)
    .fetch_optional(conn)
    .await?;
    Ok(id.map(MeetingRequestId))
}

/// Every pair at an event with a request that still stands (proposed, accepted or
/// scheduled), as (requester, receiver).
pub async fn standing_pairs(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<Vec<(ParticipantId, ParticipantId)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT requester_id, receiver_id FROM meeting_request WHERE event_id = $1 \
         AND status IN ('proposed', 'accepted', 'scheduled')",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(a, b)| (ParticipantId(a), ParticipantId(b)))
        .collect())
}

/// How many requests a participant has sent at an event, not counting withdrawn ones.
pub async fn sent_count(
    conn: &mut Conn,
    event: EventId,
    requester: ParticipantId,
) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM meeting_request WHERE event_id = $1 AND requester_id = $2 \
         AND status <> 'withdrawn'",
    )
    .bind(event.0)
    .bind(requester.0)
    .fetch_one(conn)
    .await?)
}

/// Sets when a request was sent (for tests of expiry).
pub async fn set_created_at(conn: &mut Conn, id: MeetingRequestId, at: &str) -> DbResult<()> {
    sqlx::query("UPDATE meeting_request SET created_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(at)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many of the event's requests still wait for an answer and were sent before
/// `cutoff`.
pub async fn count_sent_before(conn: &mut Conn, event: EventId, cutoff: &str) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM meeting_request \
         WHERE event_id = $1 AND status = 'proposed' AND created_at < $2",
    )
    .bind(event.0)
    .bind(cutoff)
    .fetch_one(conn)
    .await?)
}

/// Marks the event's requests that still wait for an answer and were sent before
/// `cutoff` (UTC, RFC 3339) as expired; returns how many.
pub async fn expire_sent_before(conn: &mut Conn, event: EventId, cutoff: &str) -> DbResult<u64> {
    let done = sqlx::query(
        "UPDATE meeting_request SET status = 'expired' \
         WHERE event_id = $1 AND status = 'proposed' AND created_at < $2",
    )
    .bind(event.0)
    .bind(cutoff)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
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
    crate::codec::set_status_if(
        conn,
        "UPDATE meeting_request SET status = $3, proposed_session_id = NULL, proposed_at = NULL, \
         proposed_by = NULL WHERE id = $1 AND status = $2",
        id.0,
        from.as_str(),
        to.as_str(),
    )
    .await
}

/// A time one side proposes for an open request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TimeProposal {
    /// The B2B session.
    pub session: koop_domain::ids::SessionId,
    /// When the meeting would start (the venue's local time).
    pub starts_at: chrono::NaiveDateTime,
    /// The side that proposed it.
    pub by: ParticipantId,
}

/// Records `proposal` on request `id` if it is still `status` (replacing an earlier
/// one); returns whether it was, so an answer given meanwhile wins.
pub async fn propose_time(
    conn: &mut Conn,
    id: MeetingRequestId,
    status: RequestStatus,
    proposal: TimeProposal,
) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE meeting_request SET proposed_session_id = $3, proposed_at = $4, proposed_by = $5 \
         WHERE id = $1 AND status = $2",
    )
    .bind(id.0)
    .bind(status.as_str())
    .bind(proposal.session.0)
    .bind(crate::codec::datetime(proposal.starts_at))
    .bind(proposal.by.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The time proposed on request `id`, if any.
pub async fn proposal(conn: &mut Conn, id: MeetingRequestId) -> DbResult<Option<TimeProposal>> {
    let row: (Option<i64>, Option<String>, Option<i64>) = sqlx::query_as(
        "SELECT proposed_session_id, proposed_at, proposed_by FROM meeting_request WHERE id = $1",
    )
    .bind(id.0)
    .fetch_one(conn)
    .await?;
    proposal_of(row)
}

fn proposal_of(row: (Option<i64>, Option<String>, Option<i64>)) -> DbResult<Option<TimeProposal>> {
    match row {
        (Some(session), Some(at), Some(by)) => Ok(Some(TimeProposal {
            session: koop_domain::ids::SessionId(session),
            starts_at: crate::codec::parse_datetime("meeting_request.proposed_at", &at)?,
            by: ParticipantId(by),
        })),
        _ => Ok(None),
    }
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

/// A request as a participant's inbox shows it: who the other side is, and the message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RequestView {
    /// The request.
    pub id: MeetingRequestId,
    /// Whether the participant asked (`true`) or was asked.
    pub sent: bool,
    /// The other side.
    pub other: ParticipantId,
    /// The other side's organisation.
    pub other_org_id: koop_domain::ids::OrgId,
    /// Its name.
    pub other_org_name: String,
    /// Its country.
    pub other_country: String,
    /// The requester's message.
    pub message: String,
    /// Priority.
    pub priority: Priority,
    /// Status.
    pub status: RequestStatus,
    /// When it was sent (RFC 3339).
    pub created_at: String,
    /// The time one side proposed, while it is open.
    pub proposal: Option<TimeProposal>,
}

/// Every request a participant sent or received, newest first.
pub async fn inbox(conn: &mut Conn, participant: ParticipantId) -> DbResult<Vec<RequestView>> {
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
        Option<i64>,
        Option<String>,
        Option<i64>,
    );
    let rows: Vec<Row> =
        sqlx::query_as(
            "SELECT r.id, r.requester_id, r.receiver_id, o.id, o.name, o.country, r.message, \
             r.priority, r.status, r.created_at, r.proposed_session_id, r.proposed_at, r.proposed_by \
             FROM meeting_request r \
             JOIN participant p ON p.id = CASE WHEN r.requester_id = $1 THEN r.receiver_id ELSE r.requester_id END \
             JOIN organisation o ON o.id = p.org_id \
             WHERE r.requester_id = $1 OR r.receiver_id = $1 ORDER BY r.created_at DESC, r.id DESC",
        )
        .bind(participant.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(|r| {
            let sent = r.1 == participant.0;
            Ok(RequestView {
                id: MeetingRequestId(r.0),
                sent,
                other: ParticipantId(if sent { r.2 } else { r.1 }),
                other_org_id: koop_domain::ids::OrgId(r.3),
                other_org_name: r.4,
                other_country: r.5,
                message: r.6,
                priority: parse("meeting_request.priority", Priority::parse(&r.7))?,
                status: parse("meeting_request.status", RequestStatus::parse(&r.8))?,
                created_at: r.9,
                proposal: proposal_of((r.10, r.11, r.12))?,
            })
        })
        .collect()
}
