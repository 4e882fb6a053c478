//! After the event: the feedback survey (rate each meeting) and, months later, the
//! follow-up ("no further contact" … "cooperation agreement reached"). The further of a
//! meeting's two answers becomes one outcome in the agency's records, attributed to the
//! event and the meeting, and follows later answers up or down the chain.

use crate::mail::Notice;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_domain::ids::{EventId, MeetingId, OutcomeId, ParticipantId};
use koop_domain::meeting::{FollowUpStage, MeetingStatus};
use koop_domain::outcome::{Attribution, OutcomeData};
use koop_domain::task::Task;
use koop_domain::values::optional_text;
use serde_json::json;

/// Which survey to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Survey {
    /// Right after the event: how was each meeting?
    Feedback,
    /// Months later: what came of each meeting?
    FollowUp,
}

impl Core {
    /// A participant says what came of a meeting they held; returns the meeting's
    /// outcome as it now stands.
    pub async fn answer_follow_up(
        &self,
        actor: &Actor,
        event: EventId,
        meeting: MeetingId,
        participant: ParticipantId,
        stage: FollowUpStage,
        note: &str,
    ) -> CoreResult<Option<OutcomeId>> {
        let note = optional_text("note", note, 2_000)?;
        self.write(actor, "meeting.follow_up_answered", async |tx| {
            let (of_event, status) = koop_db::meeting::meeting_state(tx, meeting).await?;
            if of_event != event {
                return Err(CoreError::NotFound);
            }
            let permit = policy::act_for(tx, actor, event, participant).await?;
            let m = koop_db::meeting::meetings(tx, event, Some(participant))
                .await?
                .into_iter()
                .find(|m| m.id == meeting)
                .ok_or(CoreError::NotFound)?;
            if status != MeetingStatus::Held {
                return Err(CoreError::conflict(
                    "follow_up_not_held",
                    format!("only a meeting that was held has a follow-up; this one is {status}"),
                ));
            }
            koop_db::follow_up::answer(tx, meeting, participant, stage.as_str(), &note).await?;
            let best = koop_db::follow_up::of_meeting(tx, meeting)
                .await?
                .iter()
                .filter_map(|(_, s, _)| FollowUpStage::parse(s).ok())
                .max_by_key(|s| s.rank())
                .unwrap_or(stage);
            let outcome = match (
                koop_db::follow_up::outcome_of(tx, meeting).await?,
                best.outcome_kind(),
            ) {
                (None, Some(kind)) => {
                    let agency = koop_db::event::get(tx, event).await?.agency_id;
                    let data = OutcomeData {
                        kind,
                        title: m
                            .attendees
                            .iter()
                            .map(|a| a.org_name.as_str())
                            .collect::<Vec<_>>()
                            .join(" – "),
                        achieved_on: chrono::Utc::now().date_naive(),
                        value: None,
                        org_ids: m.attendees.iter().map(|a| a.org_id).collect(),
                        attribution: Attribution {
                            meeting_id: Some(meeting),
                            event_id: Some(event),
                            ..Attribution::default()
                        },
                    };
                    let id = koop_db::outcome::insert(tx, agency, &data, false).await?;
                    koop_db::follow_up::set_outcome(tx, meeting, Some(id)).await?;
                    Some(id)
                }
                (Some(id), Some(kind)) => {
                    koop_db::follow_up::advance_outcome(tx, id, kind).await?;
                    Some(id)
                }
                (Some(id), None) => {
                    koop_db::follow_up::remove_outcome(tx, meeting, id).await?;
                    None
                }
                (None, None) => None,
            };
            Ok(Change::new(
                permit,
                outcome,
                "meeting",
                meeting.0,
                json!({ "participant": participant, "stage": stage, "outcome": outcome }),
            ))
        })
        .await
    }

    /// Mails the survey to every participant who held a meeting; returns how many.
    /// Organisers only.
    pub async fn send_survey(
        &self,
        actor: &Actor,
        event: EventId,
        survey: Survey,
    ) -> CoreResult<usize> {
        let action = match survey {
            Survey::Feedback => "event.feedback_survey_sent",
            Survey::FollowUp => "event.follow_up_sent",
        };
        let sent = self
            .write(actor, action, async |tx| {
                let permit = policy::manage_event(tx, actor, event, Task::FollowUp).await?;
                if self.mailer.is_none() {
                    return Err(CoreError::conflict(
                        "mail_not_configured",
                        "this koop sends no mail: set smtp_url or mail_dir",
                    ));
                }
                let ev = koop_db::event::get(tx, event).await?;
                let meetings = koop_db::meeting::meetings(tx, event, None).await?;
                let mut count = 0;
                for p in koop_db::participant::for_event(tx, event).await? {
                    let held = meetings
                        .iter()
                        .filter(|m| m.status == MeetingStatus::Held)
                        .filter(|m| m.attendees.iter().any(|a| a.participant == p.id))
                        .count();
                    if held == 0 {
                        continue;
                    }
                    let queued = self
                        .queue_mail_to(tx, ev.agency_id, p.id, || Notice::Survey {
                            event: ev.data.title.clone(),
                            event_id: event,
                            follow_up: survey == Survey::FollowUp,
                            meetings: held,
                        })
                        .await?;
                    count += usize::from(queued);
                }
                Ok(Change::new(
                    permit,
                    count,
                    "event",
                    event.0,
                    json!({ "recipients": count }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(sent)
    }
}

impl crate::read::Reader {
    /// A participant's follow-up answers: (meeting, stage, note); for them and the
    /// event's organisers.
    pub async fn follow_up_of(
        &mut self,
        participant: ParticipantId,
    ) -> CoreResult<Vec<(MeetingId, FollowUpStage, String)>> {
        let event = koop_db::participant::event_of(self.conn(), participant).await?;
        self.require_own(event, participant).await?;
        Ok(koop_db::follow_up::of_participant(self.conn(), participant)
            .await?
            .into_iter()
            .filter_map(|(m, s, n)| Some((m, FollowUpStage::parse(&s).ok()?, n)))
            .collect())
    }
}

/// A reminder is for a day after today.
pub(crate) fn check_reminder_day(on: chrono::NaiveDate) -> CoreResult<()> {
    if on <= chrono::Utc::now().date_naive() {
        return Err(CoreError::field(
            koop_domain::DomainError::new(
                "remind_on",
                "not_in_future",
                format!("{on} is not after today"),
            )
            .with("value", on.to_string()),
        ));
    }
    Ok(())
}

impl Core {
    /// Reminds the actor (agency staff with a login) on `on` to follow up an outcome of
    /// their agency: a mail job that waits until 08:00 UTC that day, with a link to
    /// record what came of it against the same cause. Refused for a day in the past.
    pub async fn remind_follow_up(
        &self,
        actor: &Actor,
        outcome: koop_domain::ids::OutcomeId,
        on: chrono::NaiveDate,
    ) -> CoreResult<()> {
        check_reminder_day(on)?;
        self.write(actor, "outcome.reminder_set", async |tx| {
            let agency = koop_db::owner::agency_of(tx, koop_db::owner::Owned::Outcome, outcome.0)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            self.queue_reminder(tx, actor, agency, outcome, on).await?;
            Ok(Change::new(
                permit,
                (),
                "outcome",
                outcome.0,
                json!({ "remind_on": on }),
            ))
        })
        .await
    }

    /// Queues the reminder mail of [`Core::remind_follow_up`] in the caller's
    /// transaction (the caller has checked the rights).
    pub(crate) async fn queue_reminder(
        &self,
        tx: &mut koop_db::Conn,
        actor: &Actor,
        agency: koop_domain::ids::AgencyId,
        outcome: koop_domain::ids::OutcomeId,
        on: chrono::NaiveDate,
    ) -> CoreResult<()> {
        let Some(account) = actor.logged_in().cloned() else {
            return Err(CoreError::Forbidden);
        };
        if self.mailer.is_none() {
            return Err(CoreError::conflict(
                "mail_not_configured",
                "this koop sends no mail: set smtp_url or mail_dir",
            ));
        }
        let o = koop_db::outcome::list_visible(tx, actor.viewer(), Default::default())
            .await?
            .into_iter()
            .find(|x| x.id == outcome)
            .ok_or(CoreError::NotFound)?;
        let a = &o.data.attribution;
        let mail = crate::mail::Mail {
            to: account.email.clone(),
            name: account.display_name.clone(),
            language: account.ui_language.clone(),
            notice: Notice::FollowUpDue {
                title: o.data.title.clone(),
                outcome_kind: o.data.kind.as_str().to_owned(),
                achieved_on: o.data.achieved_on,
                meeting_id: a.meeting_id.map(|x| x.0),
                activity_id: a.activity_id.map(|x| x.0),
                event_id: a.event_id.map(|x| x.0),
            },
        };
        let payload =
            serde_json::to_string(&mail).map_err(|e| CoreError::Internal(e.to_string()))?;
        koop_db::job::enqueue_at(
            tx,
            &koop_db::job::NewJob {
                agency: Some(agency),
                kind: koop_domain::job::JobKind::Mail.as_str(),
                subject: None,
                payload: &payload,
                requested_by: Some(account.id),
            },
            &format!("{on}T08:00:00Z"),
        )
        .await?;
        Ok(())
    }
}
