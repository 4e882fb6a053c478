//! How an event's organisers run registration and matchmaking: whether people may
//! register, the terms they consent to, the questions they answer, and how requests
//! become meetings: placed by the organisers' optimiser runs, or at a free slot the
//! partner picks when accepting.

use crate::DomainError;
use crate::text_enum;
use serde::{Deserialize, Serialize};

text_enum!(
    /// How a meeting request becomes a meeting to be placed.
    RequestMode, "request_mode" {
        /// The partner accepts or declines each request.
        PartnerAccepts = "partner_accepts",
        /// Every request is accepted at once (events where everyone wants every meeting).
        Automatic = "automatic",
    }
);

text_enum!(
    /// How accepted requests get their time and table.
    SchedulingMode, "scheduling_mode" {
        /// The organisers run the optimiser over all accepted requests.
        Optimiser = "optimiser",
        /// The partner picks a slot both sides have free when accepting; the meeting
        /// is on both agendas at once, at a free table.
        PartnerPicks = "partner_picks",
    }
);

/// The most registration questions an event asks.
pub const MAX_QUESTIONS: usize = 20;

/// An event's registration and matchmaking settings. Missing fields read as the
/// defaults, so an event stored before a field existed keeps working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventSettings {
    /// Whether people may register themselves.
    pub registration_open: bool,
    /// The terms (data use, photos, conduct) a registrant consents to.
    pub terms: String,
    /// Raised by one each time the terms' text changes, so a consent names the text
    /// that was agreed to.
    pub terms_version: i64,
    /// Questions each registrant answers in a sentence or two.
    pub questions: Vec<String>,
    /// How requests are answered.
    pub request_mode: RequestMode,
    /// How accepted requests are placed.
    pub scheduling_mode: SchedulingMode,
    /// The most requests one participant may send, if limited.
    pub request_limit: Option<i64>,
    /// Days after which an unanswered request expires, if ever.
    pub request_expiry_days: Option<i64>,
}

impl Default for EventSettings {
    fn default() -> Self {
        EventSettings {
            registration_open: false,
            terms: String::new(),
            terms_version: 0,
            questions: Vec::new(),
            request_mode: RequestMode::PartnerAccepts,
            scheduling_mode: SchedulingMode::Optimiser,
            request_limit: None,
            request_expiry_days: None,
        }
    }
}

impl EventSettings {
    /// Checks lengths and ranges, and that open registration has terms to consent to.
    pub fn check(&self) -> Result<(), Vec<DomainError>> {
        let mut problems = Vec::new();
        if let Err(e) = crate::values::optional_text("terms", &self.terms, 20_000) {
            problems.push(e);
        }
        if self.registration_open && self.terms.trim().is_empty() {
            problems.push(DomainError::new(
                "terms",
                "terms_required",
                "registration can open only with terms that registrants consent to",
            ));
        }
        if self.questions.len() > MAX_QUESTIONS {
            problems.push(
                DomainError::new(
                    "questions",
                    "too_many",
                    format!("at most {MAX_QUESTIONS} questions"),
                )
                .with("max", MAX_QUESTIONS),
            );
        }
        for (i, q) in self.questions.iter().enumerate() {
            if let Err(e) = crate::values::required_text("questions", q, 300) {
                problems.push(e.with("line", i + 1));
            }
        }
        check_range(&mut problems, "request_limit", self.request_limit, 1, 1_000);
        check_range(
            &mut problems,
            "request_expiry_days",
            self.request_expiry_days,
            1,
            365,
        );
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Whether a participant who has sent `sent` requests may send another.
    pub fn allows_another_request(&self, sent: i64) -> bool {
        self.request_limit.is_none_or(|limit| sent < limit)
    }
}

fn check_range(
    problems: &mut Vec<DomainError>,
    field: &'static str,
    value: Option<i64>,
    min: i64,
    max: i64,
) {
    if let Some(v) = value
        && !(min..=max).contains(&v)
    {
        problems.push(
            DomainError::new(field, "out_of_range", format!("{v} is not in {min}–{max}"))
                .with("value", v)
                .with("min", min)
                .with("max", max),
        );
    }
}

/// A registrant's answer to one of the event's questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The question, as asked when they registered.
    pub question: String,
    /// What they answered.
    pub answer: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_registration_needs_terms_and_ranges_hold() {
        let mut s = EventSettings {
            registration_open: true,
            ..EventSettings::default()
        };
        assert_eq!(s.check().unwrap_err()[0].code, "terms_required");
        s.terms = "Wir speichern Ihre Angaben für die Börse.".into();
        s.request_limit = Some(0);
        s.questions = vec!["Was suchen Sie?".into(), " ".into()];
        let problems = s.check().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["questions", "request_limit"]);
        s.request_limit = Some(3);
        s.questions.pop();
        assert!(s.check().is_ok());
        assert!(s.allows_another_request(2));
        assert!(!s.allows_another_request(3));
    }

    #[test]
    fn stored_settings_without_new_fields_read_as_defaults() {
        let s: EventSettings = serde_json::from_str(r#"{"registration_open":true}"#).unwrap();
        assert!(s.registration_open);
        assert_eq!(s.request_mode, RequestMode::PartnerAccepts);
    }
}
