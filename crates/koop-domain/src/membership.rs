//! Membership of an organisation in a network or a cluster.

use crate::DomainError;
use crate::ids::{ComplementId, MembershipId, OrgId};
use crate::org::OrgKind;
use crate::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// The member's role in the network or cluster.
    MemberRole, "role" {
        /// Ordinary member.
        Member = "member",
        /// Runs the network (management, spokesperson).
        Management = "management",
        /// Founding member.
        Founder = "founder",
        /// Strategic or associated partner.
        Partner = "partner",
    }
);

/// A membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Membership {
    /// Id.
    pub id: MembershipId,
    /// The network or cluster.
    pub group_id: OrgId,
    /// The member.
    pub member_id: OrgId,
    /// Role.
    pub role: MemberRole,
    /// Member since.
    pub since: Option<NaiveDate>,
}

/// Checks that a membership does not end before it began.
pub fn check_dates(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<(), DomainError> {
    if let (Some(s), Some(u)) = (since, until)
        && u < s
    {
        return Err(DomainError::new(
            "until",
            "ends_before_start",
            format!("the membership ends on {u}, before it began on {s}"),
        )
        .with("value", u.to_string()));
    }
    Ok(())
}

/// Checks that a membership joins a network or cluster with some other organisation.
pub fn check_membership(
    group_kind: OrgKind,
    group: OrgId,
    member: OrgId,
) -> Result<(), DomainError> {
    if !group_kind.has_members() {
        return Err(DomainError::new(
            "group",
            "not_a_group",
            format!("a {group_kind} cannot have members; only networks and clusters can"),
        ));
    }
    if group == member {
        return Err(DomainError::new(
            "member",
            "self_membership",
            "an organisation cannot be a member of itself",
        ));
    }
    Ok(())
}

/// Two clusters (or networks) whose managers declared them complementary: one side's
/// strengths answer the other's needs, so their members should meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Complement {
    /// Id.
    pub id: ComplementId,
    /// One cluster (the smaller id).
    pub cluster_a: OrgId,
    /// The other cluster.
    pub cluster_b: OrgId,
    /// Why they complement each other, in the declaring manager's words.
    pub rationale: String,
}

/// Checks a declared complementarity and returns the pair in stored order (smaller id
/// first): both sides must be groups, distinct, and the rationale must say something.
pub fn check_complement(
    a: (OrgId, OrgKind),
    b: (OrgId, OrgKind),
    rationale: &str,
) -> Result<(OrgId, OrgId), DomainError> {
    crate::values::optional_text("rationale", rationale, 1_000)?;
    for (field, (_, kind)) in [("cluster_a", a), ("cluster_b", b)] {
        if !kind.has_members() {
            return Err(DomainError::new(
                field,
                "not_a_group",
                format!("a {kind} is not a cluster or network"),
            ));
        }
    }
    if a.0 == b.0 {
        return Err(DomainError::new(
            "cluster_b",
            "same_cluster",
            "a cluster cannot complement itself",
        ));
    }
    if rationale.trim().is_empty() {
        return Err(DomainError::new(
            "rationale",
            "required",
            "say in a sentence why the clusters complement each other",
        ));
    }
    Ok((a.0.min(b.0), a.0.max(b.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_networks_and_clusters_have_members() {
        assert!(check_membership(OrgKind::Cluster, OrgId(1), OrgId(2)).is_ok());
        assert_eq!(
            check_membership(OrgKind::Company, OrgId(1), OrgId(2))
                .unwrap_err()
                .code,
            "not_a_group"
        );
        assert!(check_membership(OrgKind::Network, OrgId(1), OrgId(1)).is_err());
    }

    #[test]
    fn complements_join_two_distinct_groups_with_a_reason() {
        let (auto, chip) = ((OrgId(9), OrgKind::Cluster), (OrgId(4), OrgKind::Cluster));
        assert_eq!(
            check_complement(auto, chip, "Sensoren für Fahrzeuge"),
            Ok((OrgId(4), OrgId(9)))
        );
        let company = (OrgId(5), OrgKind::Company);
        assert_eq!(
            check_complement(auto, company, "x").unwrap_err().field,
            "cluster_b"
        );
        assert_eq!(
            check_complement(auto, auto, "x").unwrap_err().code,
            "same_cluster"
        );
        assert_eq!(
            check_complement(auto, chip, "  ").unwrap_err().field,
            "rationale"
        );
    }
}
