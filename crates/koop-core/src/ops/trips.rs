//! Planning a delegation trip or an online mission on the event model: the trip's
//! stations are its venues, its local partners are participants recorded by the
//! agency (no account) with the station and hours they can meet in, and the pairs the
//! agency confirms become accepted requests that the scheduler places in each
//! participant's free time around the group programme.

use crate::{Actor, Change, Core, CoreResult, policy};
use koop_db::owner::EventChild;
use koop_domain::event::Presence;
use koop_domain::ids::{EventId, ParticipantId};
use koop_domain::meeting::{Priority, RequestStatus};
use koop_domain::task::Task;
use serde_json::json;

impl Core {
    /// Sets where and when a participant can meet (replacing what was set): each
    /// window at one of the event's venues, inside its times.
    pub async fn set_presence(
        &self,
        actor: &Actor,
        event: EventId,
        participant: ParticipantId,
        windows: Vec<Presence>,
    ) -> CoreResult<()> {
        for w in &windows {
            w.check()?;
        }
        self.write(actor, "participant.presence_set", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Registrations).await?;
            policy::belongs_to_event(tx, EventChild::Participant, participant.0, event).await?;
            for v in windows.iter().filter_map(|w| w.venue_id) {
                policy::belongs_to_event(tx, EventChild::Venue, v.0, event).await?;
            }
            koop_db::presence::set(tx, participant, &windows).await?;
            Ok(Change::new(
                permit,
                (),
                "participant",
                participant.0,
                json!({ "windows": windows }),
            ))
        })
        .await
    }

    /// The agency confirms pairs to meet (an entrepreneur and a local partner, say):
    /// each becomes an accepted request for the scheduler, all in one step. A pair
    /// that was requested already keeps its request. Answers how many are new.
    pub async fn confirm_pairs(
        &self,
        actor: &Actor,
        event: EventId,
        pairs: &[(ParticipantId, ParticipantId)],
    ) -> CoreResult<usize> {
        for (a, b) in pairs {
            koop_domain::meeting::check_request(*a, *b)?;
        }
        self.write(actor, "event.pairs_confirmed", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
            let mut new = 0;
            for (a, b) in pairs {
                for p in [a, b] {
                    policy::belongs_to_event(tx, EventChild::Participant, p.0, event).await?;
                }
                if koop_db::request::between(tx, event, *a, *b)
                    .await?
                    .is_some()
                {
                    continue;
                }
                koop_db::request::insert_request(
                    tx,
                    event,
                    *a,
                    *b,
                    Priority::Normal,
                    "",
                    RequestStatus::Accepted,
                )
                .await?;
                new += 1;
            }
            Ok(Change::new(
                permit,
                new,
                "event",
                event.0,
                json!({ "pairs": pairs, "new": new }),
            ))
        })
        .await
    }
}
