//! Free slots, and the two ways a meeting gets one by hand: the partner picks a time
//! when accepting a request (scheduling mode `partner_picks`), and organisers move a
//! scheduled meeting to another free time. A slot is free for a pair when neither has
//! a meeting then and a table of the session is left. Either change is one
//! transaction, and the database's booking constraints decide between two changes of
//! one slot at the same moment: one wins, the other gets a conflict.

use super::events::changed_meanwhile;
use super::meetings::booking_conflict;
use crate::mail::{Added, Notice};
use crate::ops::setup::Travel;
use crate::ops::tables::stands_of_event;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use chrono::{Duration, NaiveDateTime};
use koop_db::Conn;
use koop_db::meeting::NewMeeting;
use koop_domain::event::{Session, SessionKind};
use koop_domain::ids::{EventId, MeetingId, MeetingRequestId, ParticipantId, SessionId, VenueId};
use koop_domain::meeting::MeetingStatus;
use koop_domain::settings::SchedulingMode;
use koop_domain::tables::SessionTables;
use koop_domain::task::Task;
use serde_json::json;
use std::collections::HashMap;

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

/// An event's timetable as far as free slots go: its sessions, who is busy when, the
/// tables taken per slot and the travel times. Read once, then asked for as many pairs
/// as a page needs.
pub(super) struct SlotBook {
    sessions: Vec<Session>,
    busy: Vec<(
        MeetingId,
        SessionId,
        NaiveDateTime,
        Option<i64>,
        ParticipantId,
    )>,
    tables_used: HashMap<(SessionId, NaiveDateTime), Vec<(MeetingId, i64)>>,
    travel: Travel,
    stands: HashMap<SessionId, SessionTables>,
}

impl SlotBook {
    pub(super) async fn read(conn: &mut Conn, event: EventId) -> CoreResult<Self> {
        let sessions = koop_db::event::sessions(conn, event).await?;
        let busy = koop_db::meeting::busy(conn, event).await?;
        let mut tables_used: HashMap<_, Vec<_>> = HashMap::new();
        for (m, s, at, table, _) in &busy {
            if let Some(t) = table {
                tables_used.entry((*s, *at)).or_default().push((*m, *t));
            }
        }
        let travel = Travel::new(koop_db::event::travel(conn, event).await?);
        let stands = stands_of_event(conn, event).await?;
        Ok(SlotBook {
            sessions,
            busy,
            tables_used,
            travel,
            stands,
        })
    }

    /// The venue of `session`, if it has one.
    pub(super) fn venue_of(&self, session: SessionId) -> Option<VenueId> {
        self.sessions
            .iter()
            .find(|s| s.id == session)
            .and_then(|s| s.venue_id)
    }

    /// The free slots of `sides` in the event's B2B sessions, in time order, leaving out
    /// the meeting `moving` (which gives up its own slot when it moves).
    pub(super) fn free(&self, sides: &[ParticipantId], moving: Option<MeetingId>) -> Vec<FreeSlot> {
        let session = |s: SessionId| self.sessions.iter().find(|x| x.id == s);
        // What each side is doing, as time intervals at a venue, across all sessions.
        let taken: Vec<(NaiveDateTime, NaiveDateTime, Option<VenueId>)> = self
            .busy
            .iter()
            .filter(|(m, _, _, _, p)| sides.contains(p) && Some(*m) != moving)
            .map(|(_, s, at, _, _)| {
                let minutes = session(*s).and_then(|x| x.data.slot_minutes).unwrap_or(0);
                let venue = session(*s).and_then(|x| x.venue_id);
                (*at, *at + Duration::minutes(minutes.max(1)), venue)
            })
            .collect();
        let mut out = Vec::new();
        for s in self.sessions.iter().filter(|s| is_b2b(s)) {
            let (Some(minutes), Some(tables)) = (s.data.slot_minutes, s.data.tables) else {
                continue;
            };
            for start in s.data.slot_starts() {
                let end = start + Duration::minutes(minutes);
                // Busy then, or too close to get from or to another venue.
                if taken.iter().any(|(a, b, at)| {
                    let gap = Duration::minutes(self.travel.minutes(*at, s.venue_id));
                    *a < end + gap && start < *b + gap
                }) {
                    continue;
                }
                let used = self.tables_used.get(&(s.id, start));
                let taken_table = |t: i64| {
                    used.is_some_and(|u| u.iter().any(|(m, x)| *x == t && Some(*m) != moving))
                };
                // A stand owner meets at their stand; everyone else at a table that
                // is nobody's stand.
                let tables: Vec<i64> = match self.stands.get(&s.id) {
                    Some(t) if !t.stands_of(sides).is_empty() => t.stands_of(sides),
                    Some(t) => t.open_tables(tables),
                    None => (1..=tables).collect(),
                };
                if let Some(&table) = tables.iter().find(|t| !taken_table(**t)) {
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
        out
    }
}

fn is_b2b(s: &Session) -> bool {
    s.data.kind == SessionKind::B2bMeetings
}

pub(super) async fn picks(conn: &mut Conn, event: EventId) -> CoreResult<bool> {
    Ok(koop_db::event::get(conn, event)
        .await?
        .settings
        .scheduling_mode
        == SchedulingMode::PartnerPicks)
}

/// A conflict unless the event lets the partners pick their times.
pub(super) async fn require_picks(conn: &mut Conn, event: EventId) -> CoreResult<()> {
    if picks(conn, event).await? {
        Ok(())
    } else {
        Err(CoreError::conflict(
            "organisers_schedule",
            "at this event the organisers plan the meeting times",
        ))
    }
}

impl crate::read::Reader {
    /// The times both sides of an open request have free, when the event lets the
    /// partners pick; empty otherwise. For either side and the event's organisers.
    pub async fn free_slots(&mut self, request: MeetingRequestId) -> CoreResult<Vec<FreeSlot>> {
        Ok(self.free_slots_of_requests(&[request]).await?.remove(0))
    }

    /// [`Reader::free_slots`] for several requests, reading the timetable once (an
    /// inbox with many open requests).
    pub async fn free_slots_of_requests(
        &mut self,
        requests: &[MeetingRequestId],
    ) -> CoreResult<Vec<Vec<FreeSlot>>> {
        let mut out = Vec::with_capacity(requests.len());
        // Each event's timetable, read once (None where the organisers plan the times).
        let mut books: Vec<(EventId, Option<SlotBook>)> = Vec::new();
        for r in requests {
            let (event, _, requester, receiver) =
                koop_db::request::request_state(self.conn(), *r).await?;
            if self.require_own(event, receiver).await.is_err() {
                self.require_own(event, requester).await?;
            }
            if !books.iter().any(|(e, _)| *e == event) {
                let book = if picks(self.conn(), event).await? {
                    Some(SlotBook::read(self.conn(), event).await?)
                } else {
                    None
                };
                books.push((event, book));
            }
            let book = books
                .iter()
                .find(|(e, _)| *e == event)
                .and_then(|(_, b)| b.as_ref());
            out.push(
                book.map(|b| b.free(&[requester, receiver], None))
                    .unwrap_or_default(),
            );
        }
        Ok(out)
    }
}

impl crate::read::Reader {
    /// The times a scheduled meeting could move to: where all its participants are
    /// free and a table is left; organisers only.
    pub async fn free_slots_for_meeting(
        &mut self,
        meeting: MeetingId,
    ) -> CoreResult<Vec<FreeSlot>> {
        let (event, status) = koop_db::meeting::meeting_state(self.conn(), meeting).await?;
        self.require_manage(event).await?;
        if status != MeetingStatus::Scheduled {
            return Ok(vec![]);
        }
        let (session, start, _, sides) = koop_db::meeting::slot_of(self.conn(), meeting).await?;
        let mut free = SlotBook::read(self.conn(), event)
            .await?
            .free(&sides, Some(meeting));
        // Its own time is no move.
        free.retain(|f| (Some(f.session), Some(f.starts_at)) != (session, start));
        Ok(free)
    }
}

impl Core {
    /// Moves a scheduled meeting to a free time in a B2B session, at the lowest free
    /// table, without breaking a rule: all its participants must be free then. Once
    /// participants see the agenda, they are told (and nobody else). Organisers only.
    pub async fn move_meeting(
        &self,
        actor: &Actor,
        event: EventId,
        meeting: MeetingId,
        session: SessionId,
        starts_at: NaiveDateTime,
    ) -> CoreResult<()> {
        self.write(actor, "meeting.moved", async |tx| {
            let (of_event, status) = koop_db::meeting::meeting_state(tx, meeting).await?;
            if of_event != event {
                return Err(CoreError::NotFound);
            }
            let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
            if status != MeetingStatus::Scheduled {
                return Err(CoreError::conflict(
                    "not_movable",
                    format!("only a scheduled meeting can move; this one is {status}"),
                ));
            }
            let sides = koop_db::meeting::participants_of(tx, meeting).await?;
            let slot = SlotBook::read(tx, event)
                .await?
                .free(&sides, Some(meeting))
                .into_iter()
                .find(|f| f.session == session && f.starts_at == starts_at)
                .ok_or_else(|| {
                    CoreError::conflict(
                        "slot_not_free",
                        "at this time a participant of the meeting is busy, or no table is left",
                    )
                })?;
            if !koop_db::meeting::move_meeting(tx, meeting, session, starts_at, slot.table)
                .await
                .map_err(booking_conflict)?
            {
                return Err(changed_meanwhile("meeting"));
            }
            if koop_db::event::get(tx, event).await?.agenda_visible() {
                self.tell_about(tx, event, meeting, &sides, |event, event_id, meeting| {
                    Notice::MeetingMoved {
                        event,
                        event_id,
                        meeting,
                    }
                })
                .await?;
            }
            Ok(Change::new(
                permit,
                (),
                "meeting",
                meeting.0,
                json!({ "session": session, "starts_at": starts_at, "table_no": slot.table }),
            ))
        })
        .await?;
        self.wake_worker();
        Ok(())
    }

    /// Accepts a request and places its meeting at `starts_at` in `session`, at the
    /// lowest free table, in one transaction; the other side is told where and when.
    /// For the receiver at any free time, the requester at the time the receiver
    /// proposed (or the organisers in their name), when the event lets the partners
    /// pick. A slot no longer free is a conflict; nothing is written then.
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
                // The receiver accepts at any free time; the requester only at the time
                // the receiver proposed.
                let proposal = koop_db::request::proposal(tx, request).await?;
                let proposed_by_receiver = proposal.is_some_and(|p| {
                    p.by == receiver && p.session == session && p.starts_at == starts_at
                });
                let (permit, told) = match policy::act_for(tx, actor, event, receiver).await {
                    Ok(permit) => (permit, requester),
                    Err(CoreError::Forbidden) if proposed_by_receiver => {
                        (policy::act_for(tx, actor, event, requester).await?, receiver)
                    }
                    Err(e) => return Err(e),
                };
                require_picks(tx, event).await?;
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
                let slot = SlotBook::read(tx, event)
                    .await?
                    .free(&[requester, receiver], None)
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
                self.tell_placed(tx, event, id, &[told], Added::PartnerPicked)
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
