//! Accepting a request at a time the partner picks (scheduling mode `partner_picks`):
//! the slots of the event's B2B sessions at which both sides are free and a table is
//! left, and the answer that accepts the request and places the meeting there in one
//! transaction. The database's booking constraints decide between two people who pick
//! the same slot at the same moment: one gets the meeting, the other a conflict.

use super::events::changed_meanwhile;
use super::meetings::booking_conflict;
use crate::mail::Added;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use chrono::{Duration, NaiveDateTime};
use koop_db::Conn;
use koop_db::meeting::NewMeeting;
use koop_domain::event::{Session, SessionKind};
use koop_domain::ids::{EventId, MeetingId, MeetingRequestId, ParticipantId, SessionId};
use koop_domain::settings::SchedulingMode;
use serde_json::json;

/// A slot both sides of a request have free, with a table left.
#[derive(Debug, Clone, PartialEq)]
pub struct FreeSlot {
    /// The session.
    pub session: SessionId,
    /// Its title.
    pub session_title: String,
    /// When the meeting would start (the venue's local time).
    pub starts_at: NaiveDateTime,
    /// Its length in minutes.
    pub minutes: i64,
    /// The table it would get: the lowest one free.
    pub table: i64,
}

/// The free slots of `sides` in the event's B2B sessions, in time order.
async fn free_slots_of(
    conn: &mut Conn,
    event: EventId,
    sides: [ParticipantId; 2],
) -> CoreResult<Vec<FreeSlot>> {
    let sessions = koop_db::event::sessions(conn, event).await?;
    let busy = koop_db::meeting::busy(conn, event).await?;
    let length = |s: SessionId| {
        sessions
            .iter()
            .find(|x| x.id == s)
            .and_then(|x| x.data.slot_minutes)
            .unwrap_or(0)
    };
    // What each side is doing, as time intervals, across all sessions.
    let taken: Vec<(NaiveDateTime, NaiveDateTime)> = busy
        .iter()
        .filter(|(_, _, _, p)| sides.contains(p))
        .map(|(s, at, _, _)| (*at, *at + Duration::minutes(length(*s).max(1))))
        .collect();
    let mut out = Vec::new();
    for s in sessions.iter().filter(|s| is_b2b(s)) {
        let (Some(minutes), Some(tables)) = (s.data.slot_minutes, s.data.tables) else {
            continue;
        };
        for i in 0..s.data.slot_count() {
            let start = s.data.starts_at + Duration::minutes(i * minutes);
            let end = start + Duration::minutes(minutes);
            if taken.iter().any(|(a, b)| *a < end && start < *b) {
                continue;
            }
            let used: Vec<i64> = busy
                .iter()
                .filter(|(x, at, _, _)| *x == s.id && *at == start)
                .filter_map(|(_, _, t, _)| *t)
                .collect();
            if let Some(table) = (1..=tables).find(|t| !used.contains(t)) {
                out.push(FreeSlot {
                    session: s.id,
                    session_title: s.data.title.clone(),
                    starts_at: start,
                    minutes,
                    table,
                });
            }
        }
    }
    out.sort_by_key(|f| f.starts_at);
    Ok(out)
}

fn is_b2b(s: &Session) -> bool {
    s.data.kind == SessionKind::B2bMeetings
}

async fn picks(conn: &mut Conn, event: EventId) -> CoreResult<bool> {
    Ok(koop_db::event::get(conn, event)
        .await?
        .settings
        .scheduling_mode
        == SchedulingMode::PartnerPicks)
}

impl crate::read::Reader {
    /// The times the receiver of an open request may pick, when the event lets the
    /// partner pick; empty otherwise. For the receiver and the event's organisers.
    pub async fn free_slots(&mut self, request: MeetingRequestId) -> CoreResult<Vec<FreeSlot>> {
        let (event, _, requester, receiver) =
            koop_db::request::request_state(self.conn(), request).await?;
        self.require_own(event, receiver).await?;
        if !picks(self.conn(), event).await? {
            return Ok(vec![]);
        }
        free_slots_of(self.conn(), event, [requester, receiver]).await
    }
}

impl Core {
    /// Accepts a request and places its meeting at `starts_at` in `session`, at the
    /// lowest free table, in one transaction; the requester is told where and when.
    /// For the receiver (or the organisers in their name), when the event lets the
    /// partner pick. A slot no longer free is a conflict; nothing is written then.
    pub async fn accept_at(
        &self,
        actor: &Actor,
        event: EventId,
        request: MeetingRequestId,
        session: SessionId,
        starts_at: NaiveDateTime,
    ) -> CoreResult<MeetingId> {
        let id = self
            .write(actor, "meeting.request.accepted_at", async |tx| {
                let (of_event, current, requester, receiver) =
                    koop_db::request::request_state(tx, request).await?;
                if of_event != event {
                    return Err(CoreError::NotFound);
                }
                let permit = policy::act_for(tx, actor, event, receiver).await?;
                if !picks(tx, event).await? {
                    return Err(CoreError::conflict(
                        "organisers_schedule",
                        "at this event the organisers plan the meeting times",
                    ));
                }
                let accepted = current.accept().map_err(|_| {
                    CoreError::conflict(
                        "request_answered",
                        format!("this request was answered already: it is {current}"),
                    )
                })?;
                let scheduled = accepted.schedule()?;
                if !koop_db::request::set_request_status(tx, request, current, scheduled).await? {
                    return Err(changed_meanwhile("request"));
                }
                let slot = free_slots_of(tx, event, [requester, receiver])
                    .await?
                    .into_iter()
                    .find(|f| f.session == session && f.starts_at == starts_at)
                    .ok_or_else(|| {
                        CoreError::conflict(
                            "slot_taken",
                            "this time is no longer free for both of you; pick another",
                        )
                    })?;
                let id = koop_db::meeting::insert_meeting(
                    tx,
                    &NewMeeting {
                        event,
                        request: Some(request),
                        session: Some(session),
                        title: String::new(),
                        starts_at: Some(starts_at),
                        table_no: Some(slot.table),
                        participants: vec![requester, receiver],
                    },
                )
                .await
                .map_err(booking_conflict)?;
                self.tell_placed(tx, event, id, &[requester], Added::PartnerPicked)
                    .await?;
                Ok(Change::new(
                    permit,
                    id,
                    "meeting",
                    id.0,
                    json!({ "request_id": request, "starts_at": starts_at, "table_no": slot.table }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(id)
    }
}
