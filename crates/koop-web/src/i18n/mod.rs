//! The text catalogue: every text a person reads, per language, in Fluent files under
//! `locales/<language>/<area>.ftl`, embedded at compile time. A language is a folder:
//! adding one means adding files, not editing code. Keys use dashes (`nav-events`);
//! enum values are `kind-<enum>-<value>`; codes from koop-core and the engines are
//! translated here, at the edge (`error-…`, `reason-…`, `job-error-…`).
//!
//! A missing key shows as the key itself, which the key check and the crawl tests catch.

pub mod reasons;

pub use reasons::reason_text;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this, Fluent wraps every argument in Unicode isolation marks.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages of the catalogue, German (koop's default) first.
static LANGS: LazyLock<Vec<(String, LanguageIdentifier)>> = LazyLock::new(|| {
    let mut all: Vec<_> = LOCALES
        .locales()
        .map(|l| (l.language.as_str().to_owned(), l.clone()))
        .collect();
    all.sort_by_key(|(code, _)| (code != "de", code.clone()));
    all.dedup_by(|a, b| a.0 == b.0);
    all
});

/// A UI language: one folder of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(usize);

impl Default for Lang {
    /// German, koop's first language.
    fn default() -> Self {
        Lang(0)
    }
}

impl Lang {
    /// The language whose code starts `code` (`de`, `en-GB`, `EN`), if the catalogue has it.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_', ';'])
            .next()?
            .to_ascii_lowercase();
        LANGS.iter().position(|(c, _)| *c == primary).map(Lang)
    }

    /// Every language of the catalogue.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGS.len()).map(Lang)
    }

    /// The ISO code.
    pub fn code(self) -> &'static str {
        LANGS.get(self.0).map_or("de", |(c, _)| c.as_str())
    }

    /// The texts of this language.
    pub fn texts(self) -> Texts {
        Texts(self)
    }

    fn id(self) -> &'static LanguageIdentifier {
        &LANGS[self.0.min(LANGS.len() - 1)].1
    }
}

/// A value for a parameter of a text.
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A number, for plural rules.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

/// Lookup of texts in one language.
#[derive(Debug, Clone, Copy)]
pub struct Texts(Lang);

impl Texts {
    /// The text for `key`, or the key itself when it is missing.
    pub fn get(&self, key: &str) -> String {
        self.try_get(key).unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key`, if the catalogue has it.
    pub fn try_get(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(self.0.id(), key)
    }

    /// The text for `key` with parameters, or the key itself when it is missing.
    pub fn with(&self, key: &str, args: Vec<(&'static str, Arg)>) -> String {
        self.try_with(key, args).unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` with parameters, if the catalogue has it.
    pub fn try_with(&self, key: &str, args: Vec<(&'static str, Arg)>) -> Option<String> {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    Arg::Text(t) => FluentValue::from(t),
                    Arg::Number(n) => FluentValue::from(n),
                };
                (Cow::Borrowed(k), v)
            })
            .collect();
        LOCALES.try_lookup_with_args(self.0.id(), key, &args)
    }
}

#[cfg(test)]
mod tests;
