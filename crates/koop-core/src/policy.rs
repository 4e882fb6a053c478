//! Who may see or do what: the one place that decides it.
//!
//! Reads: the tenant filter in koop-db (`visibility::clause`) gives agency staff their
//! agency's records and everyone the published ones; [`event_access`] decides what a
//! viewer sees of an event and its people; [`crate::read::Reader`] applies both to
//! every query, so a new page (PDF, iCalendar, export) cannot forget them.
//!
//! Writes: every operation obtains a [`Permit`] from one of the functions here, and
//! `Change::new` takes one, so no operation can write without asking the policy. A
//! record the actor may not see gives `NotFound` (it leaks nothing); a record they may
//! see but not change gives `Forbidden`.
//!
//! | viewer | directory, agreements, cities, activities, outcomes | an event | its participant list | its meetings and requests |
//! |---|---|---|---|---|
//! | anonymous | published | published | organisations | none |
//! | participant | published | published, and their own | names too, at their own | their own |
//! | organiser | published | published; manages the ones they organise | all, at the ones they manage | all, at the ones they manage |
//! | agency staff | their agency's, granted, published | published; manages their agency's and co-organised ones | as organiser | as organiser |
//! | platform admin | all | manages all | all | all |
//!
//! Managing an event is split into tasks (`koop_domain::task::Task`: programme,
//! registrations, schedule, on the day, follow-up). The owning agency's staff and the
//! event's organisers do all of them; a co-organising agency's staff do the tasks the
//! owner granted ([`tasks`]), and only the owner changes the grants or the list of
//! organisers ([`owns`]). Reading what an organiser reads needs no task.
//!
//! Anyone who can see an event may register themselves at it while its organisers
//! keep registration open ([`register_self`]); they become a participant of it.

use crate::{Actor, CoreError, CoreResult};
use koop_db::Conn;
use koop_db::owner::{EventChild, Owned};
use koop_domain::account::Viewer;
use koop_domain::event::EventScope;
use koop_domain::ids::{AgencyId, EventId, ParticipantId};
use koop_domain::task::{Task, Tasks};

/// What a viewer may see and do at one event they can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventAccess {
    /// Runs it: organisers of it, staff of its owning or a co-organising agency, admins.
    Manage,
    /// Takes part as this participant.
    Attend(ParticipantId),
    /// Sees what the event publishes: programme, profiles, participating organisations.
    Public,
}

impl EventAccess {
    /// Whether people's names at the event may be shown.
    pub fn sees_names(self) -> bool {
        !matches!(self, EventAccess::Public)
    }

    /// Whether this viewer may see what `participant` sees of their own (agenda,
    /// requests, status).
    pub fn sees_own(self, participant: ParticipantId) -> bool {
        match self {
            EventAccess::Manage => true,
            EventAccess::Attend(p) => p == participant,
            EventAccess::Public => false,
        }
    }
}

/// What `viewer` may do at the event of `scope`; `None` when they may not see it at all.
pub fn event_access(viewer: Viewer, scope: &EventScope) -> Option<EventAccess> {
    let manages = match viewer {
        Viewer::Platform => true,
        Viewer::Staff(agency) => scope.is_run_by(agency),
        Viewer::Organiser {
            event: Some(event), ..
        } => event == scope.id,
        Viewer::Organiser {
            agency,
            event: None,
        } => scope.is_run_by(agency),
        Viewer::Participant { .. } | Viewer::Anonymous => false,
    };
    match viewer {
        _ if manages => Some(EventAccess::Manage),
        Viewer::Participant { event, participant } if event == scope.id => {
            Some(EventAccess::Attend(participant))
        }
        _ if scope.published => Some(EventAccess::Public),
        _ => None,
    }
}

/// What `viewer` may do at the event of `scope`: every task for its owning agency's
/// staff, the event's organisers and admins; what the owner granted for the staff and
/// organisers of a co-organising agency; nothing for anyone else.
pub fn tasks(viewer: Viewer, scope: &EventScope) -> Tasks {
    match viewer {
        Viewer::Platform => Tasks::all(),
        Viewer::Organiser {
            event: Some(event), ..
        } if event == scope.id => Tasks::all(),
        Viewer::Staff(agency)
        | Viewer::Organiser {
            agency,
            event: None,
        } => scope.tasks_of(agency),
        _ => Tasks::none(),
    }
}

/// Whether `viewer` owns the event of `scope`: may do everything and decide what its
/// co-organisers may do.
pub fn owns(viewer: Viewer, scope: &EventScope) -> bool {
    match viewer {
        Viewer::Platform => true,
        Viewer::Staff(agency) => agency == scope.agency,
        Viewer::Organiser { agency, event } => {
            agency == scope.agency && event.is_none_or(|e| e == scope.id)
        }
        _ => false,
    }
}

/// Whether `viewer` may change the records of `agency` (its directory, agreements,
/// partner cities, activities, outcomes). Only its staff and platform admins may.
pub fn may_change_agency_records(viewer: Viewer, agency: AgencyId) -> bool {
    match viewer {
        Viewer::Platform => true,
        Viewer::Staff(a) => a == agency,
        _ => false,
    }
}

/// Whether `viewer` may read the audit log, and whose: `Some(None)` for all of it.
pub fn audit_scope(viewer: Viewer) -> Option<Option<AgencyId>> {
    match viewer {
        Viewer::Platform => Some(None),
        Viewer::Staff(a) => Some(Some(a)),
        _ => None,
    }
}

/// The policy's consent to one change; the audit entry goes to `agency`'s log.
/// Only this module makes permits, and every write needs one.
#[derive(Debug, Clone, Copy)]
#[must_use = "a permit is given to the change it allows"]
pub(crate) struct Permit {
    agency: Option<AgencyId>,
}

impl Permit {
    /// The agency whose audit log records the change.
    pub(crate) fn agency(self) -> Option<AgencyId> {
        self.agency
    }
}

/// Changing the records of `agency`.
pub(crate) fn change_agency_records(actor: &Actor, agency: AgencyId) -> CoreResult<Permit> {
    if may_change_agency_records(actor.viewer(), agency) {
        Ok(Permit {
            agency: Some(agency),
        })
    } else {
        Err(CoreError::Forbidden)
    }
}

/// Platform-wide changes (agencies, admin accounts).
pub(crate) fn platform(actor: &Actor) -> CoreResult<Permit> {
    match actor.viewer() {
        Viewer::Platform => Ok(Permit { agency: None }),
        _ => Err(CoreError::Forbidden),
    }
}

/// The scope of an event and the actor's access to it, read in the caller's
/// transaction; `NotFound` when the actor may not see the event.
pub(crate) async fn event(
    conn: &mut Conn,
    actor: &Actor,
    event: EventId,
) -> CoreResult<(EventScope, EventAccess)> {
    let scope = koop_db::event::scope(conn, event).await?;
    let access = event_access(actor.viewer(), &scope).ok_or(CoreError::NotFound)?;
    Ok((scope, access))
}

/// Doing `task` at an event: its programme, registrations, schedule, the day, the
/// follow-up. A co-organiser's staff may do the tasks the owner granted.
pub(crate) async fn manage_event(
    conn: &mut Conn,
    actor: &Actor,
    event: EventId,
    task: Task,
) -> CoreResult<Permit> {
    let (scope, access) = self::event(conn, actor, event).await?;
    match access {
        EventAccess::Manage if tasks(actor.viewer(), &scope).contains(task) => Ok(Permit {
            agency: Some(scope.agency),
        }),
        _ => Err(CoreError::Forbidden),
    }
}

/// Deciding what an event's co-organisers may do: its owner only.
pub(crate) async fn own_event(
    conn: &mut Conn,
    actor: &Actor,
    event: EventId,
) -> CoreResult<Permit> {
    let (scope, _) = self::event(conn, actor, event).await?;
    if owns(actor.viewer(), &scope) {
        Ok(Permit {
            agency: Some(scope.agency),
        })
    } else {
        Err(CoreError::Forbidden)
    }
}

/// Registering oneself at `event`: anyone who may see it, while its registration is
/// open. Returns the event as read in the caller's transaction, with its settings.
pub(crate) async fn register_self(
    conn: &mut Conn,
    actor: &Actor,
    event: EventId,
) -> CoreResult<(Permit, koop_domain::event::Event)> {
    let (scope, _) = self::event(conn, actor, event).await?;
    let ev = koop_db::event::get(conn, event).await?;
    if !ev.settings.registration_open {
        return Err(CoreError::conflict(
            "registration_closed",
            "registration for this event is closed",
        ));
    }
    Ok((
        Permit {
            agency: Some(scope.agency),
        },
        ev,
    ))
}

/// Acting for `participant` of `event` (a request, an answer, a booking): the
/// participant themselves or the event's organisers. A participant of another event
/// is not found, so ids of other events leak nothing.
pub(crate) async fn act_for(
    conn: &mut Conn,
    actor: &Actor,
    event: EventId,
    participant: ParticipantId,
) -> CoreResult<Permit> {
    let (scope, access) = self::event(conn, actor, event).await?;
    if koop_db::participant::event_of(conn, participant).await? != event {
        return Err(CoreError::NotFound);
    }
    // Organisers act in a participant's name as part of the registrations' work.
    let allowed = match access {
        EventAccess::Manage => tasks(actor.viewer(), &scope).contains(Task::Registrations),
        _ => access.sees_own(participant),
    };
    if allowed {
        Ok(Permit {
            agency: Some(scope.agency),
        })
    } else {
        Err(CoreError::Forbidden)
    }
}

/// Checks that record `id` of `kind` is a child of `event`; `NotFound` otherwise, so
/// a session, participant or request of another event cannot be used in this one.
pub(crate) async fn belongs_to_event(
    conn: &mut Conn,
    kind: EventChild,
    id: i64,
    event: EventId,
) -> CoreResult<()> {
    if koop_db::owner::event_of(conn, kind, id).await? == event {
        Ok(())
    } else {
        Err(CoreError::NotFound)
    }
}

/// Checks that record `id` of `kind` belongs to `agency`; `NotFound` otherwise.
pub(crate) async fn belongs_to_agency(
    conn: &mut Conn,
    kind: Owned,
    id: i64,
    agency: AgencyId,
) -> CoreResult<()> {
    if koop_db::owner::agency_of(conn, kind, id).await? == agency {
        Ok(())
    } else {
        Err(CoreError::NotFound)
    }
}

/// Work that koop does itself after an operation that was permitted (an embedding
/// refresh after a profile was written, a queued job): audited to `agency`.
pub(crate) fn follow_up(agency: AgencyId) -> Permit {
    Permit {
        agency: Some(agency),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(published: bool) -> EventScope {
        EventScope {
            id: EventId(7),
            agency: AgencyId(1),
            co_agencies: vec![(AgencyId(3), Tasks::all())],
            published,
        }
    }

    #[test]
    fn a_co_organiser_does_the_granted_tasks_and_the_owner_does_all() {
        let mut s = scope(true);
        let day: Tasks = [Task::OnTheDay].into_iter().collect();
        s.co_agencies = vec![(AgencyId(3), day)];
        assert_eq!(tasks(Viewer::Staff(AgencyId(1)), &s), Tasks::all());
        assert_eq!(tasks(Viewer::Staff(AgencyId(3)), &s), day);
        let chamber_organiser = Viewer::Organiser {
            agency: AgencyId(3),
            event: None,
        };
        assert_eq!(tasks(chamber_organiser, &s), day);
        assert_eq!(tasks(Viewer::Staff(AgencyId(4)), &s), Tasks::none());
        let this_event = Viewer::Organiser {
            agency: AgencyId(1),
            event: Some(EventId(7)),
        };
        assert_eq!(tasks(this_event, &s), Tasks::all());
        assert!(owns(this_event, &s) && owns(Viewer::Platform, &s));
        assert!(!owns(Viewer::Staff(AgencyId(3)), &s));
        assert!(!owns(chamber_organiser, &s));
    }

    #[test]
    fn each_viewer_gets_the_access_of_the_table() {
        let s = scope(true);
        let me = ParticipantId(40);
        let cases = [
            (Viewer::Anonymous, Some(EventAccess::Public)),
            (
                Viewer::Participant {
                    event: EventId(7),
                    participant: me,
                },
                Some(EventAccess::Attend(me)),
            ),
            (
                Viewer::Participant {
                    event: EventId(8),
                    participant: ParticipantId(41),
                },
                Some(EventAccess::Public),
            ),
            (
                Viewer::Organiser {
                    agency: AgencyId(1),
                    event: Some(EventId(7)),
                },
                Some(EventAccess::Manage),
            ),
            (
                Viewer::Organiser {
                    agency: AgencyId(1),
                    event: Some(EventId(8)),
                },
                Some(EventAccess::Public),
            ),
            (
                Viewer::Organiser {
                    agency: AgencyId(3),
                    event: None,
                },
                Some(EventAccess::Manage),
            ),
            (Viewer::Staff(AgencyId(1)), Some(EventAccess::Manage)),
            (Viewer::Staff(AgencyId(3)), Some(EventAccess::Manage)),
            (Viewer::Staff(AgencyId(2)), Some(EventAccess::Public)),
            (Viewer::Platform, Some(EventAccess::Manage)),
        ];
        for (viewer, want) in cases {
            assert_eq!(event_access(viewer, &s), want, "{viewer:?}");
        }
    }

    #[test]
    fn an_unpublished_event_is_hidden_from_all_but_its_people() {
        let s = scope(false);
        assert_eq!(event_access(Viewer::Anonymous, &s), None);
        assert_eq!(event_access(Viewer::Staff(AgencyId(2)), &s), None);
        let other = Viewer::Participant {
            event: EventId(8),
            participant: ParticipantId(1),
        };
        assert_eq!(event_access(other, &s), None);
        assert_eq!(
            event_access(Viewer::Staff(AgencyId(3)), &s),
            Some(EventAccess::Manage)
        );
    }

    #[test]
    fn only_staff_and_admins_change_an_agencys_records() {
        let a = AgencyId(1);
        assert!(may_change_agency_records(Viewer::Staff(a), a));
        assert!(may_change_agency_records(Viewer::Platform, a));
        assert!(!may_change_agency_records(Viewer::Staff(AgencyId(2)), a));
        let organiser = Viewer::Organiser {
            agency: a,
            event: None,
        };
        assert!(!may_change_agency_records(organiser, a));
        let participant = Viewer::Participant {
            event: EventId(1),
            participant: ParticipantId(1),
        };
        assert!(!may_change_agency_records(participant, a));
        assert_eq!(audit_scope(participant), None);
        assert_eq!(audit_scope(Viewer::Staff(a)), Some(Some(a)));
    }
}
