//! Views over a whole exchange built from single recommendations: who has few good matches
//! (for organisers), and complementary members across clusters (for cluster managers).

use super::{MatchIndex, Recommendation};
use crate::profile::ProfileId;
use crate::reason::Reason;

impl MatchIndex {
    /// For the organisers' view of who needs help: for every profile, how many partners score
    /// at least `min_score`, counting at most `cap` (the search stops there). Profiles with few
    /// good matches come first; ties keep the input order.
    pub fn good_match_counts(&self, min_score: f32, cap: usize) -> Vec<(ProfileId, usize)> {
        let mut counts: Vec<(ProfileId, usize)> = self
            .input
            .profiles
            .iter()
            .map(|p| {
                let n = self
                    .recommend(p.id, cap)
                    .map(|r| r.iter().filter(|r| r.score >= min_score).count())
                    .unwrap_or(0);
                (p.id, n)
            })
            .collect();
        counts.sort_by_key(|c| c.1);
        counts
    }

    /// For the cluster managers' view: for every profile of a cluster member, its best
    /// partners (of `k`) that carry the cross-cluster reason, best pairs first. Each pair
    /// appears once per direction asked.
    pub fn cross_cluster_pairs(&self, k: usize) -> Vec<(ProfileId, Recommendation)> {
        let mut pairs: Vec<(ProfileId, Recommendation)> = Vec::new();
        for (i, p) in self.input.profiles.iter().enumerate() {
            if self.dense.clusters.get(self.profile_org[i]).is_empty() {
                continue;
            }
            let Ok(recs) = self.recommend(p.id, k) else {
                continue;
            };
            pairs.extend(
                recs.into_iter()
                    .filter(|r| {
                        r.reasons
                            .iter()
                            .any(|x| matches!(x, Reason::CrossCluster { .. }))
                    })
                    .map(|r| (p.id, r)),
            );
        }
        pairs.sort_by(|a, b| {
            b.1.score
                .total_cmp(&a.1.score)
                .then(a.0.cmp(&b.0))
                .then(a.1.profile.cmp(&b.1.profile))
        });
        pairs
    }
}
