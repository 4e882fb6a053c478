//! Cross-cluster bonus: members of different clusters that the cluster managers declared
//! complementary meet less often by themselves than members of one cluster do.

use super::Hit;
use crate::profile::{ClusterId, ClusterMap};
use crate::reason::Reason;

/// The strongest declared complementarity between a cluster of the asker and one of the
/// partner; `None` when they share a cluster (they meet anyway) or none is declared.
pub fn score(asker: &[ClusterId], partner: &[ClusterId], map: &ClusterMap) -> Hit {
    best(asker, partner, map).map(|(s, a, p)| {
        (
            s,
            Reason::CrossCluster {
                yours: map.name(a),
                theirs: map.name(p),
            },
        )
    })
}

/// The value alone, without naming the clusters (no allocation, for ranking many profiles).
pub fn value(asker: &[ClusterId], partner: &[ClusterId], map: &ClusterMap) -> Option<f32> {
    best(asker, partner, map).map(|b| b.0)
}

fn best(
    asker: &[ClusterId],
    partner: &[ClusterId],
    map: &ClusterMap,
) -> Option<(f32, ClusterId, ClusterId)> {
    if asker.iter().any(|c| partner.contains(c)) {
        return None;
    }
    let mut best: Option<(f32, ClusterId, ClusterId)> = None;
    for &(x, y, s) in &map.complementary {
        for (a, p) in [(x, y), (y, x)] {
            if asker.contains(&a) && partner.contains(&p) && best.is_none_or(|b| s > b.0) {
                best = Some((s, a, p));
            }
        }
    }
    best.filter(|b| b.0 > 0.0)
        .map(|(s, a, p)| (s.min(1.0), a, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_complementary_clusters_get_the_bonus() {
        let (auto, chip, bio) = (ClusterId(1), ClusterId(2), ClusterId(3));
        let map = ClusterMap {
            names: vec![
                (auto, "Automotive".into()),
                (chip, "Mikroelektronik".into()),
            ],
            complementary: vec![(auto, chip, 0.8)],
        };
        let hit = score(&[chip], &[auto], &map).unwrap();
        assert_eq!(
            hit,
            (
                0.8,
                Reason::CrossCluster {
                    yours: "Mikroelektronik".into(),
                    theirs: "Automotive".into()
                }
            )
        );
        assert_eq!(score(&[chip, auto], &[auto], &map), None);
        assert_eq!(score(&[bio], &[auto], &map), None);
    }
}
