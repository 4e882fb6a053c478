//! iCalendar (RFC 5545) agendas: one `VEVENT` per meeting, with times in the venue's
//! time zone (`DTSTART;TZID=Europe/Berlin:…`) and a `VTIMEZONE` for every zone used,
//! built from the tz database for the period of the events. A meeting keeps its `UID`
//! across schedule changes, so a calendar that polls the feed updates it in place;
//! a cancelled meeting stays in the feed with `STATUS:CANCELLED`.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One meeting in a calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable across changes: the same meeting keeps it.
    pub uid: String,
    /// Start, local to `time_zone`.
    pub start: NaiveDateTime,
    /// End, local to `time_zone`.
    pub end: NaiveDateTime,
    /// IANA zone of the venue (`Europe/Berlin`); unknown zones are written in UTC.
    pub time_zone: String,
    /// One line: who meets.
    pub summary: String,
    /// Where: venue, table.
    pub location: String,
    /// More text (partners, countries).
    pub description: String,
    /// Cancelled meetings stay in the feed, marked so.
    pub cancelled: bool,
}

/// A calendar: a name and its entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// Shown by calendar apps as the calendar's name.
    pub name: String,
    /// The meetings.
    pub entries: Vec<Entry>,
}

/// Writes `cal` as iCalendar text, `now` as every entry's `DTSTAMP`.
pub fn write(cal: &Calendar, now: DateTime<Utc>) -> String {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//koop//Agenda//DE");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.property("X-WR-CALNAME", &text(&cal.name));
    let mut zones: BTreeMap<&str, Vec<NaiveDateTime>> = BTreeMap::new();
    for e in &cal.entries {
        if e.time_zone.parse::<Tz>().is_ok() {
            zones
                .entry(&e.time_zone)
                .or_default()
                .extend([e.start, e.end]);
        }
    }
    for (name, times) in &zones {
        if let Ok(tz) = name.parse::<Tz>() {
            vtimezone(&mut out, name, tz, times);
        }
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for e in &cal.entries {
        out.line("BEGIN:VEVENT");
        out.property("UID", &text(&e.uid));
        out.property("DTSTAMP", &stamp);
        match e.time_zone.parse::<Tz>() {
            Ok(_) => {
                let tzid = format!("TZID={}", e.time_zone);
                out.property(&format!("DTSTART;{tzid}"), &local(e.start));
                out.property(&format!("DTEND;{tzid}"), &local(e.end));
            }
            // Without rules for the zone the times are taken as UTC.
            Err(_) => {
                out.property("DTSTART", &format!("{}Z", local(e.start)));
                out.property("DTEND", &format!("{}Z", local(e.end)));
            }
        }
        out.property("SUMMARY", &text(&e.summary));
        if !e.location.is_empty() {
            out.property("LOCATION", &text(&e.location));
        }
        if !e.description.is_empty() {
            out.property("DESCRIPTION", &text(&e.description));
        }
        out.property(
            "STATUS",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        );
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.0
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// The offset of `tz` at local time `t`, in seconds east of UTC.
fn offset_at(tz: Tz, t: NaiveDateTime) -> i32 {
    tz.offset_from_local_datetime(&t)
        .earliest()
        .or_else(|| {
            tz.offset_from_local_datetime(&(t + Duration::hours(1)))
                .earliest()
        })
        .map_or(0, |o| o.fix().local_minus_utc())
}

fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// A `VTIMEZONE` that is right for every time in `times`: one observance for the offset
/// before the first of them, and one for each change of offset between them, found by
/// bisection in the tz database.
fn vtimezone(out: &mut Lines, name: &str, tz: Tz, times: &[NaiveDateTime]) {
    let mut times = times.to_vec();
    times.sort();
    let (Some(&first), Some(&last)) = (times.first(), times.last()) else {
        return;
    };
    // Changes of offset between the first and the last time, as (UTC instant, from, to).
    let mut changes = Vec::new();
    let to_utc = |t: NaiveDateTime| t - Duration::seconds(offset_at(tz, t) as i64);
    let (mut at, end) = (to_utc(first), to_utc(last));
    let off = |u: NaiveDateTime| tz.from_utc_datetime(&u).offset().fix().local_minus_utc();
    while at < end {
        let step = (at + Duration::days(1)).min(end);
        if off(at) != off(step) {
            let (mut lo, mut hi) = (at, step);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if off(mid) == off(lo) {
                    lo = mid
                } else {
                    hi = mid
                }
            }
            changes.push((hi, off(lo), off(hi)));
        }
        at = step;
    }
    out.line("BEGIN:VTIMEZONE");
    out.property("TZID", name);
    let initial = offset_at(tz, first);
    observance(out, initial, initial, "19700101T000000");
    for (instant, from, to) in changes {
        let local_start = instant + Duration::seconds(from as i64);
        observance(out, from, to, &local(local_start));
    }
    out.line("END:VTIMEZONE");
}

fn observance(out: &mut Lines, from: i32, to: i32, start: &str) {
    // RFC 5545 wants STANDARD or DAYLIGHT; the larger offset of a change is daylight.
    let kind = if to > from { "DAYLIGHT" } else { "STANDARD" };
    out.line(&format!("BEGIN:{kind}"));
    out.property("DTSTART", start);
    out.property("TZOFFSETFROM", &utc_offset(from));
    out.property("TZOFFSETTO", &utc_offset(to));
    out.line(&format!("END:{kind}"));
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines, CRLF-terminated and folded at 75 octets without splitting a character.
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let n = c.len_utf8();
            if width + n > 75 {
                self.0.push_str("\r\n ");
                width = 1;
            }
            self.0.push(c);
            width += n;
        }
        let _ = write!(self.0, "\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2030, 3, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn entry(uid: &str, start: NaiveDateTime, zone: &str) -> Entry {
        Entry {
            uid: uid.into(),
            start,
            end: start + Duration::minutes(30),
            time_zone: zone.into(),
            summary: "Termin: ООО «Волга», Elbe GmbH; Tisch 3".into(),
            location: "Innovationszentrum Barleben · Tisch 3".into(),
            description: "Zeile eins\nZeile zwei".into(),
            cancelled: false,
        }
    }

    #[test]
    fn a_real_parser_reads_back_every_meeting_with_its_zone() {
        let cal = Calendar {
            name: "Kooperationsbörse".into(),
            entries: vec![
                entry("meeting-1@koop", at(1, 9, 0), "Europe/Berlin"),
                entry("meeting-2@koop", at(2, 14, 30), "Asia/Almaty"),
            ],
        };
        let ics = write(&cal, Utc::now());
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        let unfolded = icalendar::parser::unfold(&ics);
        let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
        let events: Vec<_> = parsed
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        assert_eq!(events.len(), 2);
        let prop = |c: &icalendar::parser::Component, n: &str| {
            c.properties
                .iter()
                .find(|p| p.name == n)
                .map(|p| p.val.to_string())
        };
        assert_eq!(
            prop(events[0], "DTSTART").as_deref(),
            Some("20300301T090000")
        );
        assert_eq!(
            prop(events[0], "SUMMARY").as_deref(),
            Some("Termin: ООО «Волга», Elbe GmbH; Tisch 3")
        );
        let zones: Vec<_> = parsed
            .components
            .iter()
            .filter(|c| c.name == "VTIMEZONE")
            .collect();
        assert_eq!(zones.len(), 2);
        let berlin = zones
            .iter()
            .find(|z| prop(z, "TZID").as_deref() == Some("Europe/Berlin"))
            .unwrap();
        assert!(ics.contains("TZOFFSETTO:+0100"), "{}", ics);
        assert!(!berlin.components.is_empty());
        assert!(
            ics.contains("TZOFFSETTO:+0500") || ics.contains("TZOFFSETTO:+0600"),
            "Almaty"
        );
    }

    #[test]
    fn a_change_to_summer_time_between_two_meetings_gets_its_own_observance() {
        // Central Europe moves to summer time on the last Sunday of March 2030 (31 March).
        let cal = Calendar {
            name: "x".into(),
            entries: vec![
                entry("a", at(30, 10, 0), "Europe/Berlin"),
                entry(
                    "b",
                    NaiveDate::from_ymd_opt(2030, 4, 1)
                        .unwrap()
                        .and_hms_opt(10, 0, 0)
                        .unwrap(),
                    "Europe/Berlin",
                ),
            ],
        };
        let ics = write(&cal, Utc::now());
        assert!(ics.contains("BEGIN:DAYLIGHT"), "{ics}");
        assert!(ics.contains("DTSTART:20300331T020000"), "{ics}");
        assert!(
            ics.contains("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            "{ics}"
        );
    }

    #[test]
    fn long_lines_fold_between_characters_and_text_is_escaped() {
        let mut e = entry("c", at(1, 9, 0), "Nowhere/Zone");
        e.summary = "Встреча ".repeat(20);
        let ics = write(
            &Calendar {
                name: "n".into(),
                entries: vec![e],
            },
            Utc::now(),
        );
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(
            ics.contains("DTSTART:20300301T090000Z"),
            "unknown zones fall back to UTC"
        );
        assert!(ics.contains("DESCRIPTION:Zeile eins\\nZeile zwei"));
    }
}
