//! Keyword relevance: the share of the asker's keywords found, stemmed, in the partner's profile.
//!
//! A keyword of several words counts only when all its words are found.

use super::Hit;
use crate::reason::Reason;

/// The share of keywords (each given as its sorted stem ids) found in `partner_terms` (sorted).
pub fn fraction(keyword_stems: &[Vec<u32>], partner_terms: &[u32]) -> f32 {
    if keyword_stems.is_empty() {
        return 0.0;
    }
    let found = keyword_stems
        .iter()
        .filter(|k| found(k, partner_terms))
        .count();
    found as f32 / keyword_stems.len() as f32
}

/// The fraction with the keywords found, as the asker wrote them.
pub fn score(keywords: &[String], keyword_stems: &[Vec<u32>], partner_terms: &[u32]) -> Hit {
    let words: Vec<String> = keywords
        .iter()
        .zip(keyword_stems)
        .filter(|(_, k)| found(k, partner_terms))
        .map(|(w, _)| w.clone())
        .collect();
    if words.is_empty() {
        return None;
    }
    Some((
        words.len() as f32 / keyword_stems.len() as f32,
        Reason::SharedKeywords { keywords: words },
    ))
}

fn found(stems: &[u32], terms: &[u32]) -> bool {
    !stems.is_empty() && stems.iter().all(|s| terms.binary_search(s).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keywords_whose_every_word_is_found() {
        let kw = vec![
            "battery recycling".to_string(),
            "lithium".to_string(),
            "hydrogen".to_string(),
        ];
        let stems = vec![vec![1, 2], vec![3], vec![4]];
        let terms = [1, 2, 3, 9];
        assert!((fraction(&stems, &terms) - 2.0 / 3.0).abs() < 1e-6);
        let (v, r) = score(&kw, &stems, &terms).unwrap();
        assert!((v - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(
            r,
            Reason::SharedKeywords {
                keywords: vec!["battery recycling".into(), "lithium".into()]
            }
        );
        assert_eq!(fraction(&stems, &[1, 9]), 0.0);
        assert!(score(&kw, &stems, &[]).is_none());
    }
}
