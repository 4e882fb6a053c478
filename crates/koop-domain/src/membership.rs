//! Membership of an organisation in a network or a cluster.

use crate::DomainError;
use crate::ids::{MembershipId, OrgId};
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
}
