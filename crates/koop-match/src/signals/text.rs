//! Text relevance: cosine of the stemmed TF-IDF vectors of title, text and keywords.

use super::Hit;
use crate::reason::Reason;

// Two short profiles on the same subject rarely share more than half their weighted vocabulary,
// so a cosine of 0.5 already counts as a full match; below 0.05 it is noise.
const FULL: f32 = 0.5;
const NOISE: f32 = 0.05;

/// The signal value for a cosine.
pub fn value(cosine: f32) -> f32 {
    if cosine < NOISE {
        0.0
    } else {
        (cosine / FULL).min(1.0)
    }
}

/// The hit for a cosine, with the shared words that weigh most.
pub fn score(cosine: f32, words: Vec<String>) -> Hit {
    let v = value(cosine);
    (v > 0.0).then_some((v, Reason::SimilarText { words }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cosines_are_noise_and_large_ones_saturate() {
        assert_eq!(value(0.01), 0.0);
        assert!((value(0.25) - 0.5).abs() < 1e-6);
        assert_eq!(value(0.9), 1.0);
        assert!(score(0.0, vec![]).is_none());
    }
}
