//! Organisers write to an event's participants: one, a filtered group, or all.

use crate::mail::Notice;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_domain::event::ParticipantStatus;
use koop_domain::ids::{EventId, ParticipantId};
use koop_domain::task::Task;
use koop_domain::values::required_text;
use serde_json::json;

/// Whom a message goes to; every field that is set must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recipients {
    /// One participant.
    pub participant: Option<ParticipantId>,
    /// Those with this status (participants who cancelled get mail only when asked for).
    pub status: Option<ParticipantStatus>,
    /// Those whose organisation is from this country (ISO code).
    pub country: Option<String>,
    /// Those without a published cooperation profile.
    pub without_profile: bool,
}

impl Core {
    /// Queues one mail per chosen participant with an address; returns how many.
    /// Organisers of the event only. Nothing is queued unless every check passes.
    pub async fn write_to_participants(
        &self,
        actor: &Actor,
        event: EventId,
        to: &Recipients,
        subject: &str,
        body: &str,
    ) -> CoreResult<usize> {
        let subject = required_text("subject", subject, 200)?;
        let body = required_text("body", body, 20_000)?;
        let sent = self
            .write(actor, "event.participants_written_to", async |tx| {
                let permit = policy::manage_event(tx, actor, event, Task::Registrations).await?;
                if self.mailer.is_none() {
                    return Err(CoreError::conflict(
                        "mail_not_configured",
                        "this koop sends no mail: set smtp_url or mail_dir",
                    ));
                }
                if let Some(p) = to.participant {
                    policy::belongs_to_event(
                        tx,
                        koop_db::owner::EventChild::Participant,
                        p.0,
                        event,
                    )
                    .await?;
                }
                let ev = koop_db::event::get(tx, event).await?;
                let with_profile: std::collections::HashSet<ParticipantId> =
                    koop_db::profile::for_event(tx, event)
                        .await?
                        .iter()
                        .filter_map(|p| p.participant_id)
                        .collect();
                let mut count = 0;
                for p in koop_db::participant::for_event(tx, event).await? {
                    let status = p.status.unwrap_or(ParticipantStatus::Registered);
                    let chosen = to.participant.is_none_or(|x| x == p.id)
                        && match to.status {
                            Some(s) => s == status,
                            None => status != ParticipantStatus::Cancelled,
                        }
                        && to
                            .country
                            .as_deref()
                            .is_none_or(|c| c.eq_ignore_ascii_case(&p.country))
                        && (!to.without_profile || !with_profile.contains(&p.id));
                    if chosen
                        && self
                            .queue_mail_to(tx, ev.agency_id, p.id, || Notice::FromOrganisers {
                                event: ev.data.title.clone(),
                                event_id: event,
                                subject: subject.clone(),
                                body: body.clone(),
                            })
                            .await?
                    {
                        count += 1;
                    }
                }
                Ok(Change::new(
                    permit,
                    count,
                    "event",
                    event.0,
                    json!({ "subject": subject, "recipients": count }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(sent)
    }
}
