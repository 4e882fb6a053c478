//! Named tables and stands of a B2B session: the organisers name tables and fix some
//! to a participant (their stand). The scheduler, the free times offered to pick and
//! the standby refill keep a stand owner's meetings at their stand and everyone
//! else's away from it.

use crate::read::Reader;
use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_db::owner::EventChild;
use koop_domain::ids::{EventId, MeetingId, ParticipantId, SessionId};
use koop_domain::tables::{NamedTable, SessionTables};
use koop_domain::task::Task;
use serde_json::json;
use std::collections::HashMap;

impl Reader {
    /// A session's named tables and stands, by number.
    pub async fn session_tables(
        &mut self,
        event: EventId,
        session: SessionId,
    ) -> CoreResult<Vec<NamedTable>> {
        self.require_manage(event).await?;
        policy::belongs_to_event(self.conn(), EventChild::Session, session.0, event).await?;
        Ok(koop_db::tables::of_session(self.conn(), session).await?)
    }
}

/// The stands of every session of an event, checked as stored.
pub(crate) async fn stands_of_event(
    conn: &mut koop_db::Conn,
    event: EventId,
) -> CoreResult<HashMap<SessionId, SessionTables>> {
    let sessions = koop_db::event::sessions(conn, event).await?;
    let mut out = HashMap::new();
    for (session, rows) in koop_db::tables::of_event(conn, event).await? {
        let count = sessions
            .iter()
            .find(|s| s.id == session)
            .and_then(|s| s.data.tables)
            .unwrap_or(0);
        // Stored rows were checked when written; a session shrunk since keeps the
        // stands that still exist.
        let rows = rows.into_iter().filter(|t| t.table_no <= count).collect();
        out.insert(session, SessionTables::new(count, rows)?);
    }
    Ok(out)
}

/// Whether a meeting of `sides` may be at `table` of `session` as far as stands go
/// (a meeting without a session or table has no stand to keep).
pub(crate) async fn stand_allows(
    conn: &mut koop_db::Conn,
    event: EventId,
    session: Option<SessionId>,
    table: Option<i64>,
    sides: &[ParticipantId],
) -> CoreResult<bool> {
    let (Some(session), Some(table)) = (session, table) else {
        return Ok(true);
    };
    Ok(stands_of_event(conn, event)
        .await?
        .get(&session)
        .is_none_or(|t| t.allows(sides, table)))
}

impl Core {
    /// Replaces the named tables and stands of a B2B session. Refused while a meeting
    /// of the session would break a stand (an owner at another table, someone else at
    /// a stand): the organisers move it first.
    pub async fn set_session_tables(
        &self,
        actor: &Actor,
        event: EventId,
        session: SessionId,
        rows: Vec<NamedTable>,
    ) -> CoreResult<()> {
        self.write(actor, "session.tables_set", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            policy::belongs_to_event(tx, EventChild::Session, session.0, event).await?;
            let count = koop_db::event::sessions(tx, event)
                .await?
                .into_iter()
                .find(|s| s.id == session)
                .and_then(|s| s.data.tables)
                .unwrap_or(0);
            for p in rows.iter().filter_map(|t| t.participant) {
                policy::belongs_to_event(tx, EventChild::Participant, p.0, event).await?;
            }
            let tables = SessionTables::new(count, rows)?;
            let mut meetings: HashMap<MeetingId, (i64, Vec<ParticipantId>)> = HashMap::new();
            for (m, s, _, table, p) in koop_db::meeting::busy(tx, event).await? {
                if let (true, Some(t)) = (s == session, table) {
                    meetings.entry(m).or_insert((t, vec![])).1.push(p);
                }
            }
            let broken = meetings
                .values()
                .filter(|(t, sides)| !tables.allows(sides, *t))
                .count();
            if broken > 0 {
                return Err(CoreError::Conflict(
                    FieldError::new(
                        "participant",
                        "stands_conflict",
                        format!("{broken} meetings of this session do not fit the stands; move them first"),
                    )
                    .with("count", broken),
                ));
            }
            koop_db::tables::replace(tx, session, &tables).await?;
            Ok(Change::new(
                permit,
                (),
                "event_session",
                session.0,
                json!({ "tables": tables.tables() }),
            ))
        })
        .await
    }
}
