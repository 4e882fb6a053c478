//! The key check: every language has every message, and every key the code and the
//! templates use exists in every language.

use super::*;
use fluent_syntax::ast::Entry;
use fluent_templates::fluent_bundle::FluentResource;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The message ids of one language folder; fails on a file that does not parse.
fn ids(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for file in std::fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = FluentResource::try_new(text)
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", path.display()));
        for entry in resource.entries() {
            if let Entry::Message(m) = entry {
                assert!(
                    out.insert(m.id.name.to_owned()),
                    "{}: {} twice",
                    path.display(),
                    m.id.name
                );
            }
        }
    }
    out
}

fn languages() -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<_> = std::fs::read_dir(root().join("locales"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                ids(&p),
            )
        })
        .collect();
    out.sort();
    out
}

/// Keys written as literals in the code and the templates.
fn used_keys() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut files = Vec::new();
    for dir in ["src", "templates"] {
        let mut stack = vec![root().join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if !p.ends_with("i18n/tests.rs") {
                    // This file names a missing key on purpose.
                    files.push(p);
                }
            }
        }
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for call in [
            ".t(\"",
            "texts().get(\"",
            "texts.get(\"",
            "texts.with(\"",
            "texts.try_get(\"",
            "\"flash-",
        ] {
            for piece in text.split(call).skip(1) {
                let key: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if key.is_empty() {
                    continue;
                }
                let key = if call == "\"flash-" {
                    format!("flash-{key}")
                } else {
                    key
                };
                let rest = &piece[key.len().min(piece.len())..];
                if (call == "\"flash-" || rest.starts_with('"')) && key.contains('-') {
                    out.insert(key);
                }
            }
        }
    }
    out
}

/// `kind-<group>-<value>` for every value of every enum the pages name.
fn kind_keys() -> Vec<String> {
    use koop_core::domain::{
        account, activity, agreement, city, event, job, meeting, membership, org, outcome, profile,
        settings,
    };
    let mut out = Vec::new();
    for v in event::ScheduleState::ALL {
        out.push(format!("publish-to-{}", v.as_str()));
    }
    let mut add = |group: &str, values: Vec<&'static str>| {
        out.extend(values.into_iter().map(|v| format!("kind-{group}-{v}")));
    };
    add(
        "activity",
        activity::ActivityKind::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "agreement",
        agreement::AgreementKind::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "event",
        event::EventKind::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "goal",
        city::GoalKind::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "job",
        job::JobStatus::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "meeting",
        meeting::MeetingStatus::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "org",
        org::OrgKind::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "outcome",
        outcome::OutcomeKind::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "participant",
        event::ParticipantStatus::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "profile",
        profile::ProfileKind::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "prole",
        event::ParticipantRole::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "request",
        meeting::RequestStatus::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "role",
        membership::MemberRole::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    add(
        "session",
        event::SessionKind::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "request_mode",
        settings::RequestMode::ALL
            .iter()
            .map(|v| v.as_str())
            .collect(),
    );
    let _ = account::Role::ALL;
    out
}

/// The codes koop-core and the domain report (`DomainError::new(field, code, …)`,
/// `FieldError::new(field, code, …)`, `CoreError::conflict(code, …)`), read from the
/// sources of every crate, as `error-<code>` keys; and the codes of error pages, job
/// failures and unplaced meetings.
fn code_keys() -> Vec<String> {
    let crates = root().join("..");
    let mut out = BTreeSet::new();
    let mut stack = vec![crates];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if !p.ends_with("target") && !p.ends_with("tests") {
                    stack.push(p);
                }
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for (call, nth) in [
                ("DomainError::new(", 1),
                ("FieldError::new(", 1),
                ("CoreError::conflict(", 0),
            ] {
                for piece in text.split(call).skip(1) {
                    if let Some(code) = argument(piece, nth)
                        && code.len() > 2
                        && code.starts_with('"')
                        && code.ends_with('"')
                    {
                        let code = &code[1..code.len() - 1];
                        if code.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                            out.insert(format!("error-{code}"));
                        }
                    }
                }
            }
        }
    }
    for code in [
        "not_found",
        "forbidden",
        "invalid_input",
        "conflict",
        "bad_credentials",
        "too_many_requests",
        "internal",
        "cross_site",
        "too_large",
        "timeout",
        "method_not_allowed",
        "illegal_transition",
        "invalid_choice",
    ] {
        out.insert(format!("error-{code}"));
    }
    for code in [
        "internal",
        "forbidden",
        "not_found",
        "invalid_input",
        "conflict",
        "bad_credentials",
        "too_many_requests",
    ] {
        out.insert(format!("job-error-{code}"));
    }
    use koop_schedule_codes::ALL_UNPLACED;
    for code in ALL_UNPLACED
        .iter()
        .chain(&["participant_inactive", "slot_taken_meanwhile"])
    {
        out.insert(format!("unplaced-{code}"));
    }
    out.into_iter().collect()
}

/// The `nth` argument of a call whose arguments start `text`, as written.
fn argument(text: &str, nth: usize) -> Option<String> {
    let mut depth = 0;
    let mut args = vec![String::new()];
    let mut in_str = false;
    for c in text.chars() {
        match c {
            '"' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            ',' if !in_str && depth == 0 => {
                args.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = args.last_mut() {
            last.push(c);
        }
    }
    args.get(nth).map(|a| a.trim().to_owned())
}

/// The scheduler's codes for unplaced meetings, as the job result carries them.
mod koop_schedule_codes {
    pub const ALL_UNPLACED: &[&str] = &[
        "fixed_slot_unavailable",
        "no_common_slot",
        "tables_full",
        "slots_full",
        "infeasible",
        "rules_or_priority",
    ];
}

#[test]
fn every_language_has_every_message() {
    let langs = languages();
    assert!(langs.len() >= 2, "{langs:?}");
    let (first, reference) = &langs[0];
    for (lang, keys) in &langs[1..] {
        let missing: Vec<_> = reference.difference(keys).collect();
        let extra: Vec<_> = keys.difference(reference).collect();
        assert!(
            missing.is_empty(),
            "{lang} lacks {missing:?} that {first} has"
        );
        assert!(extra.is_empty(), "{first} lacks {extra:?} that {lang} has");
    }
}

#[test]
fn every_key_the_code_uses_is_in_every_language() {
    let codes = code_keys();
    for known in [
        "error-invalid_country",
        "error-participant_booked",
        "error-changed_meanwhile",
    ] {
        assert!(codes.iter().any(|c| c == known), "the scan misses {known}");
    }
    let used: Vec<String> = used_keys()
        .into_iter()
        .chain(kind_keys())
        .chain(codes)
        .collect();
    assert!(used.len() > 150, "the scan found only {} keys", used.len());
    for (lang, keys) in languages() {
        let missing: Vec<_> = used.iter().filter(|k| !keys.contains(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn every_language_of_the_catalogue_is_offered_and_parsed() {
    let codes: Vec<_> = Lang::all().map(Lang::code).collect();
    assert_eq!(codes[0], "de", "German comes first: {codes:?}");
    assert!(codes.contains(&"en"));
    assert_eq!(Lang::parse("en-GB").map(Lang::code), Some("en"));
    assert_eq!(Lang::parse("DE").map(Lang::code), Some("de"));
    assert_eq!(Lang::parse("xx"), None);
    let en = Lang::parse("en").unwrap().texts();
    assert_eq!(en.get("nav-events"), "Events");
    assert_eq!(Lang::default().texts().get("missing-key"), "missing-key");
}

#[test]
fn reasons_read_as_sentences_with_plurals_and_names() {
    use koop_core::matching::Reason;
    let de = Lang::parse("de").unwrap().texts();
    let en = Lang::parse("en").unwrap().texts();
    let together = |n| Reason::WorkedTogether { count: n };
    assert_eq!(
        reason_text(de, &together(1)),
        "Sie haben schon in einem Projekt zusammengearbeitet"
    );
    assert_eq!(
        reason_text(de, &together(3)),
        "Sie haben schon in 3 Projekten zusammengearbeitet"
    );
    assert_eq!(
        reason_text(en, &together(3)),
        "you worked together in 3 projects before"
    );
    let words = |w: &[&str]| Reason::SimilarText {
        words: w.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(reason_text(en, &words(&[])), "similar topic");
    assert_eq!(
        reason_text(en, &words(&["glue", "solar"])),
        "similar topic: glue, solar"
    );
    let json = r#"{"code":"in_country_you_seek","country":"KZ"}"#;
    let kz: Reason = serde_json::from_str(json).unwrap();
    assert_eq!(
        reason_text(de, &kz),
        "sitzt in Kasachstan, wo Sie Partner suchen"
    );
    let json = r#"{"code":"same_sector","level":"group","nace":"20.1"}"#;
    let sector: Reason = serde_json::from_str(json).unwrap();
    assert_eq!(reason_text(de, &sector), "dieselbe NACE-Gruppe 20.1");
}
