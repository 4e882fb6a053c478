//! The marketplace: an event's published cooperation profiles, searched by text and
//! filtered by country, sector, kind and language.
//!
//! Text search finds a profile when every word of the query is the beginning of a word
//! of the profile (so "Метал" finds "металлообработка", and case does not matter in any
//! script), or has the same stem in the profile's language ("Kooperationen" finds
//! "Kooperation"). On PostgreSQL this is PostgreSQL's own full-text search; on SQLite
//! the same rule runs here, over the event's profiles.

use crate::{Actor, Backend, Core, CoreResult};
use koop_domain::ids::EventId;
use koop_domain::profile::{Profile, ProfileKind};
use koop_match::LangCode;
use koop_match::text::Analyzer;
use std::collections::{HashMap, HashSet};

/// What a participant looks for.
#[derive(Debug, Clone, Default)]
pub struct ProfileQuery {
    /// Words, all of which must match.
    pub text: String,
    /// The organisation's country (ISO code).
    pub country: Option<String>,
    /// A NACE code or its beginning (`28`, `28.4`).
    pub nace: Option<String>,
    /// The kind of profile.
    pub kind: Option<ProfileKind>,
    /// The profile's language.
    pub language: Option<String>,
}

/// The query's words: letters and digits only, lower-cased, at most ten.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(10)
        .collect()
}

/// Whether `p` has every word, as a word beginning or by stem (the SQLite path).
fn text_matches(analyzer: &Analyzer, p: &Profile, words: &[String]) -> bool {
    let body = format!(
        "{} {} {} {}",
        p.data.title,
        p.data.summary,
        p.data.description,
        p.data.keywords.join(" ")
    );
    let raw: Vec<String> = words_of(&body);
    let lang = LangCode::parse("language", p.data.language.as_str()).ok();
    let stems: HashSet<String> = analyzer.terms(&body, lang).into_iter().collect();
    words.iter().all(|w| {
        raw.iter().any(|r| r.starts_with(w.as_str()))
            || analyzer.terms(w, lang).iter().any(|s| stems.contains(s))
    })
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Core {
    /// The event's published profiles that match `q`, by title.
    pub async fn search_profiles(
        &self,
        actor: &Actor,
        event: EventId,
        q: &ProfileQuery,
    ) -> CoreResult<Vec<Profile>> {
        let mut r = self.reader(actor).await?;
        let mut profiles = r.event_profiles(event).await?;
        if let Some(kind) = q.kind {
            profiles.retain(|p| p.data.kind == kind);
        }
        if let Some(lang) = q.language.as_deref().filter(|l| !l.is_empty()) {
            profiles.retain(|p| p.data.language.as_str().eq_ignore_ascii_case(lang));
        }
        if let Some(code) = q.nace.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            profiles.retain(|p| p.data.nace.iter().any(|n| n.as_str().starts_with(code)));
        }
        if let Some(country) = q.country.as_deref().filter(|c| !c.is_empty()) {
            let ids: Vec<_> = profiles.iter().map(|p| p.org_id).collect();
            let of: HashMap<_, _> = koop_db::org::countries(r.conn(), &ids)
                .await?
                .into_iter()
                .collect();
            profiles.retain(|p| {
                of.get(&p.org_id)
                    .is_some_and(|c| c.eq_ignore_ascii_case(country))
            });
        }
        let words = words(&q.text);
        if !words.is_empty() {
            match self.backend() {
                Backend::Postgres => {
                    let hits: HashSet<_> = koop_db::profile::search_text(r.conn(), event, &words)
                        .await?
                        .into_iter()
                        .collect();
                    profiles.retain(|p| hits.contains(&p.id));
                }
                Backend::Sqlite => {
                    let analyzer = Analyzer::new();
                    profiles.retain(|p| text_matches(&analyzer, p, &words));
                }
            }
        }
        profiles.sort_by(|a, b| {
            a.data
                .title
                .to_lowercase()
                .cmp(&b.data.title.to_lowercase())
        });
        Ok(profiles)
    }
}
