//! Follow-up answers: what came of each held meeting, per participant.

use crate::codec::{date, now};
use crate::{Conn, DbResult};
use koop_domain::ids::{MeetingId, OutcomeId, ParticipantId};
use koop_domain::outcome::OutcomeKind;

/// Stores (or replaces) a participant's answer for a meeting.
pub async fn answer(
    conn: &mut Conn,
    meeting: MeetingId,
    participant: ParticipantId,
    stage: &str,
    note: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO meeting_follow_up (meeting_id, participant_id, stage, note, answered_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id, participant_id) \
         DO UPDATE SET stage = excluded.stage, note = excluded.note, answered_at = excluded.answered_at",
    )
    .bind(meeting.0)
    .bind(participant.0)
    .bind(stage)
    .bind(note)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Every answer for a meeting: (participant, stage, note).
pub async fn of_meeting(
    conn: &mut Conn,
    meeting: MeetingId,
) -> DbResult<Vec<(ParticipantId, String, String)>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT participant_id, stage, note FROM meeting_follow_up WHERE meeting_id = $1 \
         ORDER BY participant_id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(p, s, n)| (ParticipantId(p), s, n))
        .collect())
}

/// A participant's answers at an event: (meeting, stage, note).
pub async fn of_participant(
    conn: &mut Conn,
    participant: ParticipantId,
) -> DbResult<Vec<(MeetingId, String, String)>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT meeting_id, stage, note FROM meeting_follow_up WHERE participant_id = $1",
    )
    .bind(participant.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(m, s, n)| (MeetingId(m), s, n))
        .collect())
}

/// The outcome a meeting's follow-up became, if any.
pub async fn outcome_of(conn: &mut Conn, meeting: MeetingId) -> DbResult<Option<OutcomeId>> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT follow_up_outcome_id FROM meeting WHERE id = $1")
            .bind(meeting.0)
            .fetch_one(conn)
            .await?;
    Ok(id.map(OutcomeId))
}

/// Links a meeting to the outcome its follow-up became (or to none).
pub async fn set_outcome(
    conn: &mut Conn,
    meeting: MeetingId,
    outcome: Option<OutcomeId>,
) -> DbResult<()> {
    sqlx::query("UPDATE meeting SET follow_up_outcome_id = $2 WHERE id = $1")
        .bind(meeting.0)
        .bind(outcome.map(|o| o.0))
        .execute(conn)
        .await?;
    Ok(())
}

/// Moves a follow-up outcome to a further step, dated today.
pub async fn advance_outcome(conn: &mut Conn, id: OutcomeId, kind: OutcomeKind) -> DbResult<()> {
    sqlx::query("UPDATE outcome SET kind = $2, achieved_on = $3 WHERE id = $1")
        .bind(id.0)
        .bind(kind.as_str())
        .bind(date(chrono::Utc::now().date_naive()))
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes a follow-up outcome that no answer supports any more.
pub async fn remove_outcome(conn: &mut Conn, meeting: MeetingId, id: OutcomeId) -> DbResult<()> {
    set_outcome(&mut *conn, meeting, None).await?;
    sqlx::query("DELETE FROM outcome WHERE id = $1")
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// Empties a participant's follow-up notes (free text may name people); the stages
/// stay, so the outcomes and figures still add up.
pub async fn clear_notes(conn: &mut Conn, participant: ParticipantId) -> DbResult<()> {
    sqlx::query("UPDATE meeting_follow_up SET note = '' WHERE participant_id = $1")
        .bind(participant.0)
        .execute(conn)
        .await?;
    Ok(())
}
