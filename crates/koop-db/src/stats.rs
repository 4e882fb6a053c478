//! Figures of an event for its organisers: requests and meetings by status, meetings
//! per participant, and both by country and by sector of the participants' organisations.

use crate::{Conn, DbResult};
use koop_domain::ids::EventId;

/// An event's figures, straight from its records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFigures {
    /// Requests per status.
    pub requests: Vec<(String, i64)>,
    /// Meetings per status.
    pub meetings: Vec<(String, i64)>,
    /// How many active participants have how many meetings (not cancelled).
    pub meetings_per_participant: Vec<(i64, i64)>,
    /// Per country of the organisation: participants, requests sent, meetings held.
    pub by_country: Vec<(String, i64, i64, i64)>,
    /// Per NACE division of the organisation (its first code): participants, meetings
    /// held; organisations without a code count under "".
    pub by_sector: Vec<(String, i64, i64)>,
    /// Ratings of meetings: how many gave each score (1–5).
    pub ratings: Vec<(i64, i64)>,
}

/// The figures of `event`.
pub async fn event_figures(conn: &mut Conn, event: EventId) -> DbResult<EventFigures> {
    let e = event.0;
    let requests = sqlx::query_as(
        "SELECT status, COUNT(*) FROM meeting_request WHERE event_id = $1 GROUP BY status ORDER BY status",
    )
    .bind(e)
    .fetch_all(&mut *conn)
    .await?;
    let meetings = sqlx::query_as(
        "SELECT status, COUNT(*) FROM meeting WHERE event_id = $1 GROUP BY status ORDER BY status",
    )
    .bind(e)
    .fetch_all(&mut *conn)
    .await?;
    let meetings_per_participant = sqlx::query_as(
        "SELECT n, COUNT(*) FROM (SELECT pa.id, (SELECT COUNT(*) FROM meeting_participant x \
         JOIN meeting m ON m.id = x.meeting_id WHERE x.participant_id = pa.id AND m.status <> 'cancelled') AS n \
         FROM participant pa WHERE pa.event_id = $1 AND pa.status <> 'cancelled') t GROUP BY n ORDER BY n",
    )
    .bind(e)
    .fetch_all(&mut *conn)
    .await?;
    let by_country = sqlx::query_as(
        "SELECT o.country, COUNT(*), \
         (SELECT COUNT(*) FROM meeting_request r JOIN participant q ON q.id = r.requester_id \
          JOIN organisation oq ON oq.id = q.org_id WHERE r.event_id = $1 AND oq.country = o.country), \
         (SELECT COUNT(DISTINCT x.meeting_id) FROM meeting_participant x JOIN meeting m ON m.id = x.meeting_id \
          JOIN participant q ON q.id = x.participant_id JOIN organisation oq ON oq.id = q.org_id \
          WHERE m.event_id = $1 AND m.status = 'held' AND oq.country = o.country) \
         FROM participant pa JOIN organisation o ON o.id = pa.org_id \
         WHERE pa.event_id = $1 AND pa.status <> 'cancelled' GROUP BY o.country ORDER BY COUNT(*) DESC, o.country",
    )
    .bind(e)
    .fetch_all(&mut *conn)
    .await?;
    // The first NACE code's division: the text up to the first dot of the JSON list's
    // first element, cut in Rust (JSON functions differ between the backends).
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT pa.id, o.nace, (SELECT COUNT(*) FROM meeting_participant x JOIN meeting m ON m.id = x.meeting_id \
         WHERE x.participant_id = pa.id AND m.status = 'held') \
         FROM participant pa JOIN organisation o ON o.id = pa.org_id \
         WHERE pa.event_id = $1 AND pa.status <> 'cancelled'",
    )
    .bind(e)
    .fetch_all(&mut *conn)
    .await?;
    let mut sectors: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
    for (_, nace, held) in rows {
        let codes: Vec<String> = serde_json::from_str(&nace).unwrap_or_default();
        let division = codes
            .first()
            .map(|c| c.split('.').next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        let entry = sectors.entry(division).or_default();
        entry.0 += 1;
        entry.1 += held;
    }
    let mut by_sector: Vec<(String, i64, i64)> =
        sectors.into_iter().map(|(k, (p, h))| (k, p, h)).collect();
    by_sector.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let ratings = sqlx::query_as(
        "SELECT r.score, COUNT(*) FROM meeting_rating r JOIN meeting m ON m.id = r.meeting_id \
         WHERE m.event_id = $1 GROUP BY r.score ORDER BY r.score",
    )
    .bind(e)
    .fetch_all(&mut *conn)
    .await?;
    Ok(EventFigures {
        ratings,
        requests,
        meetings,
        meetings_per_participant,
        by_country,
        by_sector,
    })
}
