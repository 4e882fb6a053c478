//! Reader for the published benchmark's MiniZinc data files (`.dzn`).
//!
//! The format (see `../shared/data/b2b-instances/README.md`) is a list of
//! `name = value;` assignments with 1-based indices. We parse the small subset
//! of MiniZinc data syntax those files use: integers, sets `{1,2}`, arrays
//! `[..]` of either, and 2-D arrays `[| a, b | c, d |]`. Comments start with `%`.
//!
//! The benchmark is one day at one venue: all slots form a single session (so
//! breaks are counted straight through the day, as the paper does) and the first
//! `nMorningSlots` slots are the morning.

use std::collections::HashMap;

mod syntax;

use syntax::{Value, parse_assignments};

use crate::model::{DayPart, Meeting, Participant, Problem, Session, Slot};

/// A `.dzn` file that cannot be read, with the line it failed on (1-based, 0
/// when the problem is a missing field).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DznError {
    /// 1-based line number, or 0 when not tied to a line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a benchmark `.dzn` instance. The fairness bound is not part of the
/// file; pass the one to use (the paper's main tables use 2).
pub fn parse_dzn(text: &str, fairness: Option<u32>) -> Result<Problem, DznError> {
    let values = parse_assignments(text)?;
    let get = |name: &str| {
        values.get(name).ok_or_else(|| DznError {
            line: 0,
            message: format!("missing field `{name}`"),
        })
    };
    let int = |name: &str| -> Result<usize, DznError> {
        let (line, v) = get(name)?;
        match v {
            Value::Int(i) if *i >= 0 => Ok(*i as usize),
            _ => Err(DznError {
                line: *line,
                message: format!("`{name}` must be a non-negative integer"),
            }),
        }
    };
    let n_part = int("nBusiness")?;
    let n_meet = int("nMeetings")?;
    let tables = int("nTables")?;
    let n_slots = int("nTotalSlots")?;
    let n_morning = int("nMorningSlots")?;
    if n_morning > n_slots {
        return Err(DznError {
            line: get("nMorningSlots")?.0,
            message: format!("nMorningSlots = {n_morning} exceeds nTotalSlots = {n_slots}"),
        });
    }
    let slots = (0..n_slots)
        .map(|s| Slot {
            session: 0,
            day: 0,
            start: s as u32,
            duration: 1,
            part: if s < n_morning {
                DayPart::Morning
            } else {
                DayPart::Afternoon
            },
            tables: tables as u32,
        })
        .collect();

    let (req_line, requested) = get("requested")?;
    let Value::Rows(rows) = requested else {
        return Err(bad(
            *req_line,
            "`requested` must be a 2-D array [| p1, p2, session | ... |]",
        ));
    };
    if rows.len() != n_meet {
        return Err(bad(
            *req_line,
            &format!(
                "`requested` has {} rows but nMeetings = {n_meet}",
                rows.len()
            ),
        ));
    }
    let mut meetings = Vec::with_capacity(n_meet);
    for (m, row) in rows.iter().enumerate() {
        let &[a, b, code] = row.as_slice() else {
            return Err(bad(
                *req_line,
                &format!("`requested` row {} needs 3 values", m + 1),
            ));
        };
        let person = |x: i64| -> Result<usize, DznError> {
            if x < 1 || x as usize > n_part {
                Err(bad(
                    *req_line,
                    &format!(
                        "`requested` row {}: participant {x} is not in 1..{n_part}",
                        m + 1
                    ),
                ))
            } else {
                Ok(x as usize - 1)
            }
        };
        let only = match code {
            1 => Some(DayPart::Morning),
            2 => Some(DayPart::Afternoon),
            3 => None,
            _ => {
                return Err(bad(
                    *req_line,
                    &format!(
                        "`requested` row {}: session code {code} is not 1, 2 or 3",
                        m + 1
                    ),
                ));
            }
        };
        let (pa, pb) = (person(a)?, person(b)?);
        if pa == pb {
            return Err(bad(
                *req_line,
                &format!(
                    "`requested` row {}: a participant cannot meet itself",
                    m + 1
                ),
            ));
        }
        meetings.push(Meeting {
            participants: vec![pa, pb],
            priority: 1,
            fixed_slot: None,
            forbidden_slots: Vec::new(),
            after: Vec::new(),
            only,
        });
    }

    let forbidden = sets(&values, "forbidden", n_part)?;
    let mut participants = Vec::with_capacity(n_part);
    for (p, set) in forbidden.iter().enumerate() {
        // `{0}` means "none"; 0 may also appear next to real slots.
        let mut unavailable = Vec::new();
        for &s in set.iter().filter(|&&s| s != 0) {
            if s < 0 || s as usize > n_slots {
                return Err(bad(
                    values["forbidden"].0,
                    &format!(
                        "`forbidden` entry {}: slot {s} is not in 1..{n_slots}",
                        p + 1
                    ),
                ));
            }
            unavailable.push(s as usize - 1);
        }
        participants.push(Participant {
            name: format!("b{}", p + 1),
            unavailable,
            only: None,
        });
    }

    let (fix_line, fixed) = get("fixed")?;
    let Value::List(fixed) = fixed else {
        return Err(bad(*fix_line, "`fixed` must be an array of integers"));
    };
    if fixed.len() != n_meet {
        return Err(bad(
            *fix_line,
            &format!("`fixed` has {} entries, expected {n_meet}", fixed.len()),
        ));
    }
    for (m, v) in fixed.iter().enumerate() {
        match v {
            Value::Int(0) => {}
            Value::Int(s) if *s >= 1 && (*s as usize) <= n_slots => {
                meetings[m].fixed_slot = Some(*s as usize - 1);
            }
            _ => {
                return Err(bad(
                    *fix_line,
                    &format!(
                        "`fixed` entry {}: expected 0 or a slot in 1..{n_slots}",
                        m + 1
                    ),
                ));
            }
        }
    }

    let prec = sets(&values, "precedences", n_meet)?;
    for (m, set) in prec.iter().enumerate() {
        for &a in set {
            if a < 1 || a as usize > n_meet || a as usize == m + 1 {
                return Err(bad(
                    values["precedences"].0,
                    &format!("`precedences` entry {}: meeting {a} is not valid", m + 1),
                ));
            }
            meetings[m].after.push(a as usize - 1);
        }
    }
    check_redundant_counts(&values, &meetings, n_part)?;

    let problem = Problem {
        venues: vec!["venue".into()],
        travel: Vec::new(),
        sessions: vec![Session {
            name: "day".into(),
            venue: 0,
        }],
        slots,
        participants,
        meetings,
        fairness,
        require_all: true,
    };
    problem.check().map_err(|e| bad(0, &e.to_string()))?;
    Ok(problem)
}

/// `nMeetingsBusiness` is redundant; when present it must agree with
/// `requested`, or the file is inconsistent and we say so rather than guess.
fn check_redundant_counts(
    values: &HashMap<String, (usize, Value)>,
    meetings: &[Meeting],
    n_part: usize,
) -> Result<(), DznError> {
    let Some((line, Value::List(counts))) = values.get("nMeetingsBusiness") else {
        return Ok(());
    };
    let mut actual = vec![0i64; n_part];
    for m in meetings {
        for &p in &m.participants {
            actual[p] += 1;
        }
    }
    for (p, v) in counts.iter().enumerate() {
        if let Value::Int(c) = v
            && actual.get(p) != Some(c)
        {
            return Err(bad(
                *line,
                &format!(
                    "`nMeetingsBusiness` entry {} is {c} but `requested` gives {}",
                    p + 1,
                    actual.get(p).copied().unwrap_or(0)
                ),
            ));
        }
    }
    Ok(())
}

fn bad(line: usize, message: &str) -> DznError {
    DznError {
        line,
        message: message.to_string(),
    }
}

/// Reads an array of `n` sets (a plain integer is taken as a one-element set).
fn sets(
    values: &HashMap<String, (usize, Value)>,
    name: &str,
    n: usize,
) -> Result<Vec<Vec<i64>>, DznError> {
    let (line, v) = values
        .get(name)
        .ok_or_else(|| bad(0, &format!("missing field `{name}`")))?;
    let Value::List(items) = v else {
        return Err(bad(*line, &format!("`{name}` must be an array of sets")));
    };
    if items.len() != n {
        return Err(bad(
            *line,
            &format!("`{name}` has {} entries, expected {n}", items.len()),
        ));
    }
    items
        .iter()
        .map(|item| match item {
            Value::Set(s) => Ok(s.clone()),
            Value::Int(i) => Ok(vec![*i]),
            _ => Err(bad(*line, &format!("`{name}` must hold sets of integers"))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "nBusiness = 3;\nnMeetings = 2;\nnTables = 1;\nnTotalSlots = 3;\n\
        nMorningSlots = 2;\nrequested = [|1, 2, 3,\n|2, 3, 1,\n|];\n\
        meetingsxBusiness = [{1,2},{1,2,3},{1,3}];\nnMeetingsBusiness = [1,2,1];\n\
        forbidden = [{0},{0,3},{1}];\nfixed = [0, 2];\nprecedences = [{}, {1}];\n";

    #[test]
    fn a_tiny_file_is_read_with_all_fields() {
        let p = parse_dzn(TINY, Some(2)).expect("parses");
        assert_eq!(p.participants.len(), 3);
        assert_eq!(p.meetings[1].participants, vec![1, 2]);
        assert_eq!(p.meetings[1].only, Some(DayPart::Morning));
        assert_eq!(p.meetings[1].fixed_slot, Some(1));
        assert_eq!(p.meetings[1].after, vec![0]);
        assert_eq!(p.participants[1].unavailable, vec![2]);
        assert_eq!(p.participants[2].unavailable, vec![0]);
        assert_eq!(p.slots[2].part, DayPart::Afternoon);
    }

    #[test]
    fn a_participant_out_of_range_names_the_line_and_value() {
        let text = TINY.replace("|2, 3, 1,", "|2, 9, 1,");
        let e = parse_dzn(&text, None).expect_err("rejected");
        assert_eq!(e.line, 6);
        assert!(e.message.contains("participant 9"), "{e}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let text = TINY.replace("nTables = 1;", "");
        let e = parse_dzn(&text, None).expect_err("rejected");
        assert!(e.message.contains("nTables"), "{e}");
    }

    #[test]
    fn garbage_is_rejected_without_panic() {
        for text in [
            "x",
            "a = ;",
            "a = [|1,2|",
            "nBusiness = 3",
            "a = {1,2;",
            "$",
        ] {
            assert!(parse_dzn(text, None).is_err(), "{text}");
        }
    }
}
