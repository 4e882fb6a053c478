//! The matching engine's reasons in words: each reason is a code with parameters
//! (`{"code":"same_sector","level":"group","nace":"20.1"}`), looked up as
//! `reason-<code>`. Lists are joined with commas; a reason whose list is empty uses
//! `reason-<code>-none`; country and language codes become their names.

use super::{Arg, Texts};
use koop_core::matching::Reason;

/// A reason in the words of `texts`' language.
pub fn reason_text(texts: Texts, reason: &Reason) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(reason) else {
        return String::new();
    };
    let code = fields
        .get("code")
        .and_then(|c| c.as_str())
        .unwrap_or_default()
        .to_owned();
    let mut key = format!("reason-{code}");
    let mut args: Vec<(&'static str, Arg)> = Vec::new();
    for (name, value) in &fields {
        let Some(name) = param(name) else { continue };
        let arg = match value {
            serde_json::Value::Array(items) => {
                if items.is_empty() {
                    key.push_str("-none");
                }
                let words: Vec<&str> = items.iter().filter_map(|w| w.as_str()).collect();
                Arg::Text(words.join(", "))
            }
            serde_json::Value::Number(n) => Arg::Number(n.as_f64().unwrap_or_default()),
            serde_json::Value::String(s) if name == "country" || name == "language" => Arg::Text(
                texts
                    .try_get(&format!("{name}-{s}"))
                    .unwrap_or_else(|| s.clone()),
            ),
            serde_json::Value::String(s) => Arg::Text(s.clone()),
            _ => continue,
        };
        args.push((name, arg));
    }
    texts.with(&key, args)
}

/// Parameter names must outlive the lookup; reasons have only these.
fn param(name: &str) -> Option<&'static str> {
    Some(match name {
        "level" => "level",
        "nace" => "nace",
        "keywords" => "keywords",
        "words" => "words",
        "country" => "country",
        "language" => "language",
        "count" => "count",
        "yours" => "yours",
        "theirs" => "theirs",
        _ => return None,
    })
}
