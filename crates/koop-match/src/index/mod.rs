//! The match index: everything about a set of profiles that does not depend on the asker,
//! computed once, so one recommendation among 100,000 profiles is a single linear pass.

mod dense;
mod query;
mod views;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use query::{Recommendation, SignalValue};

use crate::error::MatchError;
use crate::profile::{ClusterMap, History, OrgId, Organisation, Profile, ProfileId};
use crate::signals::Weights;
use crate::text::{Analyzer, TermVector, Vocabulary};

/// Everything one matching run needs: an event's organisations and profiles, what is known of
/// their past, and the organiser's settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MatchInput {
    /// The organisations taking part.
    pub organisations: Vec<Organisation>,
    /// Their profiles.
    pub profiles: Vec<Profile>,
    /// Past meetings and consortia.
    pub history: History,
    /// Cluster names and complementary cluster pairs.
    pub clusters: ClusterMap,
    /// Signal weights for this event.
    pub weights: Weights,
    /// Pairs of organisations the organiser does not want to recommend to each other.
    pub exclusions: Vec<(OrgId, OrgId)>,
    /// Never recommend organisations that met before.
    pub exclude_met_before: bool,
}

/// The language of a profile: as its author said, or guessed from title and text together
/// (a title alone is often too short to tell).
pub(crate) fn profile_language(p: &Profile) -> Option<crate::codes::LangCode> {
    p.language
        .or_else(|| crate::text::detect_language(&format!("{} {}", p.title, p.text)))
}

/// The prepared index over one [`MatchInput`].
pub struct MatchIndex {
    input: MatchInput,
    profile_pos: HashMap<ProfileId, u32>,
    // The organisation index of each profile.
    profile_org: Vec<u32>,
    vocab: Vocabulary,
    vectors: Vec<TermVector>,
    // term id → (profile, weight): the inverted index that makes text similarity sparse.
    postings: Vec<Vec<(u32, f32)>>,
    // Sorted distinct term ids of each profile, for keyword look-ups.
    terms: Vec<Vec<u32>>,
    // Per profile, per keyword: its sorted stem ids.
    keyword_stems: Vec<Vec<Vec<u32>>>,
    // Per organisation: sorted distinct past consortium partners.
    partners: Vec<Vec<u32>>,
    together: HashMap<(u32, u32), u32>,
    met: HashSet<(u32, u32)>,
    excluded: HashSet<(u32, u32)>,
    analyzer: Analyzer,
    dense: dense::Dense,
}

// Title words and keywords say more about a profile than a word in its description.
const TITLE_WEIGHT: f32 = 2.0;
const KEYWORD_WEIGHT: f32 = 2.0;

impl MatchIndex {
    /// Validates the input and builds the index.
    pub fn build(input: MatchInput) -> Result<Self, MatchError> {
        input.weights.validate()?;
        let mut org_pos: HashMap<OrgId, u32> = HashMap::new();
        for (i, o) in input.organisations.iter().enumerate() {
            if org_pos.insert(o.id, i as u32).is_some() {
                return Err(MatchError::DuplicateId {
                    what: "organisation",
                    id: o.id.0,
                });
            }
        }
        let mut profile_pos = HashMap::new();
        let mut profile_org = Vec::with_capacity(input.profiles.len());
        let mut dims = None;
        for (i, p) in input.profiles.iter().enumerate() {
            if profile_pos.insert(p.id, i as u32).is_some() {
                return Err(MatchError::DuplicateId {
                    what: "profile",
                    id: p.id.0,
                });
            }
            let org = *org_pos.get(&p.org).ok_or(MatchError::UnknownOrganisation {
                profile: p.id.0,
                org: p.org.0,
            })?;
            profile_org.push(org);
            if let Some(e) = &p.embedding {
                let expected = *dims.get_or_insert(e.len());
                if e.len() != expected {
                    return Err(MatchError::EmbeddingDimension {
                        profile: p.id.0,
                        got: e.len(),
                        expected,
                    });
                }
            }
        }
        let pair = |a: OrgId, b: OrgId| -> Option<(u32, u32)> {
            let (x, y) = (*org_pos.get(&a)?, *org_pos.get(&b)?);
            Some((x.min(y), x.max(y)))
        };
        let excluded = input
            .exclusions
            .iter()
            .filter_map(|&(a, b)| pair(a, b))
            .collect();
        let met = input
            .history
            .met
            .iter()
            .filter_map(|&(a, b)| pair(a, b))
            .collect();
        let mut together: HashMap<(u32, u32), u32> = HashMap::new();
        let mut partners = vec![Vec::new(); input.organisations.len()];
        for consortium in &input.history.consortia {
            // Organisations not taking part still link those that are; they are skipped here
            // because only participants can be recommended or asked for.
            let mut members: Vec<u32> = consortium
                .iter()
                .filter_map(|o| org_pos.get(o).copied())
                .collect();
            members.sort_unstable();
            members.dedup();
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    *together.entry((a, b)).or_default() += 1;
                    partners[a as usize].push(b);
                    partners[b as usize].push(a);
                }
            }
        }
        for p in &mut partners {
            p.sort_unstable();
            p.dedup();
        }

        let analyzer = Analyzer::new();
        let mut docs: Vec<Vec<(String, f32)>> = Vec::with_capacity(input.profiles.len());
        let mut keyword_words: Vec<Vec<Vec<String>>> = Vec::with_capacity(input.profiles.len());
        let mut vocab = Vocabulary::default();
        for p in &input.profiles {
            let lang = profile_language(p);
            let mut doc: Vec<(String, f32)> = analyzer
                .terms(&p.title, lang)
                .into_iter()
                .map(|t| (t, TITLE_WEIGHT))
                .collect();
            doc.extend(analyzer.terms(&p.text, lang).into_iter().map(|t| (t, 1.0)));
            let kws: Vec<Vec<String>> =
                p.keywords.iter().map(|k| analyzer.terms(k, lang)).collect();
            for k in &kws {
                doc.extend(k.iter().map(|t| (t.clone(), KEYWORD_WEIGHT)));
            }
            vocab.add_document(doc.iter().map(|(t, _)| t.as_str()));
            docs.push(doc);
            keyword_words.push(kws);
        }
        let mut vectors = Vec::with_capacity(docs.len());
        let mut terms = Vec::with_capacity(docs.len());
        let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            let v = vocab.vector(doc.iter().map(|(t, w)| (t.as_str(), *w)));
            for &(t, w) in &v.entries {
                if postings.len() <= t as usize {
                    postings.resize(t as usize + 1, Vec::new());
                }
                postings[t as usize].push((i as u32, w));
            }
            terms.push(v.entries.iter().map(|e| e.0).collect());
            vectors.push(v);
        }
        let keyword_stems = keyword_words
            .iter()
            .map(|kws| {
                kws.iter()
                    .map(|k| {
                        let mut ids: Vec<u32> = k.iter().filter_map(|t| vocab.id(t)).collect();
                        ids.sort_unstable();
                        ids.dedup();
                        ids
                    })
                    .collect()
            })
            .collect();
        let dense = dense::Dense::new(&input);
        Ok(Self {
            dense,
            input,
            profile_pos,
            profile_org,
            vocab,
            vectors,
            postings,
            terms,
            keyword_stems,
            partners,
            together,
            met,
            excluded,
            analyzer,
        })
    }

    /// The number of profiles indexed.
    pub fn len(&self) -> usize {
        self.input.profiles.len()
    }

    /// Whether no profile is indexed.
    pub fn is_empty(&self) -> bool {
        self.input.profiles.is_empty()
    }

    /// The input the index was built from.
    pub fn input(&self) -> &MatchInput {
        &self.input
    }
}
