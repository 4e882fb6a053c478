//! Organisations: companies, institutes, agencies, networks, clusters, municipalities, …

use crate::ids::{AgencyId, OrgId};
use crate::text_enum;
use crate::values::{CountryCode, LanguageCode, NaceCode};
use serde::{Deserialize, Serialize};

text_enum!(
    /// What kind of organisation this is; networks and clusters can have members.
    OrgKind, "kind" {
        /// A company.
        Company = "company",
        /// A research institute.
        ResearchInstitute = "research_institute",
        /// A university.
        University = "university",
        /// An economic-development or investment agency.
        DevelopmentAgency = "development_agency",
        /// A chamber of commerce or crafts.
        Chamber = "chamber",
        /// An association (employers', industry, …).
        Association = "association",
        /// An industry network.
        Network = "network",
        /// A cluster.
        Cluster = "cluster",
        /// A city or municipality.
        Municipality = "municipality",
        /// A ministry or state body.
        Ministry = "ministry",
        /// A chemical-park operator or location company.
        LocationCompany = "location_company",
        /// An embassy or consulate.
        Embassy = "embassy",
        /// Anything else.
        Other = "other",
    }
);

impl OrgKind {
    /// Networks and clusters are the kinds that organisations can be members of.
    pub fn has_members(self) -> bool {
        matches!(self, OrgKind::Network | OrgKind::Cluster)
    }
}

text_enum!(
    /// Company size class (EU SME definition).
    OrgSize, "size" {
        /// Fewer than 10 employees.
        Micro = "micro",
        /// Fewer than 50 employees.
        Small = "small",
        /// Fewer than 250 employees.
        Medium = "medium",
        /// 250 employees or more.
        Large = "large",
    }
);

/// An organisation as koop stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// Its id.
    pub id: OrgId,
    /// The agency (tenant) that owns this record.
    pub agency_id: AgencyId,
    /// The organisation's own data.
    #[serde(flatten)]
    pub data: OrgData,
    /// Whether anonymous visitors may see it.
    pub published: bool,
}

/// The editable fields of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgData {
    /// Full name, e.g. "InfraLeuna GmbH".
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// Country of its seat.
    pub country: CountryCode,
    /// City of its seat.
    pub city: String,
    /// NACE codes of its activities.
    pub nace: Vec<NaceCode>,
    /// Size class, if known.
    pub size: Option<OrgSize>,
    /// Languages it works in.
    pub languages: Vec<LanguageCode>,
    /// Website.
    pub website: Option<String>,
    /// A short description in its own language.
    pub description: String,
}
