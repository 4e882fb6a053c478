//! The signals that make up a match score, one module each, and the weights that combine them.
//!
//! Every signal is a pure function of the two sides that returns a value in `[0, 1]` and the
//! reason to show when it carries the recommendation; `None` means the signal has nothing to say.

pub mod cluster;
pub mod complementarity;
pub mod geography;
pub mod keywords;
pub mod language;
pub mod network;
pub mod sector;
pub mod semantic;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::error::MatchError;
use crate::reason::Reason;

/// What a signal found for one pair: its value in `[0, 1]` and the reason it stands for.
pub type Hit = Option<(f32, Reason)>;

/// The signals, in the order they appear in [`Weights`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// Offer meets request; investment or settlement interest.
    Complementarity,
    /// Proximity on the NACE hierarchy.
    Sector,
    /// The asker's keywords found in the partner's profile.
    Keywords,
    /// TF-IDF similarity of the stemmed texts.
    Text,
    /// Cosine similarity of embeddings.
    Semantic,
    /// Countries sought against the partner's country.
    Geography,
    /// A language both sides speak.
    Language,
    /// Shared partners and past consortia.
    Network,
    /// They met before (a negative weight prefers new contacts).
    MetBefore,
    /// Complementary clusters.
    Cluster,
}

/// Per-event weights of the signals. Negative weights are allowed and turn a signal into a
/// penalty; its reason is then never shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// Weight of [`Signal::Complementarity`].
    pub complementarity: f32,
    /// Weight of [`Signal::Sector`].
    pub sector: f32,
    /// Weight of [`Signal::Keywords`].
    pub keywords: f32,
    /// Weight of [`Signal::Text`].
    pub text: f32,
    /// Weight of [`Signal::Semantic`].
    pub semantic: f32,
    /// Weight of [`Signal::Geography`].
    pub geography: f32,
    /// Weight of [`Signal::Language`].
    pub language: f32,
    /// Weight of [`Signal::Network`].
    pub network: f32,
    /// Weight of [`Signal::MetBefore`].
    pub met_before: f32,
    /// Weight of [`Signal::Cluster`].
    pub cluster: f32,
    /// Cosines at or below this count as unrelated; embedding models rarely go below ~0.7.
    pub semantic_floor: f32,
}

impl Default for Weights {
    // Complementarity and topic carry a match; place, language and network break ties.
    fn default() -> Self {
        Self {
            complementarity: 3.0,
            sector: 2.0,
            keywords: 2.0,
            text: 3.0,
            semantic: 3.0,
            geography: 1.5,
            language: 0.5,
            network: 1.0,
            met_before: -1.0,
            cluster: 1.0,
            semantic_floor: 0.75,
        }
    }
}

impl Weights {
    /// The weight of one signal.
    pub fn get(&self, s: Signal) -> f32 {
        match s {
            Signal::Complementarity => self.complementarity,
            Signal::Sector => self.sector,
            Signal::Keywords => self.keywords,
            Signal::Text => self.text,
            Signal::Semantic => self.semantic,
            Signal::Geography => self.geography,
            Signal::Language => self.language,
            Signal::Network => self.network,
            Signal::MetBefore => self.met_before,
            Signal::Cluster => self.cluster,
        }
    }

    /// Checks every weight is a finite number in `[-100, 100]` and the floor is in `[0, 1)`.
    pub fn validate(&self) -> Result<(), MatchError> {
        let all = [
            ("complementarity", self.complementarity),
            ("sector", self.sector),
            ("keywords", self.keywords),
            ("text", self.text),
            ("semantic", self.semantic),
            ("geography", self.geography),
            ("language", self.language),
            ("network", self.network),
            ("met_before", self.met_before),
            ("cluster", self.cluster),
        ];
        for (name, w) in all {
            if !w.is_finite() || !(-100.0..=100.0).contains(&w) {
                return Err(MatchError::invalid(
                    format!("weights.{name}"),
                    w.to_string(),
                    "must be a number between -100 and 100",
                ));
            }
        }
        if !(0.0..1.0).contains(&self.semantic_floor) {
            return Err(MatchError::invalid(
                "weights.semantic_floor",
                self.semantic_floor.to_string(),
                "must be at least 0 and below 1",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_validated_by_name() {
        assert!(Weights::default().validate().is_ok());
        let w = Weights {
            text: f32::NAN,
            ..Weights::default()
        };
        assert!(
            w.validate()
                .unwrap_err()
                .to_string()
                .starts_with("weights.text")
        );
    }
}
