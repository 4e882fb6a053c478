//! Text analysis: tokenising, language guessing, per-language stemming, and sparse term vectors.
//!
//! Cyrillic words are stemmed as Russian whatever the profile's language, because a Russian,
//! Ukrainian or Kazakh profile often mixes in Latin brand names and a German one Cyrillic names;
//! the script of each word is a better guide than one language per profile.

mod lang;
mod tokenize;
mod translit;
mod vector;

pub use lang::{Analyzer, detect_language};
pub use tokenize::{Script, Token, tokenize};
pub use translit::{char_ngrams, transliterate};
pub use vector::{TermVector, Vocabulary};
