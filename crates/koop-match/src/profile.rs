//! The engine's own input types: cooperation profiles, organisations and their history.
//!
//! These are deliberately independent of `koop-domain`: the engine sees only what it needs to
//! match, and callers map their entities onto these types.

use serde::{Deserialize, Serialize};

use crate::codes::{CountryCode, LangCode};
use crate::nace::NaceCode;

/// Identifies a profile; unique within one matching run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ProfileId(pub u64);

/// Identifies an organisation; several profiles can belong to one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OrgId(pub u64);

/// Identifies a cluster or industry network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClusterId(pub u32);

/// The Enterprise Europe Network partnering-profile types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProfileKind {
    /// BO: business offer (a product or service for sale, distribution, subcontracting).
    BusinessOffer,
    /// BR: business request (looking for a supplier, distributor, subcontractor).
    BusinessRequest,
    /// TO: technology offer (a technology available for licence or joint development).
    TechnologyOffer,
    /// TR: technology request (looking for a technology to solve a problem).
    TechnologyRequest,
    /// RDR: research and development request (looking for partners for a funded project).
    ResearchRequest,
}

impl ProfileKind {
    /// Parses the EEN abbreviations `BO`, `BR`, `TO`, `TR`, `RDR` (any case).
    pub fn parse(field: &str, value: &str) -> Result<Self, crate::MatchError> {
        match value.trim().to_ascii_uppercase().as_str() {
            "BO" => Ok(Self::BusinessOffer),
            "BR" => Ok(Self::BusinessRequest),
            "TO" => Ok(Self::TechnologyOffer),
            "TR" => Ok(Self::TechnologyRequest),
            "RDR" => Ok(Self::ResearchRequest),
            _ => Err(crate::MatchError::invalid(
                field,
                value,
                "expected BO, BR, TO, TR or RDR",
            )),
        }
    }
}

/// What an agency's client wants in terms of capital or location, besides the profile kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InvestmentInterest {
    /// Looks for an investor or a joint venture partner.
    SeeksInvestment,
    /// Wants to invest in or acquire a company.
    OffersInvestment,
    /// Wants to settle (open a site) in another region.
    SeeksSettlement,
    /// Offers a location for settlement (an agency, a park operator).
    OffersSettlement,
}

/// The CORDIS activity types, which map well onto the organisations at exchanges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgType {
    /// A private company (CORDIS `PRC`).
    Company,
    /// A university or other higher-education body (`HES`).
    University,
    /// A research organisation (`REC`).
    Research,
    /// A public body, agency or chamber (`PUB`).
    Public,
    /// Anything else (`OTH`): associations, networks.
    Other,
}

/// An organisation taking part; its profiles inherit country, languages and clusters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// Its id.
    pub id: OrgId,
    /// Where it is based.
    pub country: CountryCode,
    /// What kind of organisation it is.
    pub org_type: OrgType,
    /// Languages its delegates speak, most fluent first.
    #[serde(default)]
    pub languages: Vec<LangCode>,
    /// Clusters or networks it belongs to.
    #[serde(default)]
    pub clusters: Vec<ClusterId>,
}

/// A cooperation profile: one offer or request of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Its id.
    pub id: ProfileId,
    /// The organisation it belongs to.
    pub org: OrgId,
    /// Offer or request, and of what.
    pub kind: ProfileKind,
    /// Capital or location interest, if any.
    #[serde(default)]
    pub investment: Option<InvestmentInterest>,
    /// A short title in any language.
    pub title: String,
    /// The description in any language.
    #[serde(default)]
    pub text: String,
    /// The language of title and text when the author said so; detected otherwise.
    #[serde(default)]
    pub language: Option<LangCode>,
    /// Sectors, at any NACE level.
    #[serde(default)]
    pub nace: Vec<NaceCode>,
    /// Free keywords in any language.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Countries where partners are sought; empty means anywhere.
    #[serde(default)]
    pub countries_sought: Vec<CountryCode>,
    /// A text embedding computed elsewhere, if an embedding provider is configured.
    #[serde(default)]
    pub embedding: Option<Vec<f32>>,
}

/// Past cooperation between organisations, known before the event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    /// Pairs that met at an earlier event.
    pub met: Vec<(OrgId, OrgId)>,
    /// Past consortia or projects: the organisations that worked together in each.
    pub consortia: Vec<Vec<OrgId>>,
}

/// A named cluster, and the clusters an organiser or cluster manager declared complementary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterMap {
    /// Cluster names for reasons ("Automotive", "Mikroelektronik").
    pub names: Vec<(ClusterId, String)>,
    /// Complementary cluster pairs with a strength in `[0, 1]`.
    pub complementary: Vec<(ClusterId, ClusterId, f32)>,
}

impl ClusterMap {
    /// The name of a cluster, or its number.
    pub fn name(&self, id: ClusterId) -> String {
        self.names
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| format!("#{}", id.0))
    }
}
