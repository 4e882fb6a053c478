//! Reasons: why a partner was recommended, as a stable code with parameters (for the UI to
//! translate) and as plain German or English text.

use serde::{Deserialize, Serialize};

use crate::codes::{CountryCode, LangCode, Locale};
use crate::nace::{NaceCode, NaceLevel};

/// One reason a partner fits, from the point of view of the person asking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// The partner offers what the asker's request seeks.
    OffersWhatYouSeek,
    /// The partner seeks what the asker offers.
    SeeksWhatYouOffer,
    /// Both look for research and development partners.
    ResearchPartners,
    /// The partner wants to invest; the asker seeks investment.
    InvestorForYou,
    /// The partner seeks investment; the asker wants to invest.
    SeeksInvestment,
    /// The partner offers a location; the asker wants to settle.
    OffersLocation,
    /// The partner wants to settle; the asker offers a location.
    WantsToSettle,
    /// Both work in the same part of the NACE classification.
    SameSector {
        /// How deep the shared part is.
        level: NaceLevel,
        /// The shared code, cut to that level (`20.1`).
        nace: NaceCode,
    },
    /// Keywords of the asker that the partner's profile contains.
    SharedKeywords {
        /// The keywords as the asker wrote them.
        keywords: Vec<String>,
    },
    /// The texts are about the same things.
    SimilarText {
        /// The words both texts share that weigh most, as the partner wrote them.
        words: Vec<String>,
    },
    /// The texts mean similar things, possibly in different languages (from embeddings).
    SimilarMeaning,
    /// The partner is based in a country where the asker seeks partners.
    InCountryYouSeek {
        /// The partner's country.
        country: CountryCode,
    },
    /// The partner seeks partners in the asker's country.
    SeeksPartnersInYourCountry {
        /// The asker's country.
        country: CountryCode,
    },
    /// Both sides speak this language.
    SharedLanguage {
        /// The language.
        language: LangCode,
    },
    /// The partner has worked with some of the asker's partners.
    SharedPartners {
        /// How many partners they share.
        count: u32,
    },
    /// They worked together before in consortia.
    WorkedTogether {
        /// In how many consortia.
        count: u32,
    },
    /// They met at an earlier event.
    MetBefore,
    /// The partner is in a complementary cluster.
    CrossCluster {
        /// The asker's cluster.
        yours: String,
        /// The partner's cluster.
        theirs: String,
    },
    /// Both sides' texts share words of the reason the cluster managers gave for
    /// declaring their clusters complementary.
    FitsComplement {
        /// The shared words.
        words: Vec<String>,
    },
}

impl Reason {
    /// The reason in plain words.
    pub fn text(&self, locale: Locale) -> String {
        let de = locale == Locale::De;
        match self {
            Reason::OffersWhatYouSeek => pick(de, "bietet, was Sie suchen", "offers what you seek"),
            Reason::SeeksWhatYouOffer => {
                pick(de, "sucht, was Sie anbieten", "seeks what you offer")
            }
            Reason::ResearchPartners => pick(
                de,
                "sucht wie Sie Forschungspartner",
                "looks for research partners, as you do",
            ),
            Reason::InvestorForYou => pick(de, "möchte investieren", "wants to invest"),
            Reason::SeeksInvestment => pick(de, "sucht einen Investor", "seeks an investor"),
            Reason::OffersLocation => pick(
                de,
                "bietet einen Standort für Ihre Ansiedlung",
                "offers a location for your settlement",
            ),
            Reason::WantsToSettle => pick(de, "möchte sich ansiedeln", "wants to settle"),
            Reason::SameSector { level, nace } => {
                let (lde, len) = match level {
                    NaceLevel::Class => ("dieselbe NACE-Klasse", "same NACE class"),
                    NaceLevel::Group => ("dieselbe NACE-Gruppe", "same NACE group"),
                    NaceLevel::Division => ("dieselbe NACE-Abteilung", "same NACE division"),
                    NaceLevel::Section => ("derselbe NACE-Abschnitt", "same NACE section"),
                };
                format!("{} {nace}", if de { lde } else { len })
            }
            Reason::SharedKeywords { keywords } => {
                format!(
                    "{}: {}",
                    pick(de, "gemeinsame Schlagworte", "shared keywords"),
                    keywords.join(", ")
                )
            }
            Reason::SimilarText { words } if words.is_empty() => {
                pick(de, "ähnliches Thema", "similar topic")
            }
            Reason::SimilarText { words } => format!(
                "{}: {}",
                pick(de, "ähnliches Thema", "similar topic"),
                words.join(", ")
            ),
            Reason::SimilarMeaning => pick(
                de,
                "inhaltlich ähnliches Profil",
                "a profile with a similar meaning",
            ),
            Reason::InCountryYouSeek { country } => {
                if de {
                    format!("sitzt in {}, wo Sie Partner suchen", country.name(locale))
                } else {
                    format!("based in {}, where you seek partners", country.name(locale))
                }
            }
            Reason::SeeksPartnersInYourCountry { country } => {
                if de {
                    format!("sucht Partner in {}", country.name(locale))
                } else {
                    format!("seeks partners in {}", country.name(locale))
                }
            }
            Reason::SharedLanguage { language } => {
                if de {
                    format!("beide sprechen {}", language.name(locale))
                } else {
                    format!("both speak {}", language.name(locale))
                }
            }
            Reason::SharedPartners { count } => {
                if de {
                    format!(
                        "hat mit {} Ihrer Partner zusammengearbeitet",
                        number(*count, locale)
                    )
                } else {
                    format!(
                        "co-operated with {} of your partners",
                        number(*count, locale)
                    )
                }
            }
            Reason::WorkedTogether { count } => {
                if de {
                    format!(
                        "Sie haben schon in {} Projekt{} zusammengearbeitet",
                        number(*count, locale),
                        if *count == 1 { "" } else { "en" }
                    )
                } else {
                    format!(
                        "you worked together in {} project{} before",
                        number(*count, locale),
                        if *count == 1 { "" } else { "s" }
                    )
                }
            }
            Reason::MetBefore => pick(
                de,
                "Sie haben sich schon einmal getroffen",
                "you met before",
            ),
            Reason::CrossCluster { yours, theirs } => {
                if de {
                    format!("ergänzt Ihr Cluster {yours} aus dem Cluster {theirs}")
                } else {
                    format!("complements your cluster {yours} from the cluster {theirs}")
                }
            }
            Reason::FitsComplement { words } => format!(
                "{}: {}",
                pick(
                    de,
                    "passt zur benannten Ergänzung",
                    "fits the stated complement"
                ),
                words.join(", ")
            ),
        }
    }
}

fn pick(de: bool, de_text: &str, en_text: &str) -> String {
    if de { de_text } else { en_text }.to_string()
}

// Small counts read better as words ("two of your partners").
fn number(n: u32, locale: Locale) -> String {
    const DE: [&str; 13] = [
        "null", "einem", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = if locale == Locale::De { &DE } else { &EN };
    words
        .get(n as usize)
        .map(|w| w.to_string())
        .unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_plain_words_in_both_languages() {
        let kz = CountryCode::parse("c", "KZ").unwrap();
        let ru = LangCode::parse("l", "ru").unwrap();
        let nace = NaceCode::parse("n", "20.1").unwrap();
        let cases = [
            (
                Reason::OffersWhatYouSeek,
                "offers what you seek",
                "bietet, was Sie suchen",
            ),
            (
                Reason::SameSector {
                    level: NaceLevel::Group,
                    nace,
                },
                "same NACE group 20.1",
                "dieselbe NACE-Gruppe 20.1",
            ),
            (
                Reason::SeeksPartnersInYourCountry { country: kz },
                "seeks partners in Kazakhstan",
                "sucht Partner in Kasachstan",
            ),
            (
                Reason::SharedLanguage { language: ru },
                "both speak Russian",
                "beide sprechen Russisch",
            ),
            (
                Reason::SharedPartners { count: 2 },
                "co-operated with two of your partners",
                "hat mit zwei Ihrer Partner zusammengearbeitet",
            ),
        ];
        for (r, en, de) in cases {
            assert_eq!(r.text(Locale::En), en);
            assert_eq!(r.text(Locale::De), de);
        }
    }

    #[test]
    fn reasons_serialise_as_code_plus_parameters() {
        let r = Reason::SharedPartners { count: 2 };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"code":"shared_partners","count":2}"#
        );
        let nace = NaceCode::parse("n", "20.1").unwrap();
        let r = Reason::SameSector {
            level: NaceLevel::Group,
            nace,
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"code":"same_sector","level":"group","nace":"20.1"}"#
        );
    }
}
