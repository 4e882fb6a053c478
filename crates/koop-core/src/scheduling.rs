//! Running the meeting scheduler for an event: the B2B sessions become slots with
//! tables, accepted requests become meetings to place, and meetings already on the
//! agenda stay where they are. The new meetings are written in one operation.

use crate::mail::Added;
use crate::ops::setup::Travel;
use crate::ops::tables::stands_of_event;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use chrono::{Datelike, NaiveDateTime, Timelike};
use koop_db::meeting::NewMeeting;
use koop_domain::DomainError;
use koop_domain::event::SessionKind;
use koop_domain::ids::{EventId, MeetingId, MeetingRequestId, ParticipantId, SessionId};
use koop_domain::meeting::{Priority, RequestStatus};
use koop_domain::task::Task;
use koop_schedule as s;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// What a scheduler run did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleReport {
    /// The solver's verdict: optimal, feasible, infeasible or unknown.
    pub status: String,
    /// New meetings placed.
    pub placed: usize,
    /// Meetings already on the agenda, kept in place.
    pub kept: usize,
    /// Accepted requests that found no slot, with the reason's code (the scheduler's
    /// `UnplacedCode` in snake case, or `participant_inactive`, `slot_taken_meanwhile`).
    pub unplaced: Vec<(MeetingRequestId, String)>,
    /// An upper bound on how many meetings any schedule could place.
    pub placeable_upper_bound: usize,
    /// Idle gaps between meetings, summed over participants.
    pub breaks: u32,
    /// A proven lower bound on breaks.
    pub lower_bound_breaks: u32,
    /// Time the solver took.
    pub elapsed_ms: u64,
}

/// The tables of session `x` that are nobody's stand.
fn open_tables(
    stands: &HashMap<SessionId, koop_domain::tables::SessionTables>,
    x: &koop_domain::event::Session,
) -> Vec<i64> {
    let count = x.data.tables.unwrap_or(0);
    match stands.get(&x.id) {
        Some(t) => t.open_tables(count),
        None => (1..=count).collect(),
    }
}

fn priority(p: Priority) -> u32 {
    match p {
        Priority::Low => 1,
        Priority::Normal => 2,
        Priority::High => 3,
    }
}

/// A schedule the solver proposed from one snapshot of the event, not yet written.
#[derive(Debug, Clone)]
pub struct SchedulePlan {
    event: EventId,
    meetings: Vec<NewMeeting>,
    report: ScheduleReport,
}

impl SchedulePlan {
    /// What the solver found (with `placed` still 0: nothing is written yet).
    pub fn report(&self) -> &ScheduleReport {
        &self.report
    }

    /// The meetings it would write.
    pub fn meetings(&self) -> &[NewMeeting] {
        &self.meetings
    }
}

impl Core {
    /// Places the event's accepted meeting requests on its B2B sessions' slots and tables:
    /// [`Core::plan_schedule`], then [`Core::apply_schedule`].
    pub async fn schedule_event(
        &self,
        actor: &Actor,
        event: EventId,
        time_limit: std::time::Duration,
    ) -> CoreResult<ScheduleReport> {
        let plan = self.plan_schedule(actor, event, time_limit).await?;
        self.apply_schedule(actor, plan).await
    }

    /// Reads the event and runs the solver; writes nothing. Only the event's
    /// organisers may plan.
    pub async fn plan_schedule(
        &self,
        actor: &Actor,
        event: EventId,
        time_limit: std::time::Duration,
    ) -> CoreResult<SchedulePlan> {
        let mut r = self.reader(actor).await?;
        r.require_manage(event).await?;
        let sessions: Vec<_> = r
            .sessions(event)
            .await?
            .into_iter()
            .filter(|x| {
                x.data.kind == SessionKind::B2bMeetings
                    && x.data.slot_count() > 0
                    && x.data.tables.unwrap_or(0) > 0
            })
            .collect();
        if sessions.is_empty() {
            return Err(DomainError::new(
                "sessions",
                "no_b2b_session",
                "the event has no B2B session with slots and tables",
            )
            .into());
        }
        let venues = r.venues(event).await?;
        let venue_index: HashMap<_, _> =
            venues.iter().enumerate().map(|(i, v)| (v.id, i)).collect();
        // The scheduler leaves the travel time between a participant's meetings at two
        // venues; without any time set, none.
        let times = Travel::new(koop_db::event::travel(r.conn(), event).await?);
        let travel: Vec<Vec<u32>> = venues
            .iter()
            .map(|a| {
                venues
                    .iter()
                    .map(|b| times.minutes(Some(a.id), Some(b.id)) as u32)
                    .collect()
            })
            .collect();
        let mut problem = s::Problem {
            venues: if venues.is_empty() {
                vec!["–".into()]
            } else {
                venues.iter().map(|v| v.name.clone()).collect()
            },
            travel: if travel.iter().flatten().all(|m| *m == 0) {
                vec![]
            } else {
                travel
            },
            sessions: vec![],
            slots: vec![],
            participants: vec![],
            meetings: vec![],
            fairness: None,
            require_all: false,
        };
        // Slot i of the problem is (session, start) in the event, and the stand it is
        // if it is one. A session with stands has, at each start, one slot for the
        // open tables and one slot of one table per stand, at the same time: the
        // solver keeps a participant out of two at once, and each meeting's allowed
        // slots keep a stand owner's meetings at their stand and others' away from it.
        let stands = stands_of_event(r.conn(), event).await?;
        let mut slot_at: Vec<(SessionId, NaiveDateTime, Option<i64>)> = Vec::new();
        for (si, x) in sessions.iter().enumerate() {
            problem.sessions.push(s::Session {
                name: x.data.title.clone(),
                venue: x
                    .venue_id
                    .and_then(|v| venue_index.get(&v).copied())
                    .unwrap_or(0),
            });
            let minutes = x.data.slot_minutes.unwrap_or(0);
            for start in x.data.slot_starts() {
                problem.slots.push(s::Slot {
                    session: si,
                    day: start.date().num_days_from_ce() as u32,
                    start: start.hour() * 60 + start.minute(),
                    duration: minutes as u32,
                    part: if start.hour() < 12 {
                        s::DayPart::Morning
                    } else {
                        s::DayPart::Afternoon
                    },
                    tables: open_tables(&stands, x).len() as u32,
                });
                slot_at.push((x.id, start, None));
                let Some(t) = stands.get(&x.id) else {
                    continue;
                };
                for stand in t.tables().iter().filter(|t| t.participant.is_some()) {
                    let mut one = problem.slots[problem.slots.len() - 1].clone();
                    one.tables = 1;
                    problem.slots.push(one);
                    slot_at.push((x.id, start, Some(stand.table_no)));
                }
            }
        }
        // The slots a meeting of these participants may not use because of stands.
        let stand_rule = |sides: &[ParticipantId]| -> Vec<usize> {
            if stands.is_empty() {
                return vec![];
            }
            slot_at
                .iter()
                .enumerate()
                .filter(|(_, (session, _, stand))| {
                    let mine = stands
                        .get(session)
                        .map(|t| t.stands_of(sides))
                        .unwrap_or_default();
                    match stand {
                        Some(no) => !mine.contains(no),
                        None => !mine.is_empty(),
                    }
                })
                .map(|(i, _)| i)
                .collect()
        };
        let people = r.participants(event).await?;
        let mut index: HashMap<ParticipantId, usize> = HashMap::new();
        let mut id_of: Vec<ParticipantId> = Vec::new();
        for p in people
            .iter()
            .filter(|p| p.status.is_some_and(|s| s.is_active()))
        {
            index.insert(p.id, problem.participants.len());
            id_of.push(p.id);
            problem.participants.push(s::Participant {
                name: p.org_name.clone(),
                ..s::Participant::default()
            });
        }
        mark_unavailable(
            &mut r,
            event,
            &sessions,
            &slot_at,
            &people,
            &id_of,
            &times,
            &mut problem,
        )
        .await?;
        // Meetings on the agenda are fixed where they are, so published times never move.
        let mut used_tables: HashMap<usize, BTreeSet<i64>> = HashMap::new();
        let mut kept = 0;
        for m in r.placed_meetings(event).await? {
            let stand = m
                .table_no
                .filter(|no| stands.get(&m.session).is_some_and(|t| t.is_stand(*no)));
            let Some(slot) = slot_at
                .iter()
                .position(|(sid, t, st)| *sid == m.session && *t == m.starts_at && *st == stand)
            else {
                continue;
            };
            let Some(who) = m
                .participants
                .iter()
                .map(|p| index.get(p).copied())
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            if who.len() < 2 {
                continue;
            }
            used_tables.entry(slot).or_default().extend(m.table_no);
            // A meeting on the agenda stays, even where its people are now busy (an
            // organiser placed it by hand): its slot is theirs.
            for &p in &who {
                problem.participants[p].unavailable.retain(|&u| u != slot);
            }
            problem.meetings.push(s::Meeting {
                participants: who,
                priority: 3,
                fixed_slot: Some(slot),
                forbidden_slots: vec![],
                after: vec![],
                only: None,
            });
            kept += 1;
        }
        let mut unplaced = Vec::new();
        let mut open: Vec<MeetingRequestId> = Vec::new();
        for q in r.accepted_requests(event).await? {
            match (index.get(&q.requester), index.get(&q.receiver)) {
                (Some(&a), Some(&b)) => {
                    problem.meetings.push(s::Meeting {
                        participants: vec![a, b],
                        priority: priority(q.priority),
                        fixed_slot: None,
                        forbidden_slots: stand_rule(&[q.requester, q.receiver]),
                        after: vec![],
                        only: None,
                    });
                    open.push(q.id);
                }
                _ => unplaced.push((q.id, "participant_inactive".to_owned())),
            }
        }
        drop(r);
        let participants_of: Vec<Vec<ParticipantId>> = problem
            .meetings
            .iter()
            .map(|m| m.participants.iter().map(|&i| id_of[i]).collect())
            .collect();
        // The solver is CPU-bound: run it off the async workers.
        let outcome = tokio::task::spawn_blocking(move || {
            s::solve(
                &problem,
                &s::SolveOptions {
                    time_limit,
                    seed: 0,
                    cancel: None,
                },
            )
        })
        .await
        .map_err(|e| CoreError::Internal(format!("scheduler: {e}")))?;
        let mut report = ScheduleReport {
            status: format!("{:?}", outcome.status).to_lowercase(),
            placed: 0,
            kept,
            unplaced,
            placeable_upper_bound: outcome.placeable_upper_bound,
            breaks: outcome.breaks,
            lower_bound_breaks: outcome.lower_bound_breaks,
            elapsed_ms: outcome.elapsed_ms,
        };
        for u in &outcome.unplaced {
            if let Some(req) = u.meeting.checked_sub(kept).and_then(|i| open.get(i)) {
                let code = serde_json::to_value(u.code)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                report.unplaced.push((*req, code));
            }
        }
        let Some(schedule) = outcome.schedule else {
            return Ok(SchedulePlan {
                event,
                meetings: vec![],
                report,
            });
        };
        let mut new = Vec::new();
        for (i, req) in open.iter().enumerate() {
            let m = kept + i;
            if let Some(Some(place)) = schedule.placements.get(m) {
                let (session, start, stand) = slot_at[place.slot];
                let used = used_tables.entry(place.slot).or_default();
                let n = match stand {
                    Some(no) => no,
                    None => {
                        let x = sessions.iter().find(|x| x.id == session);
                        x.map(|x| open_tables(&stands, x))
                            .unwrap_or_default()
                            .into_iter()
                            .find(|n| !used.contains(n))
                            .unwrap_or(1)
                    }
                };
                used.insert(n);
                new.push(NewMeeting {
                    event,
                    request: Some(*req),
                    session: Some(session),
                    title: String::new(),
                    starts_at: Some(start),
                    table_no: Some(n),
                    participants: participants_of[m].clone(),
                });
            }
        }
        Ok(SchedulePlan {
            event,
            meetings: new,
            report,
        })
    }

    /// Writes a plan in one operation. The solver worked on a snapshot, and what changed
    /// meanwhile wins: a request that is no longer accepted (declined, withdrawn, placed
    /// by a parallel run) is left out, and a slot or table taken meanwhile (a meeting
    /// placed by hand) leaves its meeting unplaced; the database's booking constraints
    /// decide, per meeting, in a savepoint.
    pub async fn apply_schedule(
        &self,
        actor: &Actor,
        plan: SchedulePlan,
    ) -> CoreResult<ScheduleReport> {
        let SchedulePlan {
            event,
            meetings: new,
            mut report,
        } = plan;
        let mut report = self
            .write(actor, "event.scheduled", async |tx| {
                let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
                let mut placed = Vec::new();
                for m in &new {
                    let Some(req) = m.request else { continue };
                    match place_in_savepoint(tx, m, req).await? {
                        Placement::Placed(id) => {
                            report.placed += 1;
                            placed.push((id, m.participants.clone()));
                        }
                        Placement::NoLongerAccepted => {}
                        Placement::SlotTaken => report
                            .unplaced
                            .push((req, "slot_taken_meanwhile".to_owned())),
                    }
                }
                // Once participants see the schedule, a run only adds meetings around
                // the published ones; only the two sides of each new one are told.
                if koop_db::event::get(tx, event).await?.agenda_visible() {
                    for (id, sides) in &placed {
                        self.tell_placed(tx, event, *id, sides, Added::Rescheduled)
                            .await?;
                    }
                }
                let summary = serde_json::to_value(&report).unwrap_or_default();
                Ok(Change::new(permit, report, "event", event.0, summary))
            })
            .await?;
        self.wake_worker();
        report.unplaced.sort_by_key(|u| u.0);
        Ok(report)
    }
}

/// Marks, for each participant of the problem, the slots they cannot meet in: outside
/// their presence windows, or colliding (with the travel time between venues) with what
/// else they attend: their meetings in other sessions (official meetings, company
/// visits) and, on a delegation trip or an online mission, the group programme (every
/// session but the B2B ones) for all but the local partners.
#[allow(clippy::too_many_arguments)]
async fn mark_unavailable(
    r: &mut crate::read::Reader,
    event: EventId,
    b2b: &[koop_domain::event::Session],
    slot_at: &[(SessionId, NaiveDateTime, Option<i64>)],
    people: &[koop_db::participant::ParticipantView],
    id_of: &[ParticipantId],
    times: &Travel,
    problem: &mut s::Problem,
) -> CoreResult<()> {
    use crate::availability::{Place, unavailable_slots};
    use koop_domain::event::{EventKind, ParticipantRole};
    let venue_of = |sid: SessionId| b2b.iter().find(|x| x.id == sid).and_then(|x| x.venue_id);
    let slots: Vec<Place> = slot_at
        .iter()
        .map(|(sid, start, _)| {
            let minutes = b2b
                .iter()
                .find(|x| x.id == *sid)
                .and_then(|x| x.data.slot_minutes)
                .unwrap_or(0);
            Place {
                venue: venue_of(*sid),
                start: *start,
                end: *start + chrono::Duration::minutes(minutes),
            }
        })
        .collect();
    let others: Vec<_> = r
        .sessions(event)
        .await?
        .into_iter()
        .filter(|x| !b2b.iter().any(|b| b.id == x.id))
        .collect();
    let span = |x: &koop_domain::event::Session| Place {
        venue: x.venue_id,
        start: x.data.starts_at,
        end: x.data.ends_at,
    };
    let kind = r.event(event).await?.data.kind;
    let group = matches!(kind, EventKind::DelegationTrip | EventKind::OnlineMission);
    let mut busy: HashMap<ParticipantId, Vec<Place>> = HashMap::new();
    for m in r.placed_meetings(event).await? {
        if let Some(x) = others.iter().find(|x| x.id == m.session) {
            for p in &m.participants {
                busy.entry(*p).or_default().push(span(x));
            }
        }
    }
    let windows = r.presence(event).await?;
    for (i, id) in id_of.iter().enumerate() {
        let role = people.iter().find(|p| p.id == *id).map(|p| p.role);
        let mut blocks = busy.remove(id).unwrap_or_default();
        if group && role != Some(ParticipantRole::LocalPartner) {
            blocks.extend(others.iter().map(span));
        }
        let own = windows.get(id).map(Vec::as_slice).unwrap_or_default();
        problem.participants[i].unavailable =
            unavailable_slots(&slots, own, &blocks, |a, b| times.minutes(a, b));
    }
    Ok(())
}

impl Core {
    /// Publishes an event's schedule to its participants as preliminary or final, or
    /// takes it back to draft; organisers only. The step is conditional on the state
    /// read, so two organisers publishing at once cannot skip a state unseen.
    pub async fn set_schedule_state(
        &self,
        actor: &Actor,
        event: EventId,
        to: koop_domain::event::ScheduleState,
    ) -> CoreResult<()> {
        self.write(actor, "event.schedule_published", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
            let from = koop_db::event::get(tx, event).await?.schedule;
            if from == to {
                return Err(CoreError::conflict(
                    "schedule_unchanged",
                    format!("the schedule is {to} already"),
                ));
            }
            if !koop_db::event::set_schedule_state(tx, event, from, to).await? {
                return Err(crate::ops::events::changed_meanwhile("schedule"));
            }
            if to.is_published() {
                self.queue_schedule_mails(tx, event, to).await?;
            }
            Ok(Change::new(
                permit,
                (),
                "event",
                event.0,
                serde_json::json!({ "from": from, "to": to }),
            ))
        })
        .await?;
        self.wake_worker();
        Ok(())
    }
}

impl Core {
    /// Tells every participant of `event` who is still coming that the schedule is
    /// published, with their own meetings, in the caller's transaction.
    async fn queue_schedule_mails(
        &self,
        tx: &mut koop_db::Conn,
        event: EventId,
        state: koop_domain::event::ScheduleState,
    ) -> CoreResult<()> {
        use koop_domain::event::{ParticipantStatus, ScheduleState};
        if self.mailer.is_none() {
            return Ok(());
        }
        let ev = koop_db::event::get(tx, event).await?;
        let meetings = koop_db::meeting::meetings(tx, event, None).await?;
        for p in koop_db::participant::for_event(tx, event).await? {
            if matches!(p.status, Some(ParticipantStatus::Cancelled)) {
                continue;
            }
            let mut lines: Vec<crate::mail::MeetingLine> = meetings
                .iter()
                .filter(|m| m.attendees.iter().any(|a| a.participant == p.id))
                .filter_map(|m| {
                    let (place, time_zone) = m.venue.clone().unwrap_or_default();
                    Some(crate::mail::MeetingLine {
                        starts_at: m.starts_at?,
                        time_zone,
                        place,
                        table: m.table_no,
                        partners: m
                            .attendees
                            .iter()
                            .filter(|a| a.participant != p.id)
                            .map(|a| a.org_name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
                })
                .collect();
            lines.sort_by_key(|l| l.starts_at);
            self.queue_mail_to(tx, ev.agency_id, p.id, || {
                crate::mail::Notice::SchedulePublished {
                    event: ev.data.title.clone(),
                    event_id: event,
                    final_schedule: state == ScheduleState::Final,
                    meetings: lines,
                }
            })
            .await?;
        }
        Ok(())
    }
}

/// What became of one meeting the solver placed.
enum Placement {
    Placed(MeetingId),
    NoLongerAccepted,
    SlotTaken,
}

/// Writes one solver-placed meeting if its request is still accepted and its slot and
/// table are still free; otherwise writes nothing of it.
async fn place_in_savepoint(
    tx: &mut koop_db::Conn,
    m: &NewMeeting,
    req: MeetingRequestId,
) -> CoreResult<Placement> {
    use sqlx::Connection;
    let mut sp = tx.begin().await.map_err(koop_db::DbError::from)?;
    let scheduled = RequestStatus::Accepted.schedule()?;
    if !koop_db::request::set_request_status(&mut sp, req, RequestStatus::Accepted, scheduled)
        .await?
    {
        return Ok(Placement::NoLongerAccepted);
    }
    match koop_db::meeting::insert_meeting(&mut sp, m).await {
        Ok(id) => {
            sp.commit().await.map_err(koop_db::DbError::from)?;
            Ok(Placement::Placed(id))
        }
        Err(koop_db::DbError::DoubleBooking(_)) => Ok(Placement::SlotTaken),
        Err(e) => Err(e.into()),
    }
}
