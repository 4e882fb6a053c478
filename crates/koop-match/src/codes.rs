//! Country and language codes, validated once at the edge, with German and English names
//! for the ones koop's exchanges meet most, so reasons read "both speak Russian", not "ru".

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::MatchError;

/// An ISO 3166-1 alpha-2 country code in upper case (`DE`, `KZ`).
///
/// CORDIS writes `EL` for Greece and `UK` for the United Kingdom; both are accepted as given
/// because the data we match against uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

/// Germany, the home of most organisers; a fallback for generated data.
pub(crate) const GERMANY: CountryCode = CountryCode(*b"DE");

/// An ISO 639-1 language code in lower case (`de`, `ru`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangCode([u8; 2]);

/// The language a reason is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    /// German.
    De,
    /// English.
    En,
}

fn two_letters(field: &str, value: &str, upper: bool) -> Result<[u8; 2], MatchError> {
    let v = value.trim();
    let b = v.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
        return Err(MatchError::invalid(
            field,
            value,
            "expected a two-letter code",
        ));
    }
    Ok(if upper {
        [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]
    } else {
        [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()]
    })
}

impl CountryCode {
    /// Parses a two-letter country code; `field` names the input field for the error message.
    pub fn parse(field: &str, value: &str) -> Result<Self, MatchError> {
        two_letters(field, value, true).map(Self)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's name in `locale`, or the code itself when koop has no name for it.
    pub fn name(&self, locale: Locale) -> String {
        COUNTRY_NAMES
            .iter()
            .find(|(c, _, _)| *c == self.as_str())
            .map(|(_, de, en)| if locale == Locale::De { *de } else { *en }.to_string())
            .unwrap_or_else(|| self.as_str().to_string())
    }
}

impl LangCode {
    /// Parses a two-letter language code; `field` names the input field for the error message.
    pub fn parse(field: &str, value: &str) -> Result<Self, MatchError> {
        two_letters(field, value, false).map(Self)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The language's name in `locale`, or the code itself when koop has no name for it.
    pub fn name(&self, locale: Locale) -> String {
        LANGUAGE_NAMES
            .iter()
            .find(|(c, _, _)| *c == self.as_str())
            .map(|(_, de, en)| if locale == Locale::De { *de } else { *en }.to_string())
            .unwrap_or_else(|| self.as_str().to_string())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! string_serde {
    ($t:ty, $field:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::parse($field, &s).map_err(serde::de::Error::custom)
            }
        }
    };
}

string_serde!(CountryCode, "country");
string_serde!(LangCode, "language");

// The partner countries of the exchanges and trips in DESIGN.md §1, plus the largest EU members.
const COUNTRY_NAMES: &[(&str, &str, &str)] = &[
    ("AL", "Albanien", "Albania"),
    ("AM", "Armenien", "Armenia"),
    ("AT", "Österreich", "Austria"),
    ("BE", "Belgien", "Belgium"),
    ("BY", "Belarus", "Belarus"),
    ("CH", "der Schweiz", "Switzerland"),
    ("CN", "China", "China"),
    ("CZ", "Tschechien", "Czechia"),
    ("DE", "Deutschland", "Germany"),
    ("DK", "Dänemark", "Denmark"),
    ("EL", "Griechenland", "Greece"),
    ("ES", "Spanien", "Spain"),
    ("FI", "Finnland", "Finland"),
    ("FR", "Frankreich", "France"),
    ("GE", "Georgien", "Georgia"),
    ("GR", "Griechenland", "Greece"),
    ("HU", "Ungarn", "Hungary"),
    ("IT", "Italien", "Italy"),
    ("KZ", "Kasachstan", "Kazakhstan"),
    ("LV", "Lettland", "Latvia"),
    ("NL", "den Niederlanden", "the Netherlands"),
    ("PL", "Polen", "Poland"),
    ("PT", "Portugal", "Portugal"),
    ("RS", "Serbien", "Serbia"),
    ("RU", "Russland", "Russia"),
    ("SE", "Schweden", "Sweden"),
    ("TR", "der Türkei", "Turkey"),
    ("UA", "der Ukraine", "Ukraine"),
    ("UK", "dem Vereinigten Königreich", "the United Kingdom"),
    ("GB", "dem Vereinigten Königreich", "the United Kingdom"),
    ("US", "den USA", "the United States"),
    ("UZ", "Usbekistan", "Uzbekistan"),
];

const LANGUAGE_NAMES: &[(&str, &str, &str)] = &[
    ("de", "Deutsch", "German"),
    ("en", "Englisch", "English"),
    ("ru", "Russisch", "Russian"),
    ("uk", "Ukrainisch", "Ukrainian"),
    ("sr", "Serbisch", "Serbian"),
    ("sq", "Albanisch", "Albanian"),
    ("kk", "Kasachisch", "Kazakh"),
    ("uz", "Usbekisch", "Uzbek"),
    ("fr", "Französisch", "French"),
    ("pl", "Polnisch", "Polish"),
    ("cs", "Tschechisch", "Czech"),
    ("tr", "Türkisch", "Turkish"),
    ("zh", "Chinesisch", "Chinese"),
    ("es", "Spanisch", "Spanish"),
    ("it", "Italienisch", "Italian"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_and_named() {
        let kz = CountryCode::parse("country", " kz ").unwrap();
        assert_eq!(kz.as_str(), "KZ");
        assert_eq!(kz.name(Locale::De), "Kasachstan");
        assert_eq!(
            LangCode::parse("languages", "RU").unwrap().name(Locale::En),
            "Russian"
        );
    }

    #[test]
    fn a_bad_code_names_field_and_value() {
        let e = CountryCode::parse("countries_sought", "Germany").unwrap_err();
        assert_eq!(
            e.to_string(),
            "countries_sought: invalid value \"Germany\": expected a two-letter code"
        );
    }
}
