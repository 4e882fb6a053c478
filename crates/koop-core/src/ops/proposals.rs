//! Proposing a time for an open request, where the partners pick their times: one
//! side proposes a time both have free, and the other accepts the request at it
//! ([`Core::accept_at`]) or proposes another. The newest proposal replaces the one
//! before, and the other side is mailed it.

use super::events::changed_meanwhile;
use super::picking::{SlotBook, require_picks};
use crate::mail::{MeetingLine, Notice};
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use chrono::NaiveDateTime;
use koop_db::request::TimeProposal;
use koop_domain::ids::{EventId, MeetingRequestId, ParticipantId, SessionId};
use koop_domain::meeting::RequestStatus;
use serde_json::json;

impl Core {
    /// `side` (the requester or the receiver of an open request) proposes to meet at
    /// `starts_at` in `session`, a time both have free with a table left. For that
    /// side or the organisers in their name.
    pub async fn propose_time(
        &self,
        actor: &Actor,
        event: EventId,
        request: MeetingRequestId,
        side: ParticipantId,
        session: SessionId,
        starts_at: NaiveDateTime,
    ) -> CoreResult<()> {
        self.write(actor, "meeting.request.time_proposed", async |tx| {
            let (of_event, current, requester, receiver) =
                koop_db::request::request_state(tx, request).await?;
            if of_event != event || (side != requester && side != receiver) {
                return Err(CoreError::NotFound);
            }
            let permit = policy::act_for(tx, actor, event, side).await?;
            require_picks(tx, event).await?;
            if current != RequestStatus::Proposed {
                return Err(CoreError::conflict(
                    "request_answered",
                    format!("this request was answered already: it is {current}"),
                ));
            }
            let book = SlotBook::read(tx, event).await?;
            let slot = book
                .free(&[requester, receiver], None)
                .into_iter()
                .find(|f| f.session == session && f.starts_at == starts_at)
                .ok_or_else(|| {
                    CoreError::conflict(
                        "slot_taken",
                        "this time is not free for both of you; pick another",
                    )
                })?;
            let proposal = TimeProposal {
                session,
                starts_at,
                by: side,
            };
            if !koop_db::request::propose_time(tx, request, current, proposal).await? {
                return Err(changed_meanwhile("request"));
            }
            let other = if side == requester { receiver } else { requester };
            let ev = koop_db::event::get(tx, event).await?;
            let partner = koop_db::participant::get(tx, side).await?.org_name;
            let venue = book.venue_of(session);
            let (place, time_zone) = match venue {
                Some(v) => koop_db::event::venues(tx, event)
                    .await?
                    .into_iter()
                    .find(|x| x.id == v)
                    .map(|x| (x.name, x.time_zone))
                    .unwrap_or_default(),
                None => Default::default(),
            };
            let line = MeetingLine {
                starts_at,
                time_zone,
                place,
                table: None,
                partners: partner,
            };
            self.queue_mail_to(tx, ev.agency_id, other, || Notice::TimeProposed {
                event: ev.data.title.clone(),
                event_id: event,
                meeting: line.clone(),
            })
            .await?;
            Ok(Change::new(
                permit,
                (),
                "meeting_request",
                request.0,
                json!({ "proposed_by": side, "session": session, "starts_at": starts_at, "table_no": slot.table }),
            ))
        })
        .await?;
        self.wake_worker();
        Ok(())
    }
}
