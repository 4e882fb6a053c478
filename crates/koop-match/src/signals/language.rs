//! Languages both sides speak: without one, a meeting needs an interpreter.

use super::Hit;
use crate::codes::LangCode;
use crate::reason::Reason;

/// The first language of the asker (most fluent first) that the partner also speaks.
pub fn score(asker: &[LangCode], partner: &[LangCode]) -> Hit {
    asker
        .iter()
        .find(|l| partner.contains(l))
        .map(|l| (1.0, Reason::SharedLanguage { language: *l }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_askers_most_fluent_shared_language_is_named() {
        let l = |s| LangCode::parse("languages", s).unwrap();
        assert_eq!(
            score(&[l("ru"), l("de")], &[l("de"), l("ru")]),
            Some((1.0, Reason::SharedLanguage { language: l("ru") }))
        );
        assert_eq!(score(&[l("de")], &[l("en")]), None);
    }
}
