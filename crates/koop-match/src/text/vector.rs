//! Sparse TF-IDF term vectors over a shared vocabulary.

use std::collections::HashMap;

/// Interned terms and their document frequencies over one collection of profiles.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    terms: Vec<String>,
    df: Vec<u32>,
    docs: u32,
}

/// A sparse vector: term ids in increasing order with weights, L2-normalised.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TermVector {
    /// `(term id, weight)` sorted by term id.
    pub entries: Vec<(u32, f32)>,
}

impl Vocabulary {
    /// Counts one document's distinct terms towards the document frequencies.
    pub fn add_document<'a>(&mut self, terms: impl IntoIterator<Item = &'a str>) {
        self.docs += 1;
        let mut seen: Vec<u32> = Vec::new();
        for t in terms {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(t.to_string()).or_insert(next);
            if id as usize == self.df.len() {
                self.df.push(0);
                self.terms.push(t.to_string());
            }
            if !seen.contains(&id) {
                seen.push(id);
                self.df[id as usize] += 1;
            }
        }
    }

    /// The id of a term, if it occurs in any document.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// The term for an id.
    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    /// Smoothed inverse document frequency; a term in every document weighs almost nothing.
    pub fn idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f32;
        ((1.0 + self.docs as f32) / (1.0 + df)).ln() + 0.01
    }

    /// The number of documents counted.
    pub fn documents(&self) -> u32 {
        self.docs
    }

    /// A TF-IDF vector of weighted terms; terms not in the vocabulary are ignored.
    pub fn vector<'a>(&self, terms: impl IntoIterator<Item = (&'a str, f32)>) -> TermVector {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        for (t, w) in terms {
            if let Some(id) = self.id(t) {
                *tf.entry(id).or_default() += w;
            }
        }
        let mut entries: Vec<(u32, f32)> = tf
            .into_iter()
            .map(|(id, f)| (id, (1.0 + f.ln().max(0.0)) * self.idf(id)))
            .collect();
        entries.sort_unstable_by_key(|e| e.0);
        let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for e in &mut entries {
                e.1 /= norm;
            }
        }
        TermVector { entries }
    }
}

impl TermVector {
    /// Cosine similarity (both vectors are normalised).
    pub fn dot(&self, other: &TermVector) -> f32 {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        let (a, b) = (&self.entries, &other.entries);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }

    /// The shared terms ordered by their contribution to the dot product, largest first.
    pub fn top_shared(&self, other: &TermVector, n: usize) -> Vec<u32> {
        let mut shared: Vec<(u32, f32)> = self
            .entries
            .iter()
            .filter_map(|(id, w)| {
                other
                    .entries
                    .binary_search_by_key(id, |e| e.0)
                    .ok()
                    .map(|j| (*id, w * other.entries[j].1))
            })
            .collect();
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        shared.into_iter().take(n).map(|e| e.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_shared_terms_weigh_more_than_common_ones() {
        let mut v = Vocabulary::default();
        for d in [
            &["batteri", "recycl"][..],
            &["batteri", "partner"],
            &["partner", "softwar"],
            &["partner"],
        ] {
            v.add_document(d.iter().copied());
        }
        let q = v.vector([("recycl", 1.0), ("partner", 1.0)]);
        let rare = v.vector([("recycl", 1.0)]);
        let common = v.vector([("partner", 1.0)]);
        assert!(q.dot(&rare) > q.dot(&common));
        assert!((rare.dot(&rare) - 1.0).abs() < 1e-5);
        assert_eq!(
            q.top_shared(&v.vector([("recycl", 1.0), ("partner", 1.0)]), 1),
            vec![v.id("recycl").unwrap()]
        );
    }
}
