//! Complementarity: an offer meets a request of the same nature (business, technology,
//! research), and an investment or settlement interest meets its counterpart.

use super::Hit;
use crate::profile::{InvestmentInterest as I, ProfileKind as K};
use crate::reason::Reason;

/// How well the partner's profile complements the asker's, in `[0, 1]`.
pub fn score(asker: (K, Option<I>), partner: (K, Option<I>)) -> Hit {
    let kind = kind_fit(asker.0, partner.0);
    let invest = match (asker.1, partner.1) {
        (Some(a), Some(p)) => invest_fit(a, p),
        _ => None,
    };
    match (kind, invest) {
        (Some(k), Some(i)) => Some(if i.0 >= k.0 { i } else { k }),
        (k, i) => k.or(i),
    }
}

/// An offer meets a request only if it is about the same thing: the kind-based part of the
/// signal is scaled by the pair's topical evidence (the strongest of sector, keywords, text and
/// meaning, in `[0, 1]`), keeping a quarter without any. Investment and settlement interests
/// are about capital and place, not topic, and stay as they are.
pub fn gate(hit: Hit, topical: f32) -> Hit {
    match hit {
        Some((
            v,
            r @ (Reason::OffersWhatYouSeek | Reason::SeeksWhatYouOffer | Reason::ResearchPartners),
        )) => Some((v * (0.25 + 0.75 * topical.clamp(0.0, 1.0)), r)),
        other => other,
    }
}

fn kind_fit(a: K, p: K) -> Hit {
    // A request of one nature met by an offer of the same nature fits fully; across natures
    // (a technology for a business need) it fits half; two offers can still be peers.
    let (v, r) = match (a, p) {
        (K::BusinessRequest, K::BusinessOffer) | (K::TechnologyRequest, K::TechnologyOffer) => {
            (1.0, Reason::OffersWhatYouSeek)
        }
        (K::BusinessOffer, K::BusinessRequest) | (K::TechnologyOffer, K::TechnologyRequest) => {
            (1.0, Reason::SeeksWhatYouOffer)
        }
        (K::ResearchRequest, K::ResearchRequest) => (0.8, Reason::ResearchPartners),
        (K::ResearchRequest, K::TechnologyOffer) => (0.6, Reason::OffersWhatYouSeek),
        (K::TechnologyOffer, K::ResearchRequest) => (0.6, Reason::SeeksWhatYouOffer),
        (K::TechnologyRequest, K::BusinessOffer) | (K::BusinessRequest, K::TechnologyOffer) => {
            (0.5, Reason::OffersWhatYouSeek)
        }
        (K::BusinessOffer, K::TechnologyRequest) | (K::TechnologyOffer, K::BusinessRequest) => {
            (0.5, Reason::SeeksWhatYouOffer)
        }
        _ => return None,
    };
    Some((v, r))
}

fn invest_fit(a: I, p: I) -> Hit {
    let r = match (a, p) {
        (I::SeeksInvestment, I::OffersInvestment) => Reason::InvestorForYou,
        (I::OffersInvestment, I::SeeksInvestment) => Reason::SeeksInvestment,
        (I::SeeksSettlement, I::OffersSettlement) => Reason::OffersLocation,
        (I::OffersSettlement, I::SeeksSettlement) => Reason::WantsToSettle,
        _ => return None,
    };
    Some((1.0, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_meets_a_request_of_the_same_nature() {
        assert_eq!(
            score((K::BusinessRequest, None), (K::BusinessOffer, None)),
            Some((1.0, Reason::OffersWhatYouSeek))
        );
        assert_eq!(
            score((K::TechnologyOffer, None), (K::TechnologyRequest, None)),
            Some((1.0, Reason::SeeksWhatYouOffer))
        );
        assert_eq!(
            score((K::TechnologyRequest, None), (K::BusinessOffer, None)).map(|h| h.0),
            Some(0.5)
        );
        assert_eq!(
            score((K::BusinessRequest, None), (K::BusinessRequest, None)),
            None
        );
    }

    #[test]
    fn an_offer_on_another_subject_counts_a_quarter() {
        let hit = score((K::BusinessRequest, None), (K::BusinessOffer, None));
        assert_eq!(gate(hit.clone(), 1.0), hit);
        assert_eq!(gate(hit, 0.0), Some((0.25, Reason::OffersWhatYouSeek)));
        let settle = score(
            (K::BusinessRequest, Some(I::SeeksSettlement)),
            (K::BusinessOffer, Some(I::OffersSettlement)),
        );
        assert_eq!(gate(settle.clone(), 0.0), settle);
    }

    #[test]
    fn investment_and_settlement_interests_meet_their_counterparts() {
        let a = (K::BusinessOffer, Some(I::SeeksSettlement));
        let p = (K::BusinessOffer, Some(I::OffersSettlement));
        assert_eq!(score(a, p), Some((1.0, Reason::OffersLocation)));
        assert_eq!(score(p, a), Some((1.0, Reason::WantsToSettle)));
        assert_eq!(
            score(
                (K::BusinessOffer, Some(I::SeeksInvestment)),
                (K::BusinessOffer, Some(I::SeeksInvestment))
            ),
            None
        );
    }
}
