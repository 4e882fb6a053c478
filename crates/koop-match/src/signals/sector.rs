//! Sector proximity on the NACE hierarchy: the deepest level any two codes share.

use super::Hit;
use crate::nace::{NaceCode, best_proximity};
use crate::reason::Reason;

/// The proximity of the closest pair of codes, or `None` when no section is shared.
pub fn score(asker: &[NaceCode], partner: &[NaceCode]) -> Hit {
    best_proximity(asker, partner)
        .map(|(level, nace)| (level.proximity(), Reason::SameSector { level, nace }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nace::NaceLevel;

    #[test]
    fn the_deepest_shared_level_counts() {
        let n = |s| NaceCode::parse("nace", s).unwrap();
        let (v, r) = score(&[n("20.14")], &[n("62.01"), n("20.16")]).unwrap();
        assert_eq!(v, 0.75);
        assert_eq!(
            r,
            Reason::SameSector {
                level: NaceLevel::Group,
                nace: n("20.1")
            }
        );
        assert!(score(&[n("20.14")], &[n("62.01")]).is_none());
        assert!(score(&[], &[n("62.01")]).is_none());
    }
}
