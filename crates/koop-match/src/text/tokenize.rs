//! Splitting text into lower-case word tokens, each tagged with its script.

/// The writing system of a token, which decides its stemmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (with diacritics).
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Anything else (Han, Greek, digits only).
    Other,
}

/// One word of a text, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word in lower case.
    pub text: String,
    /// Its script.
    pub script: Script,
}

/// Splits on anything that is not a letter or digit; hyphens split too, so "Lithium-Ionen"
/// yields "lithium" and "ionen", which is what a searcher typing either word expects.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        let script = script_of(&lower);
        out.push(Token {
            text: lower,
            script,
        });
    }
    out
}

fn script_of(word: &str) -> Script {
    let mut latin = 0;
    let mut cyr = 0;
    for c in word.chars() {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyr += 1;
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    if cyr > 0 && cyr >= latin {
        Script::Cyrillic
    } else if latin > 0 {
        Script::Latin
    } else {
        Script::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_tags_scripts() {
        let t = tokenize("Lithium-Ionen Akkus, литий-ионные батареи; 3D");
        let words: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            [
                "lithium",
                "ionen",
                "akkus",
                "литий",
                "ионные",
                "батареи",
                "3d"
            ]
        );
        assert_eq!(t[0].script, Script::Latin);
        assert_eq!(t[3].script, Script::Cyrillic);
        assert_eq!(t[6].script, Script::Latin);
    }
}
