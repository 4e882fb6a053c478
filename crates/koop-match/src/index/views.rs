//! Views over a whole exchange built from single recommendations: who has few good matches.

use super::MatchIndex;
use crate::profile::ProfileId;

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
}
