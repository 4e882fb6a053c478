//! Guessing the language of Latin-script text, and stemming each word in its language.

use rust_stemmers::{Algorithm, Stemmer};

use super::tokenize::{Script, tokenize};
use crate::codes::LangCode;

// Short, high-frequency function words: enough to tell these languages apart in a profile,
// and words that carry no topic, so they are dropped before matching.
const STOP_DE: &[&str] = &[
    "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "für", "auf", "ist", "im", "dem",
    "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie",
    "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen",
    "so", "zum", "zur", "oder", "wir", "unsere", "unser", "suchen", "bieten", "des", "sowie",
    "ohne", "a", "n", "g",
];
const STOP_EN: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with", "was", "on",
    "be", "by", "this", "are", "or", "from", "an", "at", "which", "we", "our", "not", "other",
    "its", "their", "has", "have", "than", "except", "n", "e", "c",
];
const STOP_FR: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "pour", "dans", "par", "sur",
    "au", "aux", "est", "que", "qui", "à", "d", "l", "autres", "n", "c", "a",
];
const STOP_RU: &[&str] = &[
    "и",
    "в",
    "во",
    "не",
    "что",
    "он",
    "на",
    "я",
    "с",
    "со",
    "как",
    "а",
    "то",
    "все",
    "она",
    "так",
    "его",
    "но",
    "да",
    "ты",
    "к",
    "у",
    "же",
    "вы",
    "за",
    "бы",
    "по",
    "только",
    "ее",
    "мне",
    "было",
    "вот",
    "от",
    "меня",
    "еще",
    "нет",
    "о",
    "из",
    "ему",
    "для",
    "или",
    "мы",
    "наш",
    "наша",
    "их",
    "прочих",
    "прочие",
    "кроме",
];

const LATIN: &[(&str, Algorithm, &[&str])] = &[
    ("de", Algorithm::German, STOP_DE),
    ("en", Algorithm::English, STOP_EN),
    ("fr", Algorithm::French, STOP_FR),
];

/// Guesses the language of a text from its function words; `None` when nothing is recognised.
pub fn detect_language(text: &str) -> Option<LangCode> {
    let tokens = tokenize(text);
    let cyr = tokens
        .iter()
        .filter(|t| t.script == Script::Cyrillic)
        .count();
    let lat = tokens.iter().filter(|t| t.script == Script::Latin).count();
    if cyr > lat {
        return LangCode::parse("language", "ru").ok();
    }
    let mut best = (0, None);
    for (code, _, stops) in LATIN {
        let hits = tokens
            .iter()
            .filter(|t| stops.contains(&t.text.as_str()))
            .count();
        if hits > best.0 {
            best = (hits, Some(*code));
        }
    }
    best.1.and_then(|c| LangCode::parse("language", c).ok())
}

/// Stems words per language. Build one and reuse it: the stemmers are created once.
pub struct Analyzer {
    russian: Stemmer,
    latin: Vec<(LangCode, Stemmer, &'static [&'static str])>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer for German, English, French (Latin script) and Russian (Cyrillic script).
    pub fn new() -> Self {
        let latin = LATIN
            .iter()
            .filter_map(|(code, alg, stops)| {
                LangCode::parse("language", code)
                    .ok()
                    .map(|c| (c, Stemmer::create(*alg), *stops))
            })
            .collect();
        Self {
            russian: Stemmer::create(Algorithm::Russian),
            latin,
        }
    }

    /// The stemmed content words of `text`. `lang` is the author's language if known; otherwise
    /// it is guessed, and text in an unsupported Latin-script language is only lower-cased.
    pub fn terms(&self, text: &str, lang: Option<LangCode>) -> Vec<String> {
        let lang = lang.or_else(|| detect_language(text));
        let latin = lang.and_then(|l| self.latin.iter().find(|(c, _, _)| *c == l));
        let mut out = Vec::new();
        for t in tokenize(text) {
            let stem = match t.script {
                Script::Cyrillic => {
                    if STOP_RU.contains(&t.text.as_str()) {
                        continue;
                    }
                    self.russian.stem(&t.text).into_owned()
                }
                Script::Latin => match latin {
                    Some((_, stemmer, stops)) => {
                        if stops.contains(&t.text.as_str()) {
                            continue;
                        }
                        stemmer.stem(&t.text).into_owned()
                    }
                    None => t.text,
                },
                Script::Other => t.text,
            };
            if stem.chars().count() >= 2 {
                out.push(stem);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_german_english_and_russian() {
        let de = detect_language("Wir suchen einen Partner für die Herstellung von Batterien");
        let en = detect_language("We are looking for a partner for the production of batteries");
        let ru = detect_language("Ищем партнёра для производства аккумуляторов");
        assert_eq!(de.map(|l| l.to_string()).as_deref(), Some("de"));
        assert_eq!(en.map(|l| l.to_string()).as_deref(), Some("en"));
        assert_eq!(ru.map(|l| l.to_string()).as_deref(), Some("ru"));
    }

    #[test]
    fn inflected_forms_share_a_stem_in_each_language() {
        let a = Analyzer::new();
        let de = LangCode::parse("l", "de").ok();
        assert_eq!(a.terms("Kooperationen", de), a.terms("Kooperation", de));
        assert_eq!(a.terms("Kunststoffe", de), a.terms("Kunststoff", de));
        let en = LangCode::parse("l", "en").ok();
        assert_eq!(a.terms("batteries", en), a.terms("battery", en));
        assert_eq!(
            a.terms("аккумуляторов", None),
            a.terms("аккумуляторы", None)
        );
        assert!(a.terms("die und der", de).is_empty());
    }
}
