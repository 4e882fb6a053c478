//! Geography: the partner is where the asker seeks partners, or seeks partners where the asker is.

use super::Hit;
use crate::codes::CountryCode;
use crate::reason::Reason;

/// 1 when the partner is in a country the asker seeks, 0.5 when only the partner seeks the
/// asker's country (interest one way is weaker than a match of the asker's own wish).
pub fn score(
    asker_country: CountryCode,
    asker_seeks: &[CountryCode],
    partner_country: CountryCode,
    partner_seeks: &[CountryCode],
) -> Hit {
    if asker_seeks.contains(&partner_country) {
        return Some((
            1.0,
            Reason::InCountryYouSeek {
                country: partner_country,
            },
        ));
    }
    if partner_seeks.contains(&asker_country) {
        return Some((
            0.5,
            Reason::SeeksPartnersInYourCountry {
                country: asker_country,
            },
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_askers_wish_counts_more_than_the_partners() {
        let c = |s| CountryCode::parse("country", s).unwrap();
        let (de, kz) = (c("DE"), c("KZ"));
        assert_eq!(
            score(de, &[kz], kz, &[]),
            Some((1.0, Reason::InCountryYouSeek { country: kz }))
        );
        assert_eq!(
            score(de, &[], kz, &[de]),
            Some((0.5, Reason::SeeksPartnersInYourCountry { country: de }))
        );
        assert_eq!(score(de, &[c("UZ")], kz, &[]), None);
    }
}
