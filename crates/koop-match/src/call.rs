//! Partners for a funding call: which organisations of a directory fit a call's topic,
//! and who has worked with the applicant before. Two signals, each with a reason a
//! person reads; a suggestion's score is exactly the sum of the contributions it shows.
//!
//! - **topic**: the TF-IDF cosine of the call's title and topic text with what an
//!   organisation says about itself (description, profiles), stemmed per language; the
//!   reason names the words they share, as the call writes them.
//! - **cooperation**: how often it took part in the same agreements, activities or
//!   outcomes as the applicant, `ln(1 + n)` scaled, so the first joint project counts
//!   most.
//!
//! This is the product's transparent first ranker; the benchmarked, learned ranker on
//! CORDIS consortia is a separate piece of work (see BENCHMARKS.md).

use crate::LangCode;
use crate::text::{Analyzer, TermVector, Vocabulary, tokenize};
use std::collections::HashMap;

/// Weight of the topic signal (its value is a cosine in 0..=1).
pub const TOPIC_WEIGHT: f32 = 1.0;
/// Weight of the cooperation signal (its value is `ln(1 + joint records)`).
pub const COOPERATION_WEIGHT: f32 = 0.15;
/// How many shared words a reason names.
const REASON_WORDS: usize = 4;

/// A candidate partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The caller's id for it.
    pub key: i64,
    /// What it says about itself.
    pub text: String,
    /// The language of that text, if known.
    pub lang: Option<LangCode>,
    /// Agreements, activities and outcomes it shares with the applicant.
    pub joint_records: u32,
}

/// Why an organisation is suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum CallReason {
    /// Its own words share these with the call (as the call writes them).
    Topic(Vec<String>),
    /// It took part in this many records together with the applicant.
    Cooperation(u32),
}

/// A suggested partner.
#[derive(Debug, Clone, PartialEq)]
pub struct CallSuggestion {
    /// The candidate's key.
    pub key: i64,
    /// `topic + cooperation`.
    pub score: f32,
    /// The topic signal's contribution.
    pub topic: f32,
    /// The cooperation signal's contribution.
    pub cooperation: f32,
    /// At least one reason.
    pub reasons: Vec<CallReason>,
}

/// The `k` best candidates for a call, best first (ties by key); candidates with
/// nothing to show are left out.
pub fn suggest(
    call_text: &str,
    call_lang: Option<LangCode>,
    candidates: &[Candidate],
    k: usize,
) -> Vec<CallSuggestion> {
    let analyzer = Analyzer::new();
    let docs: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| analyzer.terms(&c.text, c.lang))
        .collect();
    let call_terms = analyzer.terms(call_text, call_lang);
    let mut vocab = Vocabulary::default();
    for d in &docs {
        vocab.add_document(d.iter().map(String::as_str));
    }
    vocab.add_document(call_terms.iter().map(String::as_str));
    let weighted = |terms: &[String]| vocab.vector(terms.iter().map(|t| (t.as_str(), 1.0)));
    let call: TermVector = weighted(&call_terms);
    let surface = surface_words(&analyzer, call_text, call_lang);
    let mut out: Vec<CallSuggestion> = candidates
        .iter()
        .zip(&docs)
        .filter_map(|(c, terms)| {
            let v = weighted(terms);
            let topic = TOPIC_WEIGHT * call.dot(&v);
            let cooperation = COOPERATION_WEIGHT * (1.0 + c.joint_records as f32).ln();
            let mut reasons = Vec::new();
            if topic > 0.0 {
                let words = call
                    .top_shared(&v, REASON_WORDS)
                    .into_iter()
                    .filter_map(|id| vocab.term(id))
                    .map(|stem| {
                        surface
                            .get(stem)
                            .cloned()
                            .unwrap_or_else(|| stem.to_owned())
                    })
                    .collect();
                reasons.push(CallReason::Topic(words));
            }
            if c.joint_records > 0 {
                reasons.push(CallReason::Cooperation(c.joint_records));
            }
            (!reasons.is_empty()).then_some(CallSuggestion {
                key: c.key,
                score: topic + cooperation,
                topic,
                cooperation,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.key.cmp(&b.key)));
    out.truncate(k);
    out
}

/// Each stem of the call's text with the first word it came from, lower-cased.
fn surface_words(
    analyzer: &Analyzer,
    text: &str,
    lang: Option<LangCode>,
) -> HashMap<String, String> {
    let lang = lang.or_else(|| crate::text::detect_language(text));
    let mut out = HashMap::new();
    for token in tokenize(text) {
        if let Some(stem) = analyzer.terms(&token.text, lang).into_iter().next() {
            out.entry(stem).or_insert(token.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(key: i64, text: &str, joint: u32) -> Candidate {
        Candidate {
            key,
            text: text.into(),
            lang: LangCode::parse("lang", "de").ok(),
            joint_records: joint,
        }
    }

    #[test]
    fn the_topic_and_past_cooperation_rank_and_explain_partners() {
        let call = "Klebtechnik und Recycling von Solarmodulen";
        let lang = LangCode::parse("lang", "de").ok();
        let cands = [
            c(1, "Industrieklebstoffe und Klebtechnik für Solarmodule", 0),
            c(2, "Logistik und Lagerhaltung", 0),
            c(3, "Montage von Solarmodulen, Modulrecycling", 2),
            c(4, "Reisebüro", 1),
        ];
        let s = suggest(call, lang, &cands, 10);
        let keys: Vec<i64> = s.iter().map(|x| x.key).collect();
        assert!(!keys.contains(&2), "nothing in common: {keys:?}");
        assert_eq!(
            keys.last(),
            Some(&4),
            "cooperation alone ranks last: {keys:?}"
        );
        for x in &s {
            assert!(!x.reasons.is_empty());
            assert!((x.score - (x.topic + x.cooperation)).abs() < 1e-6);
        }
        let first = &s[0];
        let CallReason::Topic(words) = &first.reasons[0] else {
            panic!("{first:?}")
        };
        assert!(
            words
                .iter()
                .any(|w| w == "klebtechnik" || w == "solarmodulen"),
            "{words:?}"
        );
        assert_eq!(suggest(call, lang, &cands, 10), s, "deterministic");
    }
}
