//! Answering "whom should this profile meet": one pass over all profiles with cheap signal
//! values, then reasons in words only for the few that make the list.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use serde::{Deserialize, Serialize};

use super::MatchIndex;
use crate::error::MatchError;
use crate::profile::{OrgId, ProfileId};
use crate::reason::Reason;
use crate::signals::{
    Hit, Signal, cluster, complementarity, geography, keywords, language, network, sector,
    semantic, text,
};

/// One recommended partner profile with its score and the reasons that carried it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The recommended profile.
    pub profile: ProfileId,
    /// Its organisation.
    pub org: OrgId,
    /// The weighted score; only comparable within one event's weights.
    pub score: f32,
    /// Every signal that had something to say, with its value and weighted contribution.
    pub signals: Vec<SignalValue>,
    /// The reasons, strongest first: the signals that added to the score.
    pub reasons: Vec<Reason>,
}

/// One signal's part in a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalValue {
    /// Which signal.
    pub signal: Signal,
    /// Its value in `[0, 1]`.
    pub value: f32,
    /// Value times weight.
    pub contribution: f32,
}

// What the ranking pass knows about a pair before the signals run.
#[derive(Clone, Copy)]
struct PairFacts {
    cos: f32,
    kw: f32,
    shared: u32,
    met: bool,
}

// The signals in the order of `values` and `hits`.
const SIGNALS: [Signal; 10] = [
    Signal::Complementarity,
    Signal::Sector,
    Signal::Keywords,
    Signal::Text,
    Signal::Semantic,
    Signal::Geography,
    Signal::Language,
    Signal::Network,
    Signal::MetBefore,
    Signal::Cluster,
];

// At most this many reasons are shown; more would not be read in the minutes a participant has.
const MAX_REASONS: usize = 4;

#[derive(PartialEq)]
struct Ranked(f32, Reverse<u32>);

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    // Higher score first; ties go to the earlier profile so results are deterministic.
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

impl MatchIndex {
    /// The `k` best partner profiles for `profile`, best first, each with at least one reason.
    ///
    /// Profiles of the asker's own organisation and excluded pairs are never recommended.
    pub fn recommend(
        &self,
        profile: ProfileId,
        k: usize,
    ) -> Result<Vec<Recommendation>, MatchError> {
        let q = *self.profile_pos.get(&profile).ok_or_else(|| {
            MatchError::invalid("profile", profile.0.to_string(), "no such profile")
        })?;
        let qo = self.profile_org[q as usize];
        let cosines = self.text_cosines(q);
        let kw = self.keyword_fractions(q);
        let shared = self.shared_partners(qo);
        // Hash look-ups per candidate are skipped when there is nothing to find: at 100,000
        // profiles they would cost more than all the signals together.
        let (any_excluded, any_met, any_shared) = (
            !self.excluded.is_empty(),
            !self.met.is_empty(),
            !shared.is_empty(),
        );
        let met_of = |co: u32| any_met && self.met.contains(&(qo.min(co), qo.max(co)));
        let shared_of = |co: u32| {
            if any_shared {
                shared.get(&co).copied().unwrap_or(0)
            } else {
                0
            }
        };
        let weights = SIGNALS.map(|s| self.input.weights.get(s));
        let mut heap: BinaryHeap<Reverse<Ranked>> = BinaryHeap::with_capacity(k + 1);
        for c in 0..self.len() as u32 {
            let co = self.profile_org[c as usize];
            if co == qo || (any_excluded && self.excluded.contains(&(qo.min(co), qo.max(co)))) {
                continue;
            }
            let met = met_of(co);
            if met && self.input.exclude_met_before {
                continue;
            }
            let facts = PairFacts {
                cos: cosines[c as usize],
                kw: kw[c as usize],
                shared: shared_of(co),
                met,
            };
            let values = self.values(q, c, facts);
            let mut score = 0.0;
            let mut positive = false;
            for (v, w) in values.iter().zip(&weights) {
                let contribution = v * w;
                score += contribution;
                positive |= contribution > 0.0;
            }
            if !positive || score <= 0.0 {
                continue;
            }
            if heap.len() < k {
                heap.push(Reverse(Ranked(score, Reverse(c))));
            } else if let Some(min) = heap.peek()
                && Ranked(score, Reverse(c)) > min.0
            {
                heap.pop();
                heap.push(Reverse(Ranked(score, Reverse(c))));
            }
        }
        let mut top: Vec<Ranked> = heap.into_iter().map(|r| r.0).collect();
        top.sort_by(|a, b| b.cmp(a));
        Ok(top
            .into_iter()
            .map(|Ranked(score, Reverse(c))| {
                let co = self.profile_org[c as usize];
                let hits = self.hits(
                    q,
                    c,
                    PairFacts {
                        cos: cosines[c as usize],
                        kw: kw[c as usize],
                        shared: shared_of(co),
                        met: met_of(co),
                    },
                );
                self.explain(c, score, hits)
            })
            .collect())
    }

    // The share of the asker's keywords in every profile, through the inverted index: a
    // keyword counts for a profile when all its stems occur there.
    fn keyword_fractions(&self, q: u32) -> Vec<f32> {
        let mut out = vec![0.0f32; self.len()];
        let keywords = &self.keyword_stems[q as usize];
        if keywords.is_empty() {
            return out;
        }
        let share = 1.0 / keywords.len() as f32;
        let mut count = vec![0u8; self.len()];
        for stems in keywords.iter().filter(|k| !k.is_empty()) {
            let mut touched = Vec::new();
            for &t in stems {
                for &(p, _) in &self.postings[t as usize] {
                    if count[p as usize] == 0 {
                        touched.push(p);
                    }
                    count[p as usize] = count[p as usize].saturating_add(1);
                }
            }
            for p in touched {
                if usize::from(count[p as usize]) == stems.len() {
                    out[p as usize] += share;
                }
                count[p as usize] = 0;
            }
        }
        out
    }

    // Cosine of the asker's text vector with every profile, through the inverted index.
    fn text_cosines(&self, q: u32) -> Vec<f32> {
        let mut acc = vec![0.0f32; self.len()];
        for &(t, wq) in &self.vectors[q as usize].entries {
            for &(p, wp) in &self.postings[t as usize] {
                acc[p as usize] += wq * wp;
            }
        }
        acc
    }

    // For every organisation two steps away: how many of the asker's partners it shares.
    fn shared_partners(&self, qo: u32) -> HashMap<u32, u32> {
        let mut counts = HashMap::new();
        for &r in &self.partners[qo as usize] {
            for &s in &self.partners[r as usize] {
                if s != qo {
                    *counts.entry(s).or_default() += 1;
                }
            }
        }
        counts
    }

    // The ranking pass: the same signals as `hits`, values only, so that no reason is built or
    // dropped for the many profiles that are not shown. A test checks that both agree.
    fn values(&self, q: u32, c: u32, facts: PairFacts) -> [f32; 10] {
        let v = |h: Hit| h.map_or(0.0, |x| x.0);
        let d = &self.dense;
        let (qo, co) = (self.profile_org[q as usize], self.profile_org[c as usize]);
        let sec = v(sector::score(d.nace.get(q), d.nace.get(c)));
        let txt = text::value(facts.cos);
        let sem = if d.embedded[q as usize] && d.embedded[c as usize] {
            match (
                &self.input.profiles[q as usize].embedding,
                &self.input.profiles[c as usize].embedding,
            ) {
                (Some(a), Some(b)) => v(semantic::score(a, b, self.input.weights.semantic_floor)),
                _ => 0.0,
            }
        } else {
            0.0
        };
        let topical = sec.max(facts.kw).max(txt).max(sem);
        let comp = v(complementarity::gate(
            complementarity::score(d.kinds[q as usize], d.kinds[c as usize]),
            topical,
        ));
        let geo = v(geography::score(
            d.country[qo as usize],
            d.sought.get(q),
            d.country[co as usize],
            d.sought.get(c),
        ));
        let lang = v(language::score(d.languages.get(qo), d.languages.get(co)));
        let together = if self.partners[qo as usize].binary_search(&co).is_ok() {
            self.together
                .get(&(qo.min(co), qo.max(co)))
                .copied()
                .unwrap_or(0)
        } else {
            0
        };
        let net = v(network::score(facts.shared, together));
        let met = if facts.met { 1.0 } else { 0.0 };
        let (qc, cc) = (d.clusters.get(qo), d.clusters.get(co));
        let clu = if qc.is_empty() || cc.is_empty() {
            0.0
        } else {
            cluster::value(qc, cc, &self.input.clusters).unwrap_or(0.0)
        };
        [comp, sec, facts.kw, txt, sem, geo, lang, net, met, clu]
    }

    fn hits(&self, q: u32, c: u32, facts: PairFacts) -> [(Signal, Hit); 10] {
        let PairFacts {
            cos,
            kw: _,
            shared,
            met,
        } = facts;
        let (qp, cp) = (
            &self.input.profiles[q as usize],
            &self.input.profiles[c as usize],
        );
        let (qo, co) = (self.profile_org[q as usize], self.profile_org[c as usize]);
        let d = &self.dense;
        let kw = keywords::score(
            &qp.keywords,
            &self.keyword_stems[q as usize],
            &self.terms[c as usize],
        );
        let txt = text::score(
            cos,
            if cos > 0.0 {
                self.shared_words(q, c)
            } else {
                Vec::new()
            },
        );
        let both_embedded = d.embedded[q as usize] && d.embedded[c as usize];
        let sem = match (&qp.embedding, &cp.embedding) {
            _ if !both_embedded => None,
            (Some(a), Some(b)) => semantic::score(a, b, self.input.weights.semantic_floor),
            _ => None,
        };
        let together = if self.partners[qo as usize].binary_search(&co).is_ok() {
            self.together
                .get(&(qo.min(co), qo.max(co)))
                .copied()
                .unwrap_or(0)
        } else {
            0
        };
        let (qc, cc) = (d.clusters.get(qo), d.clusters.get(co));
        let clusters = if qc.is_empty() || cc.is_empty() {
            None
        } else {
            cluster::score(qc, cc, &self.input.clusters)
        };
        let sec = sector::score(d.nace.get(q), d.nace.get(c));
        let topical = [&sec, &kw, &txt, &sem]
            .iter()
            .filter_map(|h| h.as_ref().map(|x| x.0))
            .fold(0.0f32, f32::max);
        let comp = complementarity::gate(
            complementarity::score(d.kinds[q as usize], d.kinds[c as usize]),
            topical,
        );
        [
            (Signal::Complementarity, comp),
            (Signal::Sector, sec),
            (Signal::Keywords, kw),
            (Signal::Text, txt),
            (Signal::Semantic, sem),
            (
                Signal::Geography,
                geography::score(
                    d.country[qo as usize],
                    d.sought.get(q),
                    d.country[co as usize],
                    d.sought.get(c),
                ),
            ),
            (
                Signal::Language,
                language::score(d.languages.get(qo), d.languages.get(co)),
            ),
            (Signal::Network, network::score(shared, together)),
            (Signal::MetBefore, network::met_before(met)),
            (Signal::Cluster, clusters),
        ]
    }

    // The weighted sum, and whether any signal added to it (so there is a reason to show).

    fn explain(&self, c: u32, score: f32, hits: [(Signal, Hit); 10]) -> Recommendation {
        let mut signals = Vec::new();
        let mut reasons: Vec<(f32, Reason)> = Vec::new();
        for (s, h) in hits {
            if let Some((value, reason)) = h {
                let contribution = value * self.input.weights.get(s);
                signals.push(SignalValue {
                    signal: s,
                    value,
                    contribution,
                });
                if contribution > 0.0 {
                    reasons.push((contribution, reason));
                }
            }
        }
        // A stable sort keeps the signal order for equal contributions: deterministic output.
        reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
        let p = &self.input.profiles[c as usize];
        Recommendation {
            profile: p.id,
            org: p.org,
            score,
            signals,
            reasons: reasons.into_iter().take(MAX_REASONS).map(|r| r.1).collect(),
        }
    }

    // The shared stems that weigh most, shown as the partner wrote them.
    fn shared_words(&self, q: u32, c: u32) -> Vec<String> {
        let ids = self.vectors[q as usize].top_shared(&self.vectors[c as usize], 3);
        let p = &self.input.profiles[c as usize];
        let surface = format!("{} {} {}", p.title, p.keywords.join(" "), p.text);
        let lang = super::profile_language(p);
        ids.iter()
            .filter_map(|&id| {
                let stem = self.vocab.term(id)?;
                crate::text::tokenize(&surface)
                    .into_iter()
                    .find(|t| {
                        self.analyzer
                            .terms(&t.text, lang)
                            .first()
                            .is_some_and(|s| s == stem)
                    })
                    .map(|t| t.text)
                    .or_else(|| Some(stem.to_string()))
            })
            .collect()
    }
}
