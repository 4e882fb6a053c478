//! koop-match: the matchmaking engine.
//!
//! Given cooperation profiles (offers and requests), the organisations behind them and what is
//! known of their past cooperation, it recommends partners and says why in plain words.
//!
//! # Layout
//! - [`profile`], [`codes`], [`nace`]: the input types, validated at the edge.
//! - [`text`]: tokenising, stemming per language, TF-IDF vectors.
//! - [`signals`]: one module per signal, each a pure function returning a value and a reason.
//! - [`reason`]: reasons as codes with parameters and as German or English text.
//! - [`index`]: the prepared index and the recommendation query.
//! - [`cordis`], [`nace_bench`]: the benchmarks on real data.
//!
//! # Invariants
//! The crate is pure: no file system, network, database or async runtime. It takes embedding
//! vectors, never computes them. For the same input it returns the same output, ties included.
#![deny(missing_docs)]

pub mod call;
pub mod codes;
pub mod cordis;
pub mod embed;
pub mod error;
pub mod generate;
pub mod index;
pub mod nace;
pub mod nace_bench;
pub mod profile;
pub mod reason;
pub mod signals;
pub mod text;

pub use codes::{CountryCode, LangCode, Locale};
pub use embed::{EmbeddingError, EmbeddingProvider};
pub use error::MatchError;
pub use index::{MatchIndex, MatchInput, Recommendation, SignalValue};
pub use nace::{NaceCode, NaceLevel};
pub use profile::{
    ClusterId, ClusterMap, History, InvestmentInterest, OrgId, OrgType, Organisation, Profile,
    ProfileId, ProfileKind,
};
pub use reason::Reason;
pub use signals::{Signal, Weights};
