//! Wall-clock times across time zones: a meeting's time at its venue, read in a
//! participant's own zone (an online mission's partner in Almaty sees 14:00 where the
//! organisers in Berlin planned 10:00), and working hours given in a participant's zone,
//! read at the venue.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// `t`, a wall-clock time in zone `from`, as the wall clock shows it in zone `to`;
/// `None` for a zone name that is not one, or a time the clock skips (a spring-forward
/// hour). Where the clock repeats an hour, the first is meant.
pub fn convert(t: NaiveDateTime, from: &str, to: &str) -> Option<NaiveDateTime> {
    if from == to {
        return Some(t);
    }
    let from: Tz = from.parse().ok()?;
    let to: Tz = to.parse().ok()?;
    Some(
        from.from_local_datetime(&t)
            .earliest()?
            .with_timezone(&to)
            .naive_local(),
    )
}

/// Whether `zone` is a time zone koop knows (an IANA name such as `Asia/Tashkent`).
pub fn is_zone(zone: &str) -> bool {
    zone.parse::<Tz>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn berlin_ten_is_two_in_the_afternoon_in_almaty_in_june_2019() {
        let t = NaiveDate::from_ymd_opt(2019, 6, 12)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let almaty = convert(t, "Europe/Berlin", "Asia/Almaty").unwrap();
        assert_eq!(almaty.format("%H:%M").to_string(), "14:00");
        let tashkent = convert(t, "Europe/Berlin", "Asia/Tashkent").unwrap();
        assert_eq!(tashkent.format("%H:%M").to_string(), "13:00");
        assert_eq!(convert(almaty, "Asia/Almaty", "Europe/Berlin"), Some(t));
        assert!(convert(t, "Europe/Berlin", "Mars/Olympus").is_none());
        assert!(is_zone("Asia/Aqtau") && !is_zone("Berlin"));
    }
}
