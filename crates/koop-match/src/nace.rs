//! NACE Rev. 2 codes and their proximity on the classification's hierarchy.
//!
//! A code is a section (`C`), division (`20`), group (`20.1`) or class (`20.14`).
//! The hierarchy is in the code itself except for the section of a division, which comes from
//! the official division ranges below; so the engine needs no data file at run time.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::MatchError;

/// A validated NACE Rev. 2 code at any of its four levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NaceCode {
    section: u8,
    division: u8,
    group: u8,
    class: u8,
    level: u8,
}

/// The deepest level of the NACE hierarchy two codes share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NaceLevel {
    /// Same section (`C`).
    Section,
    /// Same division (`20`).
    Division,
    /// Same group (`20.1`).
    Group,
    /// Same class (`20.14`).
    Class,
}

// (first division, last division, section) from the NACE Rev. 2 structure; 88 divisions in all.
const SECTIONS: &[(u8, u8, u8)] = &[
    (1, 3, b'A'),
    (5, 9, b'B'),
    (10, 33, b'C'),
    (35, 35, b'D'),
    (36, 39, b'E'),
    (41, 43, b'F'),
    (45, 47, b'G'),
    (49, 53, b'H'),
    (55, 56, b'I'),
    (58, 63, b'J'),
    (64, 66, b'K'),
    (68, 68, b'L'),
    (69, 75, b'M'),
    (77, 82, b'N'),
    (84, 84, b'O'),
    (85, 85, b'P'),
    (86, 88, b'Q'),
    (90, 93, b'R'),
    (94, 96, b'S'),
    (97, 98, b'T'),
    (99, 99, b'U'),
];

// Numbers inside the ranges that NACE Rev. 2 does not use.
const UNUSED_DIVISIONS: &[u8] = &[4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89];

impl NaceCode {
    /// Parses `C`, `20`, `20.1` or `20.14`; `field` names the input field for the error message.
    pub fn parse(field: &str, value: &str) -> Result<Self, MatchError> {
        let v = value.trim();
        let bad = |why: &str| MatchError::invalid(field, value, why);
        let b = v.as_bytes();
        if b.len() == 1 && (b'A'..=b'U').contains(&b[0].to_ascii_uppercase()) {
            let section = b[0].to_ascii_uppercase();
            return Ok(Self {
                section,
                division: 0,
                group: 0,
                class: 0,
                level: 1,
            });
        }
        let (div, rest) = v
            .split_at_checked(2)
            .ok_or_else(|| bad("expected a NACE code such as C, 20, 20.1 or 20.14"))?;
        let division: u8 = div
            .parse()
            .map_err(|_| bad("the division must be two digits"))?;
        let section = section_of(division).ok_or_else(|| bad("no such NACE Rev. 2 division"))?;
        let digit = |c: Option<char>| c.and_then(|c| c.to_digit(10)).map(|d| d as u8);
        let mut chars = rest.chars();
        match chars.next() {
            None => {
                return Ok(Self {
                    section,
                    division,
                    group: 0,
                    class: 0,
                    level: 2,
                });
            }
            Some('.') => {}
            Some(_) => return Err(bad("expected a dot after the division")),
        }
        let group =
            digit(chars.next()).ok_or_else(|| bad("expected a group digit after the dot"))?;
        let class = match chars.next() {
            None => {
                return Ok(Self {
                    section,
                    division,
                    group,
                    class: 0,
                    level: 3,
                });
            }
            c => digit(c).ok_or_else(|| bad("expected a class digit"))?,
        };
        if chars.next().is_some() {
            return Err(bad("too long for a NACE Rev. 2 code"));
        }
        Ok(Self {
            section,
            division,
            group,
            class,
            level: 4,
        })
    }

    /// The section letter (`C`).
    pub fn section(&self) -> char {
        self.section as char
    }

    /// 1 section, 2 division, 3 group, 4 class.
    pub fn level(&self) -> u8 {
        self.level
    }

    /// This code cut to `level` (no-op when already at or above it).
    pub fn truncate(&self, level: u8) -> Self {
        let mut c = *self;
        if level < 4 {
            c.class = 0;
        }
        if level < 3 {
            c.group = 0;
        }
        if level < 2 {
            c.division = 0;
        }
        c.level = c.level.min(level);
        c
    }

    /// The deepest level both codes share, if any; a code given only to the group level
    /// can share at most the group with a class.
    pub fn shared_level(&self, other: &Self) -> Option<NaceLevel> {
        if self.section != other.section {
            return None;
        }
        let depth = self.level.min(other.level);
        if depth >= 2 && self.division == other.division {
            if depth >= 3 && self.group == other.group {
                if depth >= 4 && self.class == other.class {
                    return Some(NaceLevel::Class);
                }
                return Some(NaceLevel::Group);
            }
            return Some(NaceLevel::Division);
        }
        Some(NaceLevel::Section)
    }
}

impl NaceLevel {
    /// Proximity in `[0, 1]`: a shared class is a near-certain fit, a shared section a weak hint.
    pub fn proximity(self) -> f32 {
        match self {
            NaceLevel::Class => 1.0,
            NaceLevel::Group => 0.75,
            NaceLevel::Division => 0.5,
            NaceLevel::Section => 0.2,
        }
    }
}

/// The best proximity between any code of `a` and any code of `b`, with the shared code.
pub fn best_proximity(a: &[NaceCode], b: &[NaceCode]) -> Option<(NaceLevel, NaceCode)> {
    let mut best: Option<(NaceLevel, NaceCode)> = None;
    for x in a {
        for y in b {
            if let Some(l) = x.shared_level(y)
                && best.is_none_or(|(bl, _)| l > bl)
            {
                let depth = match l {
                    NaceLevel::Section => 1,
                    NaceLevel::Division => 2,
                    NaceLevel::Group => 3,
                    NaceLevel::Class => 4,
                };
                best = Some((l, x.truncate(depth)));
            }
        }
    }
    best
}

fn section_of(division: u8) -> Option<u8> {
    if UNUSED_DIVISIONS.contains(&division) {
        return None;
    }
    SECTIONS
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&division))
        .map(|(_, _, s)| *s)
}

impl fmt::Display for NaceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.level {
            1 => write!(f, "{}", self.section as char),
            2 => write!(f, "{:02}", self.division),
            3 => write!(f, "{:02}.{}", self.division, self.group),
            _ => write!(f, "{:02}.{}{}", self.division, self.group, self.class),
        }
    }
}

impl Serialize for NaceCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NaceCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        NaceCode::parse("nace", &s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> NaceCode {
        NaceCode::parse("nace", s).unwrap()
    }

    #[test]
    fn codes_round_trip_at_every_level() {
        for s in ["C", "20", "20.1", "20.14", "01.11", "99"] {
            assert_eq!(n(s).to_string(), s);
        }
        assert_eq!(n("20.14").section(), 'C');
        assert_eq!(n("62.01").section(), 'J');
    }

    #[test]
    fn proximity_follows_the_hierarchy() {
        assert_eq!(n("20.14").shared_level(&n("20.14")), Some(NaceLevel::Class));
        assert_eq!(n("20.14").shared_level(&n("20.16")), Some(NaceLevel::Group));
        assert_eq!(
            n("20.14").shared_level(&n("20.5")),
            Some(NaceLevel::Division)
        );
        assert_eq!(
            n("20.14").shared_level(&n("22.21")),
            Some(NaceLevel::Section)
        );
        assert_eq!(n("20.14").shared_level(&n("62.01")), None);
        assert_eq!(n("20.1").shared_level(&n("20.14")), Some(NaceLevel::Group));
        let (lvl, code) = best_proximity(&[n("62.01"), n("20.14")], &[n("20.16")]).unwrap();
        assert_eq!((lvl, code.to_string().as_str()), (NaceLevel::Group, "20.1"));
    }

    #[test]
    fn bad_codes_are_rejected_with_the_reason() {
        for (s, why) in [
            ("34.10", "no such"),
            ("2014", "dot"),
            ("20.x", "group digit"),
            ("20.145", "too long"),
            ("Z", "NACE code"),
        ] {
            let e = NaceCode::parse("nace", s).unwrap_err().to_string();
            assert!(e.contains(why) && e.contains(s), "{e}");
        }
    }
}
