//! Planning a delegation trip or an online mission on the event model: the trip's
//! stations are its venues, its local partners are participants recorded by the
//! agency (no account) with the station and hours they can meet in, and the pairs the
//! agency confirms become accepted requests that the scheduler places in each
//! participant's free time around the group programme.

use super::directory::{check_org, check_person};
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_db::owner::EventChild;
use koop_domain::event::{ParticipantRole, ParticipantStatus, Presence};
use koop_domain::ids::{EventId, MeetingId, MeetingRequestId, ParticipantId};
use koop_domain::meeting::{MeetingStatus, Priority, RequestStatus};
use koop_domain::org::OrgData;
use koop_domain::person::PersonData;
use koop_domain::task::Task;
use serde_json::json;

/// A local partner as the agency records it: the organisation, its contact, and
/// where and when it can meet.
#[derive(Debug, Clone)]
pub struct LocalPartner {
    /// The organisation (found again by name and country if the agency has it).
    pub org: OrgData,
    /// Its contact at the station.
    pub contact: PersonData,
    /// Where and when it can meet (empty: wherever and whenever the trip has slots),
    /// in the venue's wall-clock time.
    pub windows: Vec<Presence>,
    /// Its own time zone, where it is not the venue's (an online mission's partner).
    pub time_zone: Option<String>,
}

impl Core {
    /// Records a local partner of a trip in one step: its organisation (the agency's
    /// own, if it has one of that name and country), its contact, its registration as a
    /// confirmed participant (no account), and its hours at its station.
    pub async fn add_local_partner(
        &self,
        actor: &Actor,
        event: EventId,
        partner: LocalPartner,
    ) -> CoreResult<ParticipantId> {
        let mut ids = self
            .add_local_partners_ids(actor, event, vec![partner])
            .await?;
        ids.pop()
            .ok_or_else(|| CoreError::Internal("no partner recorded".into()))
    }

    /// Records several local partners in one transaction: all of them, or none.
    pub async fn add_local_partners(
        &self,
        actor: &Actor,
        event: EventId,
        partners: Vec<LocalPartner>,
    ) -> CoreResult<usize> {
        Ok(self
            .add_local_partners_ids(actor, event, partners)
            .await?
            .len())
    }

    async fn add_local_partners_ids(
        &self,
        actor: &Actor,
        event: EventId,
        partners: Vec<LocalPartner>,
    ) -> CoreResult<Vec<ParticipantId>> {
        let mut checked = Vec::with_capacity(partners.len());
        for p in partners {
            for w in &p.windows {
                w.check()?;
            }
            check_zone(p.time_zone.as_deref())?;
            checked.push(LocalPartner {
                org: check_org(p.org)?,
                contact: check_person(p.contact)?,
                ..p
            });
        }
        self.write(actor, "participant.local_partners_added", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Registrations).await?;
            let agency = permit.agency().ok_or(CoreError::NotFound)?;
            let mut ids = Vec::new();
            for partner in &checked {
                ids.push(insert_local_partner(tx, agency, event, partner).await?);
            }
            let names: Vec<&str> = checked.iter().map(|p| p.org.name.as_str()).collect();
            Ok(Change::new(
                permit,
                ids.clone(),
                "event",
                event.0,
                json!({ "local_partners": names }),
            ))
        })
        .await
    }

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

    /// Sets a participant's own time zone (none: the venue's), so that their local
    /// times show beside the venue's.
    pub async fn set_participant_time_zone(
        &self,
        actor: &Actor,
        event: EventId,
        participant: ParticipantId,
        zone: Option<&str>,
    ) -> CoreResult<()> {
        check_zone(zone)?;
        self.write(actor, "participant.time_zone_set", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Registrations).await?;
            policy::belongs_to_event(tx, EventChild::Participant, participant.0, event).await?;
            koop_db::participant::set_time_zone(tx, participant, zone).await?;
            Ok(Change::new(
                permit,
                (),
                "participant",
                participant.0,
                json!({ "time_zone": zone }),
            ))
        })
        .await
    }

    /// A meeting cancelled on the ground is to happen after all: its pair goes back to
    /// the scheduler, whose next run places it around the meetings that stay (they do not
    /// move). Organisers only; the meeting must be cancelled.
    pub async fn reopen_cancelled(
        &self,
        actor: &Actor,
        event: EventId,
        meeting: MeetingId,
    ) -> CoreResult<MeetingRequestId> {
        self.write(actor, "meeting.reopened", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
            let (of_event, status) = koop_db::meeting::meeting_state(tx, meeting).await?;
            if of_event != event {
                return Err(CoreError::NotFound);
            }
            if status != MeetingStatus::Cancelled {
                return Err(CoreError::conflict(
                    "not_cancelled",
                    format!("the meeting is {status}, not cancelled"),
                ));
            }
            let Some(request) = koop_db::meeting::request_of(tx, meeting).await? else {
                return Err(CoreError::conflict(
                    "no_request",
                    "the meeting was placed by hand, not from a pair; place it again by hand",
                ));
            };
            let placed_again = koop_db::meeting::standing_of_request(tx, request).await? > 0;
            if placed_again
                || !koop_db::request::set_request_status(
                    tx,
                    request,
                    RequestStatus::Scheduled,
                    RequestStatus::Accepted,
                )
                .await?
            {
                return Err(CoreError::conflict(
                    "request_answered",
                    "the pair was taken up again already",
                ));
            }
            Ok(Change::new(
                permit,
                request,
                "meeting",
                meeting.0,
                json!({ "request": request }),
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

/// A time zone must be one koop knows.
fn check_zone(zone: Option<&str>) -> CoreResult<()> {
    match zone {
        Some(z) if !crate::zones::is_zone(z) => Err(CoreError::field(
            koop_domain::DomainError::new(
                "time_zone",
                "invalid_time_zone",
                format!("'{z}' is not a time zone such as Asia/Tashkent"),
            )
            .with("value", z.to_owned()),
        )),
        _ => Ok(()),
    }
}

/// Writes one local partner inside the caller's transaction.
async fn insert_local_partner(
    tx: &mut koop_db::Conn,
    agency: koop_domain::ids::AgencyId,
    event: EventId,
    partner: &LocalPartner,
) -> CoreResult<ParticipantId> {
    for v in partner.windows.iter().filter_map(|w| w.venue_id) {
        policy::belongs_to_event(tx, EventChild::Venue, v.0, event).await?;
    }
    let org = &partner.org;
    let contact = &partner.contact;
    let org_id = match koop_db::org::find_by_key(tx, agency, &koop_db::org::match_key(org)).await? {
        Some(id) => id,
        None => koop_db::org::insert(tx, agency, org, false).await?,
    };
    let key = koop_db::person::match_key(contact, Some(org_id));
    let person = match koop_db::person::find_by_key(tx, agency, &key).await? {
        Some(id) => id,
        None => koop_db::person::insert(tx, agency, Some(org_id), contact).await?,
    };
    let id = koop_db::participant::insert(
        tx,
        event,
        person,
        org_id,
        ParticipantRole::LocalPartner,
        ParticipantStatus::Confirmed,
    )
    .await
    .map_err(|e| match e {
        koop_db::DbError::Conflict(_) => CoreError::conflict(
            "already_registered",
            format!(
                "{} {} is registered already",
                contact.given_name, contact.family_name
            ),
        ),
        other => other.into(),
    })?;
    koop_db::presence::set(tx, id, &partner.windows).await?;
    koop_db::participant::set_time_zone(tx, id, partner.time_zone.as_deref()).await?;
    Ok(id)
}
