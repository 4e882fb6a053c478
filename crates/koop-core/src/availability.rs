//! Which slots a participant cannot meet in: outside the windows they are present in
//! (a local partner at its station, in its hours), or too close to something else they
//! attend at that time (an official meeting, a company visit, the delegation's group
//! programme), counting the travel time between the two venues.

use chrono::{Duration, NaiveDateTime};
use koop_domain::event::{Presence, present};
use koop_domain::ids::VenueId;

/// Where and when something happens: a slot, or a block of time a participant is away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The venue.
    pub venue: Option<VenueId>,
    /// From.
    pub start: NaiveDateTime,
    /// Until.
    pub end: NaiveDateTime,
}

impl Place {
    /// Whether a meeting here collides with `busy`, given the minutes it takes to
    /// travel between the two venues (each way the same).
    fn collides(&self, busy: &Place, travel: i64) -> bool {
        let gap = Duration::minutes(travel);
        self.start < busy.end + gap && busy.start < self.end + gap
    }
}

/// The indices of `slots` a participant cannot use: those `windows` do not admit, and
/// those that collide with one of `busy`. `travel(a, b)` gives the minutes between two
/// venues.
pub fn unavailable_slots(
    slots: &[Place],
    windows: &[Presence],
    busy: &[Place],
    travel: impl Fn(Option<VenueId>, Option<VenueId>) -> i64,
) -> Vec<usize> {
    slots
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            !present(windows, s.venue, s.start, s.end)
                || busy.iter().any(|b| s.collides(b, travel(s.venue, b.venue)))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2019, 9, 18)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn place(venue: i64, from: (u32, u32), to: (u32, u32)) -> Place {
        Place {
            venue: Some(VenueId(venue)),
            start: at(from.0, from.1),
            end: at(to.0, to.1),
        }
    }

    #[test]
    fn the_group_programme_and_the_way_back_keep_slots_free() {
        // 45-minute slots at the hotel (venue 1) from 12:00.
        let slots: Vec<Place> = (0..6)
            .map(|i| {
                let start = at(12, 0) + Duration::minutes(45 * i);
                Place {
                    venue: Some(VenueId(1)),
                    start,
                    end: start + Duration::minutes(45),
                }
            })
            .collect();
        // A company visit across town (venue 2) until 13:00, 30 minutes away.
        let visit = place(2, (9, 0), (13, 0));
        let travel = |a: Option<VenueId>, b: Option<VenueId>| if a == b { 0 } else { 30 };
        let blocked = unavailable_slots(&slots, &[], &[visit], travel);
        // 12:00 and 12:45 are during the visit or the way back (until 13:30).
        assert_eq!(blocked, vec![0, 1]);
        // A local partner in the hotel only from 13:30 to 15:00.
        let hours = Presence {
            venue_id: Some(VenueId(1)),
            from: Some(at(13, 30)),
            until: Some(at(15, 0)),
        };
        let blocked = unavailable_slots(&slots, &[hours], &[], travel);
        assert_eq!(
            blocked,
            vec![0, 1, 4, 5],
            "13:30 and 14:15 fit, up to 15:00"
        );
    }
}
