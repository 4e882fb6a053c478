//! Where clusters and networks overlap: for every pair of groups, the members they
//! share and the sectors (NACE divisions of the groups and their members) they have in
//! common. Cluster managers read it as a matrix and look for interdisciplinary projects
//! where a group touches many others, as an adhesive-technology alliance does.

use crate::CoreResult;
use crate::read::Reader;
use crate::views::OrgFilter;
use koop_domain::ids::OrgId;
use koop_domain::org::OrgKind;
use std::collections::{BTreeMap, BTreeSet};

/// A cluster or network with its members.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Id.
    pub id: OrgId,
    /// Name.
    pub name: String,
    /// Cluster or network.
    pub kind: OrgKind,
    /// Its members.
    pub members: BTreeSet<OrgId>,
    /// NACE divisions (two digits) of the group and its members.
    pub sectors: BTreeSet<String>,
}

/// What two groups have in common.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    /// Index of the first group in [`Overlaps::groups`].
    pub a: usize,
    /// Index of the second (`a < b`).
    pub b: usize,
    /// Members of both, by name.
    pub shared_members: Vec<(OrgId, String)>,
    /// NACE divisions both have.
    pub shared_sectors: Vec<String>,
}

/// The groups the viewer may see and each pair's overlap (pairs with nothing in
/// common are left out).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overlaps {
    /// The groups, by name.
    pub groups: Vec<Group>,
    /// The overlapping pairs, most shared members first.
    pub pairs: Vec<Overlap>,
}

impl Overlaps {
    /// The overlap of groups `i` and `j`, if they have anything in common.
    pub fn between(&self, i: usize, j: usize) -> Option<&Overlap> {
        let (a, b) = (i.min(j), i.max(j));
        self.pairs.iter().find(|o| o.a == a && o.b == b)
    }

    /// How many other groups group `i` shares members with.
    pub fn touches(&self, i: usize) -> usize {
        self.pairs
            .iter()
            .filter(|o| (o.a == i || o.b == i) && !o.shared_members.is_empty())
            .count()
    }
}

fn division(code: &str) -> String {
    code.chars().take(2).collect()
}

/// Builds the overlaps of the clusters, and of the networks that share members with
/// them, from what `reader` may see.
pub async fn overlaps(reader: &mut Reader) -> CoreResult<Overlaps> {
    let mut memberships = reader.memberships_in("cluster").await?;
    memberships.extend(reader.memberships_in("network").await?);
    let orgs = reader.orgs(&OrgFilter::default()).await?;
    let sectors_of: BTreeMap<OrgId, BTreeSet<String>> = orgs
        .iter()
        .map(|o| {
            let s = o.data.nace.iter().map(|n| division(n.as_str())).collect();
            (o.id, s)
        })
        .collect();
    let names: BTreeMap<OrgId, String> = memberships
        .iter()
        .map(|m| (m.member_id, m.member_name.clone()))
        .collect();
    let mut groups: Vec<Group> = orgs
        .iter()
        .filter(|o| o.data.kind.has_members())
        .filter_map(|o| {
            let members: BTreeSet<OrgId> = memberships
                .iter()
                .filter(|m| m.group_id == o.id)
                .map(|m| m.member_id)
                .collect();
            if members.is_empty() {
                return None;
            }
            let mut sectors = sectors_of.get(&o.id).cloned().unwrap_or_default();
            for m in &members {
                sectors.extend(sectors_of.get(m).cloned().unwrap_or_default());
            }
            Some(Group {
                id: o.id,
                name: o.data.name.clone(),
                kind: o.data.kind,
                members,
                sectors,
            })
        })
        .collect();
    // Networks belong in the picture where they share members with a cluster (a
    // cross-cutting technology alliance); other networks are not about clusters.
    let cluster_members: BTreeSet<OrgId> = groups
        .iter()
        .filter(|g| g.kind == OrgKind::Cluster)
        .flat_map(|g| g.members.iter().copied())
        .collect();
    groups.retain(|g| g.kind == OrgKind::Cluster || !g.members.is_disjoint(&cluster_members));
    groups.sort_by(|x, y| x.name.cmp(&y.name));
    let mut pairs = Vec::new();
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            let shared_members: Vec<(OrgId, String)> = groups[a]
                .members
                .intersection(&groups[b].members)
                .map(|m| (*m, names.get(m).cloned().unwrap_or_default()))
                .collect();
            let shared_sectors: Vec<String> = groups[a]
                .sectors
                .intersection(&groups[b].sectors)
                .cloned()
                .collect();
            if !shared_members.is_empty() || !shared_sectors.is_empty() {
                pairs.push(Overlap {
                    a,
                    b,
                    shared_members,
                    shared_sectors,
                });
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.shared_members
            .len()
            .cmp(&x.shared_members.len())
            .then(y.shared_sectors.len().cmp(&x.shared_sectors.len()))
    });
    Ok(Overlaps { groups, pairs })
}
