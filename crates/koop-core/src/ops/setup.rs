//! Setting an event up: its fields and organisers, its registration and matchmaking
//! settings, and taking back a venue or session that was added by mistake.

use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_db::owner::EventChild;
use koop_domain::event::EventData;
use koop_domain::ids::{EventId, SessionId, VenueId};
use koop_domain::settings::EventSettings;
use koop_domain::task::Task;
use koop_domain::values::required_text;
use serde_json::json;

impl Core {
    /// Changes an event's title, description, dates and organisers.
    pub async fn update_event(
        &self,
        actor: &Actor,
        event: EventId,
        data: EventData,
    ) -> CoreResult<()> {
        required_text("title", &data.title, 300)?;
        data.check()?;
        self.write(actor, "event.updated", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            // Who organises decides who may do what: only the owner changes the list.
            let current = koop_db::event::get(tx, event).await?.data.organiser_ids;
            if current != data.organiser_ids {
                let _owner = policy::own_event(tx, actor, event).await?;
            }
            for org in &data.organiser_ids {
                koop_db::org::get(tx, actor.viewer(), *org).await?;
            }
            // Sessions outside the new dates would vanish from every day view.
            let outside = koop_db::event::sessions(tx, event)
                .await?
                .into_iter()
                .filter(|s| {
                    let day = s.data.starts_at.date();
                    day < data.start_on || day > data.end_on
                })
                .count();
            if outside > 0 {
                return Err(CoreError::Invalid(vec![
                    FieldError::new(
                        "end_on",
                        "sessions_outside",
                        format!("{outside} sessions lie outside the new dates"),
                    )
                    .with("count", outside),
                ]));
            }
            koop_db::event::update(tx, event, &data).await?;
            Ok(Change::new(
                permit,
                (),
                "event",
                event.0,
                json!({ "title": data.title }),
            ))
        })
        .await
    }

    /// Publishes an event, so that anyone sees its programme and may register while
    /// registration is open, or takes it back.
    pub async fn publish_event(
        &self,
        actor: &Actor,
        event: EventId,
        publish: bool,
    ) -> CoreResult<()> {
        self.write(actor, "event.published", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            koop_db::event::set_published(tx, event, publish).await?;
            Ok(Change::new(
                permit,
                (),
                "event",
                event.0,
                json!({ "published": publish }),
            ))
        })
        .await
    }

    /// Replaces an event's registration and matchmaking settings. The terms' version
    /// goes up by one when their text changes, so every consent names what it agreed to.
    pub async fn set_event_settings(
        &self,
        actor: &Actor,
        event: EventId,
        mut settings: EventSettings,
    ) -> CoreResult<EventSettings> {
        settings.terms = settings.terms.trim().to_owned();
        settings.questions = settings
            .questions
            .iter()
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty())
            .collect();
        settings
            .check()
            .map_err(|p| CoreError::Invalid(p.into_iter().map(FieldError::from).collect()))?;
        self.write(actor, "event.settings_changed", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            let before = koop_db::event::get(tx, event).await?.settings;
            settings.terms_version = if before.terms == settings.terms {
                before.terms_version
            } else {
                before.terms_version + 1
            };
            koop_db::event::set_settings(tx, event, &settings).await?;
            Ok(Change::new(
                permit,
                settings.clone(),
                "event",
                event.0,
                json!({
                    "registration_open": settings.registration_open,
                    "terms_version": settings.terms_version,
                    "request_mode": settings.request_mode,
                }),
            ))
        })
        .await
    }

    /// Removes a session that has no meetings yet.
    pub async fn remove_session(
        &self,
        actor: &Actor,
        event: EventId,
        session: SessionId,
    ) -> CoreResult<()> {
        self.write(actor, "event.session_removed", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            policy::belongs_to_event(tx, EventChild::Session, session.0, event).await?;
            if !koop_db::event::remove_session(tx, session).await? {
                return Err(CoreError::conflict(
                    "session_in_use",
                    "this session has meetings or visits; move or cancel them first",
                ));
            }
            Ok(Change::new(permit, (), "session", session.0, json!({})))
        })
        .await
    }

    /// Removes a venue that no session uses.
    pub async fn remove_venue(
        &self,
        actor: &Actor,
        event: EventId,
        venue: VenueId,
    ) -> CoreResult<()> {
        self.write(actor, "event.venue_removed", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            policy::belongs_to_event(tx, EventChild::Venue, venue.0, event).await?;
            if !koop_db::event::remove_venue(tx, venue).await? {
                return Err(CoreError::conflict(
                    "venue_in_use",
                    "sessions take place at this venue; remove or move them first",
                ));
            }
            Ok(Change::new(permit, (), "venue", venue.0, json!({})))
        })
        .await
    }
}

/// The longest travel time between two venues, in minutes (a day).
pub const MAX_TRAVEL_MINUTES: i64 = 24 * 60;

impl Core {
    /// Replaces the travel times between the event's venues (minutes, the same both
    /// ways; 0 or a missing pair means none). Organisers only.
    pub async fn set_travel_times(
        &self,
        actor: &Actor,
        event: EventId,
        pairs: Vec<(VenueId, VenueId, i64)>,
    ) -> CoreResult<()> {
        let mut problems = Vec::new();
        let mut stored = Vec::new();
        for (a, b, minutes) in pairs {
            if !(0..=MAX_TRAVEL_MINUTES).contains(&minutes) {
                problems.push(
                    FieldError::new(
                        &format!("travel-{}-{}", a.0.min(b.0), a.0.max(b.0)),
                        "out_of_range",
                        format!("{minutes} minutes is not between 0 and {MAX_TRAVEL_MINUTES}"),
                    )
                    .with("min", 0)
                    .with("max", MAX_TRAVEL_MINUTES),
                );
            } else if a != b && minutes > 0 {
                stored.push((a.min(b), a.max(b), minutes));
            }
        }
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        stored.sort();
        stored.dedup_by_key(|x| (x.0, x.1));
        self.write(actor, "event.travel_set", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::Programme).await?;
            for (a, b, _) in &stored {
                policy::belongs_to_event(tx, EventChild::Venue, a.0, event).await?;
                policy::belongs_to_event(tx, EventChild::Venue, b.0, event).await?;
            }
            koop_db::event::set_travel(tx, event, &stored).await?;
            Ok(Change::new(
                permit,
                (),
                "event",
                event.0,
                json!({ "travel": stored.iter().map(|(a, b, m)| json!([a, b, m])).collect::<Vec<_>>() }),
            ))
        })
        .await
    }
}

/// Travel times between venues, looked up both ways.
#[derive(Debug, Clone, Default)]
pub struct Travel(Vec<(VenueId, VenueId, i64)>);

impl Travel {
    /// From the stored pairs.
    pub fn new(pairs: Vec<(VenueId, VenueId, i64)>) -> Self {
        Travel(pairs)
    }

    /// Minutes from `a` to `b` (0 within a venue or without a time).
    pub fn minutes(&self, a: Option<VenueId>, b: Option<VenueId>) -> i64 {
        let (Some(a), Some(b)) = (a, b) else { return 0 };
        let key = (a.min(b), a.max(b));
        self.0
            .iter()
            .find(|(x, y, _)| (*x, *y) == key)
            .map_or(0, |t| t.2)
    }
}
