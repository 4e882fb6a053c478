//! Where and when each participant of an event can meet (a trip's local partners at
//! their stations, in their hours).

use crate::codec::{datetime, parse_datetime};
use crate::{Conn, DbResult};
use koop_domain::event::Presence;
use koop_domain::ids::{EventId, ParticipantId, VenueId};
use std::collections::HashMap;

/// Replaces a participant's windows.
pub async fn set(
    conn: &mut Conn,
    participant: ParticipantId,
    windows: &[Presence],
) -> DbResult<()> {
    sqlx::query("DELETE FROM participant_presence WHERE participant_id = $1")
        .bind(participant.0)
        .execute(&mut *conn)
        .await?;
    for w in windows {
        sqlx::query(
            "INSERT INTO participant_presence (participant_id, venue_id, starts_at, ends_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(participant.0)
        .bind(w.venue_id.map(|v| v.0))
        .bind(w.from.map(datetime))
        .bind(w.until.map(datetime))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Every participant's windows at an event, by participant; those without any are
/// left out.
pub async fn of_event(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<HashMap<ParticipantId, Vec<Presence>>> {
    let rows: Vec<(i64, Option<i64>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT w.participant_id, w.venue_id, w.starts_at, w.ends_at \
         FROM participant_presence w JOIN participant p ON p.id = w.participant_id \
         WHERE p.event_id = $1 ORDER BY w.participant_id, w.id",
    )
    .bind(event.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: HashMap<ParticipantId, Vec<Presence>> = HashMap::new();
    for (p, venue, from, until) in rows {
        let at = |t: Option<String>| {
            t.map(|t| parse_datetime("participant_presence.starts_at", &t))
                .transpose()
        };
        out.entry(ParticipantId(p)).or_default().push(Presence {
            venue_id: venue.map(VenueId),
            from: at(from)?,
            until: at(until)?,
        });
    }
    Ok(out)
}
