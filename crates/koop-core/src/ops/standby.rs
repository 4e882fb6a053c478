//! Refilling a slot freed by a no-show from the standby list: the accepted requests the
//! scheduler could not place whose two sides are both free at that time. The partner
//! who came and is sitting at the table comes first, then pairs who are both checked
//! in, then higher priority, then the oldest request.

use super::events::changed_meanwhile;
use super::meetings::booking_conflict;
use crate::mail::{Added, MeetingLine, Notice};
use crate::ops::tables::{stand_allows, stands_of_event};
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_db::meeting::NewMeeting;
use koop_domain::event::ParticipantStatus;
use koop_domain::ids::{EventId, MeetingId, MeetingRequestId, ParticipantId};
use koop_domain::meeting::{MeetingStatus, Priority, RequestStatus};
use koop_domain::task::Task;
use serde_json::json;

/// One side of a standby meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The participant.
    pub participant: ParticipantId,
    /// Their organisation.
    pub org_name: String,
    /// Its country.
    pub country: String,
    /// Whether they are checked in.
    pub here: bool,
}

/// A meeting that could take a freed slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Standby {
    /// The accepted request.
    pub request: MeetingRequestId,
    /// Its two sides.
    pub sides: [Side; 2],
    /// Its priority.
    pub priority: Priority,
    /// Whether one side is the partner who came to the missed meeting.
    pub partner_who_came: bool,
}

fn no_show_only(status: MeetingStatus) -> CoreResult<()> {
    if status == MeetingStatus::NoShow {
        Ok(())
    } else {
        Err(CoreError::conflict(
            "not_a_no_show",
            format!("only a no-show frees its slot; this meeting is {status}"),
        ))
    }
}

impl crate::read::Reader {
    /// The standby list for the slot of a no-show meeting, best first; organisers only.
    pub async fn standby_for(&mut self, meeting: MeetingId) -> CoreResult<Vec<Standby>> {
        let (event, status) = koop_db::meeting::meeting_state(self.conn(), meeting).await?;
        self.require_manage(event).await?;
        no_show_only(status)?;
        let (session, start, table, missed_by) =
            koop_db::meeting::slot_of(self.conn(), meeting).await?;
        let Some(start) = start else {
            return Ok(vec![]);
        };
        // At a stand, only meetings of its owner; elsewhere, none of a stand owner.
        let stands = match session {
            Some(s) => stands_of_event(self.conn(), event).await?.remove(&s),
            None => None,
        };
        let fits = |a: ParticipantId, b: ParticipantId| match (&stands, table) {
            (Some(t), Some(no)) => t.allows(&[a, b], no),
            _ => true,
        };
        let people = koop_db::participant::for_event(self.conn(), event).await?;
        let side = |p: ParticipantId| {
            people.iter().find(|x| x.id == p).map(|x| Side {
                participant: p,
                org_name: x.org_name.clone(),
                country: x.country.clone(),
                here: x.status == Some(ParticipantStatus::Attended),
            })
        };
        let mut list: Vec<Standby> = koop_db::meeting::standby_at(self.conn(), event, start)
            .await?
            .into_iter()
            .filter(|(_, a, b, _)| fits(*a, *b))
            .filter_map(|(request, a, b, priority)| {
                Some(Standby {
                    request,
                    sides: [side(a)?, side(b)?],
                    priority: Priority::parse(&priority).unwrap_or(Priority::Normal),
                    partner_who_came: missed_by.contains(&a) || missed_by.contains(&b),
                })
            })
            .collect();
        let rank = |p: Priority| match p {
            Priority::High => 0,
            Priority::Normal => 1,
            Priority::Low => 2,
        };
        // Stable: among equals the oldest request stays first.
        list.sort_by_key(|s| {
            (
                !s.partner_who_came,
                !(s.sides[0].here && s.sides[1].here),
                rank(s.priority),
            )
        });
        Ok(list)
    }
}

impl Core {
    /// Places a standby meeting in the slot and at the table of a no-show, and tells
    /// its two sides (and nobody else). Organisers only.
    pub async fn refill_from_standby(
        &self,
        actor: &Actor,
        event: EventId,
        freed: MeetingId,
        request: MeetingRequestId,
    ) -> CoreResult<MeetingId> {
        let id = self
            .write(actor, "meeting.refilled", async |tx| {
                let (of_event, status) = koop_db::meeting::meeting_state(tx, freed).await?;
                if of_event != event {
                    return Err(CoreError::NotFound);
                }
                let permit = policy::manage_event(tx, actor, event, Task::OnTheDay).await?;
                no_show_only(status)?;
                let (session, start, table, _) = koop_db::meeting::slot_of(tx, freed).await?;
                let (r_event, current, a, b) = koop_db::request::request_state(tx, request).await?;
                if r_event != event {
                    return Err(CoreError::NotFound);
                }
                if current != RequestStatus::Accepted {
                    return Err(changed_meanwhile("request"));
                }
                if !stand_allows(tx, event, session, table, &[a, b]).await? {
                    return Err(CoreError::conflict(
                        "stand_taken",
                        "this table is a stand, and the standby meeting is not its owner's",
                    ));
                }
                let next = current.schedule()?;
                if !koop_db::request::set_request_status(tx, request, current, next).await? {
                    return Err(changed_meanwhile("request"));
                }
                let id = koop_db::meeting::insert_meeting(
                    tx,
                    &NewMeeting {
                        event,
                        request: Some(request),
                        session,
                        title: String::new(),
                        starts_at: start,
                        table_no: table,
                        participants: vec![a, b],
                    },
                )
                .await
                .map_err(booking_conflict)?;
                self.tell_placed(tx, event, id, &[a, b], Added::Standby)
                    .await?;
                Ok(Change::new(
                    permit,
                    id,
                    "meeting",
                    id.0,
                    json!({ "request_id": request, "freed_by": freed }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(id)
    }

    /// Mails `sides` of a meeting added after the schedule was out where and with whom.
    pub(crate) async fn tell_placed(
        &self,
        tx: &mut koop_db::Conn,
        event: EventId,
        meeting: MeetingId,
        sides: &[ParticipantId],
        why: Added,
    ) -> CoreResult<()> {
        self.tell_about(tx, event, meeting, sides, |event, event_id, meeting| {
            Notice::MeetingAdded {
                event,
                event_id,
                meeting,
                why,
            }
        })
        .await
    }

    /// Mails each of `sides` a notice about `meeting` as that side sees it (the time,
    /// the place, and the other side as the partner).
    pub(crate) async fn tell_about(
        &self,
        tx: &mut koop_db::Conn,
        event: EventId,
        meeting: MeetingId,
        sides: &[ParticipantId],
        notice: impl Fn(String, EventId, MeetingLine) -> Notice,
    ) -> CoreResult<()> {
        if self.mailer.is_none() {
            return Ok(());
        }
        let ev = koop_db::event::get(tx, event).await?;
        // Only the first side's meetings are read: a scheduler run tells of many.
        let Some(&first) = sides.first() else {
            return Ok(());
        };
        let Some(m) = koop_db::meeting::meetings(tx, event, Some(first))
            .await?
            .into_iter()
            .find(|m| m.id == meeting)
        else {
            return Ok(());
        };
        let Some(starts_at) = m.starts_at else {
            return Ok(());
        };
        for &me in sides {
            let (place, time_zone) = m.venue.clone().unwrap_or_default();
            let line = MeetingLine {
                starts_at,
                time_zone,
                place,
                table: m.table_no,
                partners: m
                    .attendees
                    .iter()
                    .filter(|x| x.participant != me)
                    .map(|x| x.org_name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            self.queue_mail_to(tx, ev.agency_id, me, || {
                notice(ev.data.title.clone(), event, line.clone())
            })
            .await?;
        }
        Ok(())
    }
}
