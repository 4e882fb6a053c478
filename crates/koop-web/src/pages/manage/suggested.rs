//! A partner the matchmaking engine suggests for a consortium (a funding call's, a
//! project idea's), as pages show it: the score as the sum of its contributions, and
//! each reason in words.

use crate::i18n::Arg;
use crate::pages::Ctx;
use koop_core::ops::calls::{CallReason, Suggested};

/// One suggested partner, in the visitor's language.
pub(super) struct SuggestionView {
    pub org: i64,
    pub name: String,
    pub country: String,
    pub score: String,
    pub reasons: Vec<String>,
}

impl SuggestionView {
    /// `topic_key` puts the topic reason into words ("shares with the call: …").
    pub(super) fn new(ctx: &Ctx, x: &Suggested, topic_key: &str) -> SuggestionView {
        let s = &x.suggestion;
        SuggestionView {
            org: x.org.0,
            name: x.name.clone(),
            country: x.country.clone(),
            score: ctx.texts().with(
                "call-score",
                vec![
                    ("score", Arg::Text(two(ctx, s.score))),
                    ("topic", Arg::Text(two(ctx, s.topic))),
                    ("cooperation", Arg::Text(two(ctx, s.cooperation))),
                ],
            ),
            reasons: s
                .reasons
                .iter()
                .map(|r| reason_text(ctx, r, topic_key))
                .collect(),
        }
    }
}

fn two(ctx: &Ctx, v: f32) -> String {
    let t = format!("{v:.2}");
    if ctx.lang.code() == "de" {
        t.replace('.', ",")
    } else {
        t
    }
}

fn reason_text(ctx: &Ctx, r: &CallReason, topic_key: &str) -> String {
    match r {
        CallReason::Topic(words) => ctx
            .texts()
            .with(topic_key, vec![("words", Arg::Text(words.join(", ")))]),
        CallReason::Cooperation(n) => ctx.texts().with(
            "call-reason-cooperation",
            vec![("count", Arg::Number(f64::from(*n)))],
        ),
    }
}
