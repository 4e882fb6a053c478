//! Events (cooperation exchanges, delegation trips, …), their venues, sessions and participants.

use crate::DomainError;
use crate::ids::{AgencyId, EventId, OrgId, ParticipantId, PersonId, SessionId, VenueId};
use crate::text_enum;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

text_enum!(
    /// What kind of event this is.
    EventKind, "kind" {
        /// A cooperation exchange (Kooperationsbörse) with B2B meetings.
        CooperationExchange = "cooperation_exchange",
        /// A delegation trip with stations.
        DelegationTrip = "delegation_trip",
        /// A joint stand at a trade fair.
        TradeFairJointStand = "trade_fair_joint_stand",
        /// A conference.
        Conference = "conference",
        /// A meeting of cluster managers or members.
        ClusterMeeting = "cluster_meeting",
        /// An online (virtual) business mission.
        OnlineMission = "online_mission",
    }
);

/// An event with its organisers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id.
    pub id: EventId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: EventData,
    /// Whether anonymous visitors may see it.
    pub published: bool,
    /// Whether its participants see the meeting schedule yet.
    pub schedule: ScheduleState,
    /// How registration and matchmaking run.
    pub settings: crate::settings::EventSettings,
}

impl Event {
    /// Whether participants see their meetings: once the organisers publish the
    /// schedule, and at once where partners pick the times themselves.
    pub fn agenda_visible(&self) -> bool {
        self.schedule.is_published()
            || self.settings.scheduling_mode == crate::settings::SchedulingMode::PartnerPicks
    }
}

text_enum!(
    /// How far the meeting schedule of an event is published to its participants.
    ScheduleState, "schedule" {
        /// Organisers are still working on it; participants do not see it.
        Draft = "draft",
        /// Participants see it, marked as not final yet.
        Preliminary = "preliminary",
        /// Participants see it as it will be.
        Final = "final",
    }
);

impl ScheduleState {
    /// Whether participants see the schedule.
    pub fn is_published(self) -> bool {
        self != ScheduleState::Draft
    }
}

/// Who runs an event, as far as rights are concerned: the owning agency, the agencies
/// whose own organisation co-organises it, and whether the public may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventScope {
    /// The event.
    pub id: EventId,
    /// The owning agency (the tenant of the event's records).
    pub agency: AgencyId,
    /// Agencies whose organisation is among the event's organisers, each with what
    /// the owner lets its staff do.
    pub co_agencies: Vec<(AgencyId, crate::task::Tasks)>,
    /// Whether anonymous visitors may see it.
    pub published: bool,
}

impl EventScope {
    /// Whether `agency` runs the event, as owner or co-organiser.
    pub fn is_run_by(&self, agency: AgencyId) -> bool {
        self.agency == agency || self.co_agencies.iter().any(|(a, _)| *a == agency)
    }

    /// What the staff of `agency` may do at the event: everything for the owner, what
    /// the owner granted for a co-organiser, nothing for others.
    pub fn tasks_of(&self, agency: AgencyId) -> crate::task::Tasks {
        if self.agency == agency {
            return crate::task::Tasks::all();
        }
        self.co_agencies
            .iter()
            .filter(|(a, _)| *a == agency)
            .fold(crate::task::Tasks::none(), |acc, (_, t)| acc.union(*t))
    }
}

/// The editable fields of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventData {
    /// Kind.
    pub kind: EventKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// First day.
    pub start_on: NaiveDate,
    /// Last day.
    pub end_on: NaiveDate,
    /// The organisations that run it.
    pub organiser_ids: Vec<OrgId>,
}

impl EventData {
    /// Checks dates and that there is at least one organiser.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::optional_text("description", &self.description, 10_000)?;
        if self.end_on < self.start_on {
            return Err(DomainError::new(
                "end_on",
                "ends_before_start",
                format!("end {} is before start {}", self.end_on, self.start_on),
            ));
        }
        if self.organiser_ids.is_empty() {
            return Err(DomainError::new(
                "organisers",
                "no_organiser",
                "an event needs at least one organiser",
            ));
        }
        Ok(())
    }

    /// Number of days, counting both ends.
    pub fn days(&self) -> i64 {
        (self.end_on - self.start_on).num_days() + 1
    }
}

/// A venue of an event; also the stations of a delegation trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Venue {
    /// Id.
    pub id: VenueId,
    /// The event.
    pub event_id: EventId,
    /// Name, e.g. "Innovations- und Gründerzentrum Barleben".
    pub name: String,
    /// Address.
    pub address: String,
    /// City.
    pub city: String,
    /// IANA time zone, e.g. "Europe/Berlin", "Asia/Almaty".
    pub time_zone: String,
}

/// Checks an IANA-looking time zone name (Area/Location); the full list is not embedded.
pub fn check_time_zone(tz: &str) -> Result<(), DomainError> {
    let ok = tz == "UTC"
        || tz.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && !tz.contains(char::is_whitespace)
        });
    if ok {
        Ok(())
    } else {
        Err(DomainError::new(
            "time_zone",
            "invalid_time_zone",
            format!("'{tz}' is not a time zone such as Europe/Berlin"),
        )
        .with("value", tz))
    }
}

text_enum!(
    /// What happens in a session.
    SessionKind, "kind" {
        /// Company presentations.
        Presentations = "presentations",
        /// Networking.
        Networking = "networking",
        /// Scheduled B2B meetings at tables.
        B2bMeetings = "b2b_meetings",
        /// Company visits.
        CompanyVisits = "company_visits",
        /// Official meetings (ministries, embassies, chambers).
        OfficialMeetings = "official_meetings",
        /// Travel between stations.
        Travel = "travel",
    }
);

/// A session of an event at one venue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Id.
    pub id: SessionId,
    /// The event.
    pub event_id: EventId,
    /// The venue.
    pub venue_id: Option<VenueId>,
    /// Editable fields.
    #[serde(flatten)]
    pub data: SessionData,
}

/// The editable fields of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionData {
    /// Kind.
    pub kind: SessionKind,
    /// Title.
    pub title: String,
    /// Start, local time at the venue.
    pub starts_at: NaiveDateTime,
    /// End, local time at the venue.
    pub ends_at: NaiveDateTime,
    /// Length of one meeting slot in minutes (B2B sessions).
    pub slot_minutes: Option<i64>,
    /// Number of tables (B2B sessions).
    pub tables: Option<i64>,
    /// Breaks within the session (a coffee break, lunch): no meeting slot overlaps one.
    #[serde(default)]
    pub breaks: Vec<Break>,
}

/// A break within a session, as wall-clock times of its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Break {
    /// Start.
    pub from: NaiveTime,
    /// End.
    pub to: NaiveTime,
}

impl Break {
    /// Reads breaks written as `11:00-11:20, 12:30-13:00` (a dash or an en dash);
    /// an empty text is none.
    pub fn parse_list(text: &str) -> Result<Vec<Break>, DomainError> {
        let bad = |part: &str| {
            DomainError::new(
                "breaks",
                "invalid_break",
                format!("'{part}' is not a break such as 11:00-11:20"),
            )
            .with("value", part)
        };
        let mut out = Vec::new();
        for part in text
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (from, to) = part.split_once(['-', '–']).ok_or_else(|| bad(part))?;
            let time =
                |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| bad(part));
            let b = Break {
                from: time(from)?,
                to: time(to)?,
            };
            if b.to <= b.from {
                return Err(bad(part));
            }
            out.push(b);
        }
        out.sort_by_key(|b| b.from);
        Ok(out)
    }

    /// The breaks written back as the form shows them.
    pub fn list_text(breaks: &[Break]) -> String {
        breaks
            .iter()
            .map(|b| format!("{}-{}", b.from.format("%H:%M"), b.to.format("%H:%M")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl SessionData {
    /// Checks the time range, and that B2B sessions have slots and tables that fit.
    pub fn check(&self) -> Result<(), DomainError> {
        if self.ends_at <= self.starts_at {
            return Err(DomainError::new(
                "ends_at",
                "ends_before_start",
                format!("end {} is not after start {}", self.ends_at, self.starts_at),
            ));
        }
        if self.kind == SessionKind::B2bMeetings {
            let slot = self.slot_minutes.unwrap_or(0);
            if slot <= 0 {
                return Err(DomainError::new(
                    "slot_minutes",
                    "required",
                    "a B2B session needs a slot length in minutes",
                ));
            }
            if self.tables.unwrap_or(0) <= 0 {
                return Err(DomainError::new(
                    "tables",
                    "required",
                    "a B2B session needs at least one table",
                ));
            }
            for b in &self.breaks {
                let day = self.starts_at.date();
                if day.and_time(b.from) < self.starts_at || day.and_time(b.to) > self.ends_at {
                    return Err(DomainError::new(
                        "breaks",
                        "break_outside",
                        format!(
                            "the break {}-{} is not within the session",
                            b.from.format("%H:%M"),
                            b.to.format("%H:%M")
                        ),
                    ));
                }
            }
            if self.slots_without_breaks() == 0 {
                return Err(DomainError::new(
                    "slot_minutes",
                    "slot_too_long",
                    format!("a {slot}-minute slot does not fit into the session"),
                ));
            }
            if self.slot_count() == 0 {
                return Err(DomainError::new(
                    "breaks",
                    "no_slot_left",
                    "the breaks leave no meeting slot in the session",
                ));
            }
        }
        Ok(())
    }

    /// The starts of the session's meeting slots: whole slots from its start, leaving
    /// out those that overlap a break.
    pub fn slot_starts(&self) -> Vec<NaiveDateTime> {
        let Some(m) = self.slot_minutes.filter(|m| *m > 0) else {
            return vec![];
        };
        let n = (self.ends_at - self.starts_at).num_minutes() / m;
        (0..n)
            .map(|k| self.starts_at + chrono::Duration::minutes(k * m))
            .filter(|start| {
                let end = *start + chrono::Duration::minutes(m);
                !self.breaks.iter().any(|b| {
                    let (bf, bt) = (start.date().and_time(b.from), start.date().and_time(b.to));
                    bf < end && *start < bt
                })
            })
            .collect()
    }

    /// How many whole meeting slots fit into the session, around its breaks.
    pub fn slot_count(&self) -> i64 {
        self.slot_starts().len() as i64
    }

    /// How many whole meeting slots would fit without breaks.
    fn slots_without_breaks(&self) -> i64 {
        match self.slot_minutes {
            Some(m) if m > 0 => (self.ends_at - self.starts_at).num_minutes() / m,
            _ => 0,
        }
    }
}

text_enum!(
    /// Where a participant's registration stands.
    ParticipantStatus, "status" {
        /// Registered, not yet confirmed by the organiser.
        Registered = "registered",
        /// Confirmed.
        Confirmed = "confirmed",
        /// Came to the event.
        Attended = "attended",
        /// Confirmed but did not come.
        NoShow = "no_show",
        /// Cancelled the registration.
        Cancelled = "cancelled",
    }
);

impl ParticipantStatus {
    /// The organiser confirms a registration.
    pub fn confirm(self) -> Result<Self, DomainError> {
        match self {
            Self::Registered => Ok(Self::Confirmed),
            s => Err(DomainError::illegal_transition(
                "participant",
                s.as_str(),
                "confirmed",
            )),
        }
    }

    /// Check-in at the event: only confirmed participants attend.
    pub fn check_in(self) -> Result<Self, DomainError> {
        match self {
            Self::Confirmed | Self::NoShow => Ok(Self::Attended),
            s => Err(DomainError::illegal_transition(
                "participant",
                s.as_str(),
                "checked in",
            )),
        }
    }

    /// Marked as absent after the event.
    pub fn mark_no_show(self) -> Result<Self, DomainError> {
        match self {
            Self::Confirmed => Ok(Self::NoShow),
            s => Err(DomainError::illegal_transition(
                "participant",
                s.as_str(),
                "marked as no-show",
            )),
        }
    }

    /// The participant cancels before the event.
    pub fn cancel(self) -> Result<Self, DomainError> {
        match self {
            Self::Registered | Self::Confirmed => Ok(Self::Cancelled),
            s => Err(DomainError::illegal_transition(
                "participant",
                s.as_str(),
                "cancelled",
            )),
        }
    }

    /// Whether the participant takes part (may get meetings).
    pub fn is_active(self) -> bool {
        matches!(self, Self::Registered | Self::Confirmed | Self::Attended)
    }
}

text_enum!(
    /// A participant's role in the event.
    ParticipantRole, "role" {
        /// A company or institution taking part in meetings.
        Delegate = "delegate",
        /// An entrepreneur on a delegation trip.
        Entrepreneur = "entrepreneur",
        /// An official (ministry, embassy, chamber).
        Official = "official",
        /// Organising staff.
        Staff = "staff",
        /// Press.
        Press = "press",
        /// A company, association or institute met at a station of a trip, recorded by
        /// the agency; it needs no account.
        LocalPartner = "local_partner",
    }
);

/// Where and when a participant can meet: at a venue (a trip's station), from and
/// until a time (local wall-clock time of that venue). A participant with windows meets
/// only inside one of them; one without any, wherever the event has slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// The venue, if the window is bound to one.
    pub venue_id: Option<VenueId>,
    /// From.
    pub from: Option<NaiveDateTime>,
    /// Until.
    pub until: Option<NaiveDateTime>,
}

impl Presence {
    /// Checks that the window does not end before it begins.
    pub fn check(&self) -> Result<(), DomainError> {
        if let (Some(f), Some(u)) = (self.from, self.until)
            && u <= f
        {
            return Err(DomainError::new(
                "until",
                "ends_before_start",
                format!("the window ends at {u}, not after it begins at {f}"),
            )
            .with("value", u.to_string()));
        }
        Ok(())
    }

    /// Whether a meeting at `venue` from `start` to `end` lies inside the window.
    pub fn admits(&self, venue: Option<VenueId>, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        self.venue_id.is_none_or(|v| Some(v) == venue)
            && self.from.is_none_or(|f| f <= start)
            && self.until.is_none_or(|u| end <= u)
    }
}

/// Whether `windows` let a participant meet at `venue` from `start` to `end`.
pub fn present(
    windows: &[Presence],
    venue: Option<VenueId>,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> bool {
    windows.is_empty() || windows.iter().any(|w| w.admits(venue, start, end))
}

/// A person registered at an event for an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Id.
    pub id: ParticipantId,
    /// The event.
    pub event_id: EventId,
    /// The person.
    pub person_id: PersonId,
    /// The organisation they represent.
    pub org_id: OrgId,
    /// Role.
    pub role: ParticipantRole,
    /// Status.
    pub status: ParticipantStatus,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn b2b(minutes: Option<i64>, tables: Option<i64>) -> SessionData {
        let day = NaiveDate::from_ymd_opt(2019, 4, 3).unwrap();
        SessionData {
            kind: SessionKind::B2bMeetings,
            title: "Kooperationsgespräche".into(),
            starts_at: day.and_hms_opt(10, 0, 0).unwrap(),
            ends_at: day.and_hms_opt(13, 0, 0).unwrap(),
            slot_minutes: minutes,
            tables,
            breaks: vec![],
        }
    }

    #[test]
    fn a_local_partner_meets_only_at_its_station_in_its_hours() {
        let day = NaiveDate::from_ymd_opt(2019, 9, 18).unwrap();
        let at = |h| day.and_hms_opt(h, 0, 0).unwrap();
        let almaty = Presence {
            venue_id: Some(VenueId(2)),
            from: Some(at(14)),
            until: Some(at(17)),
        };
        let w = std::slice::from_ref(&almaty);
        assert!(present(w, Some(VenueId(2)), at(14), at(15)));
        assert!(
            !present(w, Some(VenueId(2)), at(16), at(18)),
            "runs past 17:00"
        );
        assert!(
            !present(w, Some(VenueId(3)), at(14), at(15)),
            "another station"
        );
        assert!(
            present(&[], Some(VenueId(3)), at(9), at(10)),
            "no windows: anywhere"
        );
        let backwards = Presence {
            venue_id: None,
            from: Some(at(17)),
            until: Some(at(14)),
        };
        assert_eq!(backwards.check().unwrap_err().field, "until");
    }

    #[test]
    fn b2b_sessions_need_slots_and_tables() {
        assert_eq!(b2b(Some(20), Some(12)).slot_count(), 9);
        let mut with_breaks = b2b(Some(20), Some(12));
        with_breaks.breaks = Break::parse_list("11:00-11:20, 12:10 – 12:30").unwrap();
        // 11:00 is the coffee break; 12:00 and 12:20 touch the second one.
        let starts: Vec<String> = with_breaks
            .slot_starts()
            .iter()
            .map(|t| t.format("%H:%M").to_string())
            .collect();
        assert_eq!(
            starts,
            ["10:00", "10:20", "10:40", "11:20", "11:40", "12:40"]
        );
        assert!(with_breaks.check().is_ok());
        assert_eq!(
            Break::list_text(&with_breaks.breaks),
            "11:00-11:20, 12:10-12:30"
        );
        for bad in ["Kaffee", "11:20-11:00", "11-12"] {
            assert_eq!(Break::parse_list(bad).unwrap_err().field, "breaks", "{bad}");
        }
        assert!(b2b(Some(20), Some(12)).check().is_ok());
        assert_eq!(
            b2b(None, Some(12)).check().unwrap_err().field,
            "slot_minutes"
        );
        assert_eq!(b2b(Some(20), Some(0)).check().unwrap_err().field, "tables");
        assert_eq!(
            b2b(Some(240), Some(3)).check().unwrap_err().code,
            "slot_too_long"
        );
    }

    #[test]
    fn participants_attend_only_after_confirmation() {
        let s = ParticipantStatus::Registered;
        assert!(s.check_in().is_err());
        let s = s.confirm().unwrap();
        assert_eq!(s.mark_no_show().unwrap(), ParticipantStatus::NoShow);
        assert_eq!(s.check_in().unwrap(), ParticipantStatus::Attended);
        assert!(ParticipantStatus::Attended.cancel().is_err());
        assert!(!ParticipantStatus::Cancelled.is_active());
    }

    #[test]
    fn time_zones_look_like_iana_names() {
        assert!(check_time_zone("Asia/Tashkent").is_ok());
        assert!(check_time_zone("UTC").is_ok());
        assert!(check_time_zone("Berlin").is_err());
    }
}
