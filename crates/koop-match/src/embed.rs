//! Embeddings behind a trait: the engine never computes or fetches vectors itself. A caller
//! plugs in a provider (an OpenAI-compatible HTTP service, a test double), fills the profiles'
//! vectors, and keeps them with the profile until its text changes.

use thiserror::Error;

use crate::profile::Profile;

/// Turns texts into vectors, one per text, in order.
pub trait EmbeddingProvider {
    /// Embeds a batch of texts.
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbeddingError>;
}

/// Why embedding failed.
#[derive(Debug, Error)]
pub enum EmbeddingError {
    /// The service could not be reached or answered with an error.
    #[error("embedding service {url}: {why}")]
    Service {
        /// The endpoint.
        url: String,
        /// What went wrong.
        why: String,
    },
    /// The service answered with the wrong number of vectors.
    #[error("embedding service returned {got} vectors for {expected} texts")]
    Count {
        /// Vectors received.
        got: usize,
        /// Texts sent.
        expected: usize,
    },
}

/// What is embedded for a profile: title, keywords and text, so that all three carry meaning.
pub fn profile_text(p: &Profile) -> String {
    let mut s = p.title.clone();
    if !p.keywords.is_empty() {
        s.push_str(". ");
        s.push_str(&p.keywords.join(", "));
    }
    if !p.text.is_empty() {
        s.push_str(". ");
        s.push_str(&p.text);
    }
    s
}

/// A fingerprint (64-bit FNV-1a) of [`profile_text`]: store it beside the vector and embed
/// again when it differs.
pub fn text_fingerprint(p: &Profile) -> u64 {
    profile_text(p).bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Embeds every profile without a vector, in batches of `batch`; returns how many were embedded.
pub fn embed_missing(
    provider: &dyn EmbeddingProvider,
    profiles: &mut [Profile],
    batch: usize,
) -> Result<usize, EmbeddingError> {
    let missing: Vec<usize> = (0..profiles.len())
        .filter(|&i| profiles[i].embedding.is_none())
        .collect();
    for chunk in missing.chunks(batch.max(1)) {
        let texts: Vec<String> = chunk.iter().map(|&i| profile_text(&profiles[i])).collect();
        let vectors = provider.embed(&texts)?;
        if vectors.len() != texts.len() {
            return Err(EmbeddingError::Count {
                got: vectors.len(),
                expected: texts.len(),
            });
        }
        for (&i, v) in chunk.iter().zip(vectors) {
            profiles[i].embedding = Some(v);
        }
    }
    Ok(missing.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{OrgId, ProfileId, ProfileKind};

    // Letters a–z counted: enough to check plumbing without a model.
    struct Letters;

    impl EmbeddingProvider for Letters {
        fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbeddingError> {
            Ok(texts
                .iter()
                .map(|t| {
                    let mut v = vec![0.0; 26];
                    for b in t
                        .to_ascii_lowercase()
                        .bytes()
                        .filter(u8::is_ascii_lowercase)
                    {
                        v[usize::from(b - b'a')] += 1.0;
                    }
                    v
                })
                .collect())
        }
    }

    fn profile(id: u64, title: &str) -> Profile {
        Profile {
            id: ProfileId(id),
            org: OrgId(id),
            kind: ProfileKind::BusinessOffer,
            investment: None,
            title: title.into(),
            text: String::new(),
            language: None,
            nace: vec![],
            keywords: vec![],
            countries_sought: vec![],
            embedding: None,
        }
    }

    #[test]
    fn only_missing_vectors_are_computed_and_text_changes_show_in_the_fingerprint() {
        let mut ps = vec![profile(1, "abc"), profile(2, "xyz"), profile(3, "aaa")];
        ps[1].embedding = Some(vec![9.0]);
        assert_eq!(embed_missing(&Letters, &mut ps, 2).unwrap(), 2);
        assert_eq!(ps[1].embedding, Some(vec![9.0]));
        assert_eq!(ps[2].embedding.as_ref().map(|v| v[0]), Some(3.0));
        let before = text_fingerprint(&ps[0]);
        ps[0].title.push('d');
        assert_ne!(before, text_fingerprint(&ps[0]));
    }
}
