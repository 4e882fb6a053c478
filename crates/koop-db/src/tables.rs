//! Named tables and stands of B2B sessions.

use crate::{Conn, DbResult};
use koop_domain::ids::{EventId, ParticipantId, SessionId};
use koop_domain::tables::{NamedTable, SessionTables};
use std::collections::HashMap;

type Row = (i64, i64, String, Option<i64>);

fn named((_, no, name, p): Row) -> NamedTable {
    NamedTable {
        table_no: no,
        name,
        participant: p.map(ParticipantId),
    }
}

/// The named tables of one session, by number (unchecked: as stored).
pub async fn of_session(conn: &mut Conn, session: SessionId) -> DbResult<Vec<NamedTable>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT session_id, table_no, name, participant_id FROM session_table \
         WHERE session_id = $1 ORDER BY table_no",
    )
    .bind(session.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(named).collect())
}

/// The named tables of every session of an event, by session.
pub async fn of_event(
    conn: &mut Conn,
    event: EventId,
) -> DbResult<HashMap<SessionId, Vec<NamedTable>>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.session_id, t.table_no, t.name, t.participant_id FROM session_table t \
         JOIN event_session s ON s.id = t.session_id WHERE s.event_id = $1 \
         ORDER BY t.session_id, t.table_no",
    )
    .bind(event.0)
    .fetch_all(conn)
    .await?;
    let mut out: HashMap<SessionId, Vec<NamedTable>> = HashMap::new();
    for r in rows {
        out.entry(SessionId(r.0)).or_default().push(named(r));
    }
    Ok(out)
}

/// Replaces a session's named tables.
pub async fn replace(conn: &mut Conn, session: SessionId, tables: &SessionTables) -> DbResult<()> {
    sqlx::query("DELETE FROM session_table WHERE session_id = $1")
        .bind(session.0)
        .execute(&mut *conn)
        .await?;
    for t in tables.tables() {
        sqlx::query(
            "INSERT INTO session_table (session_id, table_no, name, participant_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(session.0)
        .bind(t.table_no)
        .bind(&t.name)
        .bind(t.participant.map(|p| p.0))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
