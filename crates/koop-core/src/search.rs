//! The marketplace: an event's published cooperation profiles, searched by text and
//! filtered by country, sector, kind and language.
//!
//! Text search finds a profile when every word of the query is the beginning of a word
//! of the profile (so "Метал" finds "металлообработка", and case does not matter in any
//! script), or has the same stem in the profile's language ("Kooperationen" finds
//! "Kooperation"). On PostgreSQL this is PostgreSQL's own full-text search; on SQLite
//! the same rule runs here, over the event's profiles, whose words are kept between
//! searches until something changes (`match_cache`).

use crate::match_cache::Stamp;
use crate::read::Reader;
use crate::{Actor, Backend, Core, CoreResult};
use koop_domain::ids::{EventId, OrgId, ProfileId};
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

/// A profile's words as the SQLite path compares them: each word as written (for
/// word beginnings) and the stems in the profile's language.
struct ProfileTerms {
    raw: Vec<String>,
    stems: HashSet<String>,
    lang: Option<LangCode>,
}

impl ProfileTerms {
    fn of(analyzer: &Analyzer, p: &Profile) -> Self {
        let body = format!(
            "{} {} {} {}",
            p.data.title,
            p.data.summary,
            p.data.description,
            p.data.keywords.join(" ")
        );
        let lang = LangCode::parse("language", p.data.language.as_str()).ok();
        let mut raw = words_of(&body);
        raw.sort();
        raw.dedup();
        ProfileTerms {
            stems: analyzer.terms(&body, lang).into_iter().collect(),
            raw,
            lang,
        }
    }

    /// Whether the profile has every word, as a word beginning or by stem.
    fn matches(&self, analyzer: &Analyzer, words: &[String]) -> bool {
        words.iter().all(|w| {
            self.raw.iter().any(|r| r.starts_with(w.as_str()))
                || analyzer
                    .terms(w, self.lang)
                    .iter()
                    .any(|s| self.stems.contains(s))
        })
    }
}

/// An event's published profiles, with their organisations' countries and (for the
/// SQLite path) their words, kept between searches (`match_cache`).
pub(crate) struct TextIndex {
    profiles: Vec<Profile>,
    countries: HashMap<OrgId, String>,
    terms: Vec<ProfileTerms>,
}

impl TextIndex {
    async fn build(r: &mut Reader, event: EventId, backend: Backend) -> CoreResult<Self> {
        let mut profiles = koop_db::profile::for_event(r.conn(), event).await?;
        profiles.sort_by_cached_key(|p| p.data.title.to_lowercase());
        let ids: Vec<_> = profiles.iter().map(|p| p.org_id).collect();
        let countries = koop_db::org::countries(r.conn(), &ids)
            .await?
            .into_iter()
            .collect();
        let terms = match backend {
            Backend::Sqlite => {
                let analyzer = Analyzer::new();
                profiles
                    .iter()
                    .map(|p| ProfileTerms::of(&analyzer, p))
                    .collect()
            }
            Backend::Postgres => vec![],
        };
        Ok(TextIndex {
            profiles,
            countries,
            terms,
        })
    }
}

/// A marketplace search's answer.
#[derive(Debug, Clone, Default)]
pub struct Market {
    /// The matching profiles, by title.
    pub found: Vec<Profile>,
    /// How many profiles the event has on its marketplace.
    pub total: usize,
    /// The languages its profiles are written in, for the filter.
    pub languages: Vec<String>,
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
    ) -> CoreResult<Market> {
        let mut r = self.reader(actor).await?;
        r.access(event).await?;
        let backend = self.backend();
        let stamp = Stamp::read(&mut r, event, None).await?;
        let index = self
            .search_cache
            .get(event, stamp, async || {
                TextIndex::build(&mut r, event, backend).await
            })
            .await?;
        let words = words(&q.text);
        // PostgreSQL answers the words with its own full-text search.
        let hits: Option<HashSet<ProfileId>> = match backend {
            Backend::Postgres if !words.is_empty() => Some(
                koop_db::profile::search_text(r.conn(), event, &words)
                    .await?
                    .into_iter()
                    .collect(),
            ),
            _ => None,
        };
        drop(r);
        let nace = q.nace.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let language = q.language.as_deref().filter(|l| !l.is_empty());
        let country = q.country.as_deref().filter(|c| !c.is_empty());
        let analyzer = (backend == Backend::Sqlite && !words.is_empty()).then(Analyzer::new);
        let found = index
            .profiles
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                q.kind.is_none_or(|k| p.data.kind == k)
                    && language.is_none_or(|l| p.data.language.as_str().eq_ignore_ascii_case(l))
                    && nace
                        .is_none_or(|code| p.data.nace.iter().any(|n| n.as_str().starts_with(code)))
                    && country.is_none_or(|c| {
                        index
                            .countries
                            .get(&p.org_id)
                            .is_some_and(|x| x.eq_ignore_ascii_case(c))
                    })
                    && match (&hits, &analyzer) {
                        (Some(hits), _) => hits.contains(&p.id),
                        (None, Some(a)) => index.terms[*i].matches(a, &words),
                        (None, None) => true,
                    }
            })
            .map(|(_, p)| p.clone())
            .collect();
        let mut languages: Vec<String> = index
            .profiles
            .iter()
            .map(|p| p.data.language.as_str().to_owned())
            .collect();
        languages.sort();
        languages.dedup();
        Ok(Market {
            found,
            total: index.profiles.len(),
            languages,
        })
    }
}
