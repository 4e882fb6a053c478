//! Semantic similarity: the cosine of two embeddings computed elsewhere, so texts in different
//! languages can match. The engine never computes embeddings itself.

use super::Hit;
use crate::reason::Reason;

/// Cosine similarity; `0` for empty or zero vectors or different lengths.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let (mut d, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        d += x * y;
        na += x * x;
        nb += y * y;
    }
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        d / (na.sqrt() * nb.sqrt())
    }
}

/// The cosine rescaled so that `floor` maps to 0 and 1 to 1; embedding models give even
/// unrelated texts a clearly positive cosine, so the floor is per model and per event.
pub fn score(a: &[f32], b: &[f32], floor: f32) -> Hit {
    let v = (cosine(a, b) - floor) / (1.0 - floor);
    (v > 0.0).then_some((v.min(1.0), Reason::SimilarMeaning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_is_rescaled_above_the_floor() {
        assert!((cosine(&[1.0, 0.0], &[1.0, 0.0]) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&[1.0], &[1.0, 2.0]), 0.0);
        assert_eq!(score(&[1.0, 0.0], &[0.0, 1.0], 0.5), None);
        let (v, _) = score(&[1.0, 1.0], &[1.0, 0.0], 0.5).unwrap();
        assert!((v - (0.70710677 - 0.5) / 0.5).abs() < 1e-5);
    }
}
