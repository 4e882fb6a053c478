//! `koop match recommend`: recommendations with reasons for one profile of an exchange given
//! as a JSON file (koop-match's `MatchInput`, see `tests/fixtures/match/exchange.json`).

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use koop_match::{Locale, MatchIndex, MatchInput, ProfileId};
use serde_json::json;

/// Arguments of `koop match recommend`.
#[derive(Debug, Args)]
pub struct RecommendArgs {
    /// The exchange as JSON: organisations, profiles, history, clusters, weights, exclusions.
    #[arg(long)]
    input: PathBuf,
    /// The id of the profile asking.
    #[arg(long)]
    profile: u64,
    /// How many partners to recommend.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Language of the reasons: `de` or `en`.
    #[arg(long, default_value = "en")]
    locale: String,
}

/// Prints one JSON line with the ranked partners and their reasons.
pub fn run(args: RecommendArgs) -> anyhow::Result<()> {
    let locale = match args.locale.as_str() {
        "de" => Locale::De,
        "en" => Locale::En,
        other => anyhow::bail!("--locale: expected de or en, got {other:?}"),
    };
    let text = std::fs::read_to_string(&args.input)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let input: MatchInput = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a valid exchange", args.input.display()))?;
    let index = MatchIndex::build(input).with_context(|| format!("{}", args.input.display()))?;
    let recs = index.recommend(ProfileId(args.profile), args.top)?;
    let list: Vec<serde_json::Value> = recs
        .iter()
        .map(|r| {
            let reasons: Vec<serde_json::Value> = r
                .reasons
                .iter()
                .map(|reason| {
                    let mut v = serde_json::to_value(reason).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("text".into(), reason.text(locale).into());
                    }
                    v
                })
                .collect();
            json!({"profile": r.profile.0, "org": r.org.0, "score": (f64::from(r.score) * 1000.0).round() / 1000.0, "reasons": reasons})
        })
        .collect();
    println!(
        "{}",
        json!({"profile": args.profile, "recommendations": list})
    );
    Ok(())
}
