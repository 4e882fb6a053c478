//! Company visits: offers with seats, and bookings with a waiting list.

use crate::codec::now;
use crate::{Conn, DbResult};
use koop_domain::ids::{EventId, OrgId, ParticipantId, SessionId, VisitBookingId, VisitOfferId};
use koop_domain::visit::BookingStatus;
use serde::Serialize;

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

/// A participant's bookings and wishes at an event: (booking, offer, status, rank).
pub async fn bookings_of(
    conn: &mut Conn,
    event: EventId,
    participant: ParticipantId,
) -> DbResult<Vec<(VisitBookingId, VisitOfferId, BookingStatus, Option<i64>)>> {
    let rows: Vec<(i64, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT b.id, b.offer_id, b.status, b.rank FROM visit_booking b \
         JOIN visit_offer v ON v.id = b.offer_id WHERE v.event_id = $1 AND b.participant_id = $2 \
         ORDER BY b.rank, b.id",
    )
    .bind(event.0)
    .bind(participant.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(b, o, s, r)| {
            Ok((
                VisitBookingId(b),
                VisitOfferId(o),
                crate::codec::parse("visit_booking.status", BookingStatus::parse(&s))?,
                r,
            ))
        })
        .collect()
}

/// Removes a participant's open wishes at an event (before they name new ones).
pub async fn clear_wishes(
    conn: &mut Conn,
    event: EventId,
    participant: ParticipantId,
) -> DbResult<()> {
    sqlx::query(
        "DELETE FROM visit_booking WHERE participant_id = $1 AND status = 'requested' \
         AND offer_id IN (SELECT id FROM visit_offer WHERE event_id = $2)",
    )
    .bind(participant.0)
    .bind(event.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores a wish of rank `rank`.
pub async fn insert_wish(
    conn: &mut Conn,
    offer: VisitOfferId,
    participant: ParticipantId,
    rank: i64,
) -> DbResult<VisitBookingId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO visit_booking (offer_id, participant_id, status, created_at, rank) \
         VALUES ($1, $2, 'requested', $3, $4) RETURNING id",
    )
    .bind(offer.0)
    .bind(participant.0)
    .bind(now())
    .bind(rank)
    .fetch_one(conn)
    .await?;
    Ok(VisitBookingId(id))
}

/// Every open wish at an event: (booking, participant, offer, rank).
pub async fn wishes(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<Vec<(VisitBookingId, ParticipantId, VisitOfferId, i64)>> {
    let rows: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT b.id, b.participant_id, b.offer_id, b.rank FROM visit_booking b \
         JOIN visit_offer v ON v.id = b.offer_id WHERE v.event_id = $1 AND b.status = 'requested' \
         ORDER BY b.id",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(b, p, o, r)| {
            (
                VisitBookingId(b),
                ParticipantId(p),
                VisitOfferId(o),
                r.unwrap_or(1),
            )
        })
        .collect())
}

/// Sets a booking's status if it is still `from`; returns whether it was.
pub async fn set_booking_status(
    conn: &mut Conn,
    id: VisitBookingId,
    from: BookingStatus,
    to: BookingStatus,
) -> DbResult<bool> {
    crate::codec::set_status_if(
        conn,
        "UPDATE visit_booking SET status = $3 WHERE id = $1 AND status = $2",
        id.0,
        from.as_str(),
        to.as_str(),
    )
    .await
}

/// A booking's offer, participant and status.
pub async fn booking(
    conn: &mut Conn,
    id: VisitBookingId,
) -> DbResult<(VisitOfferId, ParticipantId, BookingStatus)> {
    let (o, p, s): (i64, i64, String) =
        sqlx::query_as("SELECT offer_id, participant_id, status FROM visit_booking WHERE id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?;
    Ok((
        VisitOfferId(o),
        ParticipantId(p),
        crate::codec::parse("visit_booking.status", BookingStatus::parse(&s))?,
    ))
}

/// The waiting list of a visit: (booking, participant).
pub async fn waiting_for(
    conn: &mut Conn,
    offer: VisitOfferId,
) -> DbResult<Vec<(VisitBookingId, ParticipantId)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, participant_id FROM visit_booking WHERE offer_id = $1 AND status = 'waitlisted' ORDER BY id",
    )
    .bind(offer.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(b, p)| (VisitBookingId(b), ParticipantId(p)))
        .collect())
}
