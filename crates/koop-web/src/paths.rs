//! Typed paths: every page's address is built here, so templates and handlers hold no
//! URL strings, and a route's address changes in one place. A path takes its record's
//! typed id (an `EventId` cannot go where an `OrgId` belongs), or the plain number a
//! display row carries.

use koop_core::domain::ids::{ActivityId, AgreementId, EventId, OrgId, PartnerCityId};

/// An id usable in the path of a `T`: the typed id itself, or a raw number.
pub trait IdOf<T> {
    /// The number in the path.
    fn raw(&self) -> i64;
}

macro_rules! ids {
    ($($t:ty),*) => {$(
        impl IdOf<$t> for $t {
            fn raw(&self) -> i64 {
                self.0
            }
        }
        impl IdOf<$t> for &$t {
            fn raw(&self) -> i64 {
                self.0
            }
        }
        impl IdOf<$t> for i64 {
            fn raw(&self) -> i64 {
                *self
            }
        }
        impl IdOf<$t> for &i64 {
            fn raw(&self) -> i64 {
                **self
            }
        }
    )*};
}
ids!(OrgId, AgreementId, PartnerCityId, ActivityId, EventId);

/// The start page.
pub const HOME: &str = "/";
/// Log in (GET the form, POST it).
pub const LOGIN: &str = "/login";
/// Log out (POST).
pub const LOGOUT: &str = "/logout";
/// The directory.
pub const ORGANISATIONS: &str = "/organisations";
/// Networks and their members.
pub const NETWORKS: &str = "/networks";
/// Clusters and their members.
pub const CLUSTERS: &str = "/clusters";
/// Where clusters overlap.
pub const CLUSTER_OVERLAPS: &str = "/clusters/overlap";
/// Cooperation agreements.
pub const AGREEMENTS: &str = "/agreements";
/// Partner cities.
pub const PARTNER_CITIES: &str = "/partner-cities";
/// Events.
pub const EVENTS: &str = "/events";
/// Activities.
pub const ACTIVITIES: &str = "/activities";
/// Outcomes.
pub const OUTCOMES: &str = "/outcomes";
/// Agencies.
pub const AGENCIES: &str = "/agencies";
/// The audit log.
pub const AUDIT: &str = "/audit";
/// The visitor's own account.
pub const ACCOUNT: &str = "/account";
/// Everything koop holds about the visitor, as JSON.
pub const OWN_DATA: &str = "/account/data.json";
/// Erasing the visitor's account (POST).
pub const ERASE_ACCOUNT: &str = "/account/erase";
/// The form for a new organisation.
pub const NEW_ORGANISATION: &str = "/manage/organisations/new";

/// An organisation's page.
pub fn organisation(id: impl IdOf<OrgId>) -> String {
    format!("/organisations/{}", id.raw())
}

/// A cluster's (or network's) complements page.
pub fn cluster_complements(id: impl IdOf<OrgId>) -> String {
    format!("/clusters/{}/complements", id.raw())
}

/// An agreement's page.
pub fn agreement(id: impl IdOf<AgreementId>) -> String {
    format!("/agreements/{}", id.raw())
}

/// A partner-city relation's page.
pub fn partner_city(id: impl IdOf<PartnerCityId>) -> String {
    format!("/partner-cities/{}", id.raw())
}

/// An activity's page.
pub fn activity(id: impl IdOf<ActivityId>) -> String {
    format!("/activities/{}", id.raw())
}

/// An agency's page.
pub fn agency(slug: &str) -> String {
    format!("/agencies/{slug}")
}

/// An agency's council report (add `.pdf` or `.xlsx` for the files).
pub fn report(slug: &str) -> String {
    format!("/agencies/{slug}/report")
}

/// Import and export of the agency's records.
pub const TRANSFER: &str = "/manage/import";

/// Setting a goal's target for a year (POST).
pub const GOAL_TARGET: &str = "/manage/goals/target";

/// The form for recording an activity.
pub const NEW_ACTIVITY: &str = "/manage/activities/new";

/// The form for recording an agreement.
pub const NEW_AGREEMENT: &str = "/manage/agreements/new";

/// The form for recording a partner-city relation.
pub const NEW_PARTNER_CITY: &str = "/manage/partner-cities/new";

/// The form for recording an outcome.
pub const NEW_OUTCOME: &str = "/manage/outcomes/new";

/// The agency's funding calls.
pub const CALLS: &str = "/manage/calls";

/// A funding call's page.
pub fn call(id: i64) -> String {
    format!("/manage/calls/{id}")
}

/// A membership's form (role, dates, the day it ended).
pub fn membership(id: i64) -> String {
    format!("/memberships/{id}")
}

/// The agency's cross-cluster project ideas.
pub const IDEAS: &str = "/manage/ideas";

/// A project idea's page.
pub fn idea(id: i64) -> String {
    format!("/manage/ideas/{id}")
}

/// The investor and settlement projects of the staff member's agency.
pub const SETTLEMENTS: &str = "/manage/settlements";

/// A settlement project's page.
pub fn settlement(id: i64) -> String {
    format!("/manage/settlements/{id}")
}

/// A UI language switch.
pub fn language(code: &str) -> String {
    format!("/lang/{code}")
}

/// An event's page.
pub fn event(id: impl IdOf<EventId>) -> String {
    format!("/events/{}", id.raw())
}

/// Who takes part in an event.
pub fn event_participants(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/participants", id.raw())
}

/// An event's cooperation profiles.
pub fn event_profiles(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/profiles", id.raw())
}

/// An event's meeting agenda.
pub fn event_meetings(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/meetings", id.raw())
}

/// Recommended partners at an event (for `participant`, when organisers look).
pub fn event_recommendations(id: impl IdOf<EventId>, participant: Option<i64>) -> String {
    match participant {
        Some(p) => format!("/events/{}/recommendations?participant={p}", id.raw()),
        None => format!("/events/{}/recommendations", id.raw()),
    }
}

/// A participant's calendar feed (iCalendar), readable with its token without a login.
pub fn agenda_feed(id: impl IdOf<EventId>, participant: i64, token: &str) -> String {
    format!(
        "/events/{}/agenda.ics?participant={participant}&token={token}",
        id.raw()
    )
}

/// A participant's meeting requests (for organisers: of `participant`).
pub fn event_inbox(id: impl IdOf<EventId>, participant: Option<i64>) -> String {
    match participant {
        Some(p) => format!("/events/{}/inbox?participant={p}", id.raw()),
        None => format!("/events/{}/inbox", id.raw()),
    }
}

/// Answering one meeting request (POST).
pub fn event_request(id: impl IdOf<EventId>, request: i64) -> String {
    format!("/events/{}/requests/{request}", id.raw())
}

/// Where meeting requests are sent (POST).
pub fn event_requests(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/requests", id.raw())
}

/// The organisers' view of who needs help finding partners.
pub fn event_matching(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/matching", id.raw())
}

/// The scheduler's runs for an event (GET), and starting one (POST).
pub fn event_schedule(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/schedule", id.raw())
}

/// The organisers' page for one day of an event (check-in, meetings held).
pub fn event_day(id: impl IdOf<EventId>, date: Option<chrono::NaiveDate>) -> String {
    match date {
        Some(d) => format!("/events/{}/day?date={d}", id.raw()),
        None => format!("/events/{}/day", id.raw()),
    }
}

/// Checking a participant in (POST).
pub fn event_check_in(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/day/check-in", id.raw())
}

/// Marking a meeting held or a no-show (POST).
pub fn event_day_meeting(id: impl IdOf<EventId>, meeting: i64) -> String {
    format!("/events/{}/day/meetings/{meeting}", id.raw())
}

/// An event's statistics, for its organisers.
pub fn event_statistics(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/statistics", id.raw())
}

/// Rating a meeting (POST).
pub fn meeting_rating(id: impl IdOf<EventId>, meeting: i64) -> String {
    format!("/events/{}/meetings/{meeting}/rating", id.raw())
}

/// Publishing an event's schedule (POST).
pub fn event_schedule_state(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/schedule/state", id.raw())
}

/// A new event (GET the form, POST it).
pub const NEW_EVENT: &str = "/manage/events/new";

/// An event's setup: fields, settings, venues and sessions (GET; POST the fields).
pub fn event_setup(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/setup", id.raw())
}

pub fn event_co_organisers(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/co-organisers", id.raw())
}

pub fn event_co_organiser(id: impl IdOf<EventId>, org: &i64) -> String {
    format!("/events/{}/co-organisers/{org}", id.raw())
}

/// POST an event's registration and matchmaking settings.
pub fn event_settings(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/setup/settings", id.raw())
}

/// POST to publish an event (`publish=on`) or take it back.
pub fn event_publication(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/setup/publication", id.raw())
}

/// POST a new venue.
pub fn event_venues(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/setup/venues", id.raw())
}

/// POST to remove a venue.
pub fn event_venue_removal(id: impl IdOf<EventId>, venue: i64) -> String {
    format!("/events/{}/setup/venues/{venue}/remove", id.raw())
}

/// POST a new session.
pub fn event_sessions(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/setup/sessions", id.raw())
}

/// POST to remove a session.
pub fn session_tables(id: impl IdOf<EventId>, session: i64) -> String {
    format!("/events/{}/setup/sessions/{session}/tables", id.raw())
}

pub fn event_session_removal(id: impl IdOf<EventId>, session: i64) -> String {
    format!("/events/{}/setup/sessions/{session}/remove", id.raw())
}

/// Register at an event (GET the form, POST it).
pub fn event_registration(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/register", id.raw())
}

/// The organisers' list of registrations.
pub fn event_registrations(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/registrations", id.raw())
}

/// POST to confirm a registration.
pub fn registration_confirmation(id: impl IdOf<EventId>, participant: i64) -> String {
    format!("/events/{}/registrations/{participant}/confirm", id.raw())
}

/// The form for a new cooperation profile at an event.
pub fn event_profile_new(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/profiles/new", id.raw())
}

/// The form that edits a cooperation profile.
pub fn profile_edit(id: i64) -> String {
    format!("/profiles/{id}/edit")
}

/// Publishing a profile or taking it off the marketplace.
pub fn profile_publication(id: i64) -> String {
    format!("/profiles/{id}/publication")
}

/// Writing to an event's participants (to one, when given).
pub fn event_messages(id: impl IdOf<EventId>, participant: Option<i64>) -> String {
    match participant {
        Some(p) => format!("/events/{}/messages?participant={p}", id.raw()),
        None => format!("/events/{}/messages", id.raw()),
    }
}

/// A participant's agenda as PDF (organisers name the participant).
pub fn agenda_pdf(id: impl IdOf<EventId>, participant: Option<i64>) -> String {
    match participant {
        Some(p) => format!("/events/{}/agenda.pdf?participant={p}", id.raw()),
        None => format!("/events/{}/agenda.pdf", id.raw()),
    }
}

/// The table plan and the lists per table, as PDF.
pub fn table_plan_pdf(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/table-plan.pdf", id.raw())
}

/// The standby list for the slot of a no-show meeting.
pub fn event_standby(id: impl IdOf<EventId>, meeting: i64) -> String {
    format!("/events/{}/day/meetings/{meeting}/standby", id.raw())
}

/// A participant's follow-up form (organisers name the participant).
pub fn event_follow_up(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/follow-up", id.raw())
}

/// Sending a survey of an event.
pub fn event_surveys(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/surveys", id.raw())
}

pub fn event_printouts(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/printouts", id.raw())
}

pub fn event_changes(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/changes", id.raw())
}

pub fn event_changes_pdf(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/changes.pdf", id.raw())
}

pub fn meeting_move(id: impl IdOf<EventId>, meeting: i64) -> String {
    format!("/events/{}/meetings/{meeting}/move", id.raw())
}

pub fn event_visits(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/visits", id.raw())
}

pub fn visit_wishes(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/visits/wishes", id.raw())
}

pub fn visit_assign(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/visits/assign", id.raw())
}

pub fn visit_give_back(id: impl IdOf<EventId>, booking: i64) -> String {
    format!("/events/{}/visits/bookings/{booking}/give-back", id.raw())
}

pub fn event_travel(id: impl IdOf<EventId>) -> String {
    format!("/events/{}/setup/travel", id.raw())
}
