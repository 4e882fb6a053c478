//! Network signals from past cooperation: partners in common, consortia together, met before.

use super::Hit;
use crate::reason::Reason;

/// Worked together before counts fully; otherwise each shared partner halves the distance to 1.
pub fn score(shared_partners: u32, consortia_together: u32) -> Hit {
    if consortia_together > 0 {
        return Some((
            1.0,
            Reason::WorkedTogether {
                count: consortia_together,
            },
        ));
    }
    if shared_partners == 0 {
        return None;
    }
    Some((
        1.0 - 0.5f32.powi(shared_partners.min(30) as i32),
        Reason::SharedPartners {
            count: shared_partners,
        },
    ))
}

/// Met at an earlier event: 1 or nothing; the (usually negative) weight decides what it means.
pub fn met_before(met: bool) -> Hit {
    met.then_some((1.0, Reason::MetBefore))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_shared_partners_count_more_with_diminishing_returns() {
        assert_eq!(score(0, 0), None);
        assert_eq!(score(1, 0).map(|h| h.0), Some(0.5));
        assert_eq!(
            score(2, 0),
            Some((0.75, Reason::SharedPartners { count: 2 }))
        );
        assert_eq!(
            score(2, 1),
            Some((1.0, Reason::WorkedTogether { count: 1 }))
        );
        assert_eq!(met_before(false), None);
    }
}
