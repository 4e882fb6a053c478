//! A temporal split of the projects: a history (the co-participation graph known at the
//! cut-off) and a future (the partnerships to predict).

use super::data::Dataset;

/// The history side of a split, as a bipartite organisation–project graph.
pub struct Split<'a> {
    /// The data.
    pub ds: &'a Dataset,
    /// The cut-off as months since year 0; history projects start before it.
    pub cutoff: u32,
    /// Indices of the history projects.
    pub history: Vec<u32>,
    /// Indices of the future projects.
    pub future: Vec<u32>,
    /// Per organisation: its history projects.
    pub org_projects: Vec<Vec<u32>>,
    /// Per organisation: its distinct history partners, sorted.
    pub partners: Vec<Vec<u32>>,
}

impl<'a> Split<'a> {
    /// The benchmark's own split: train projects are history, test projects are the future.
    pub fn benchmark(ds: &'a Dataset) -> Self {
        let history: Vec<u32> = (0..ds.projects.len() as u32)
            .filter(|&p| !ds.projects[p as usize].test)
            .collect();
        let future = (0..ds.projects.len() as u32)
            .filter(|&p| ds.projects[p as usize].test)
            .collect();
        let cutoff = 2019 * 12;
        Self::new(ds, cutoff, history, future)
    }

    /// An earlier split carved out of the train period only: history before `cutoff`, future
    /// from `cutoff` to the end of the train period. Used to learn weights without touching test.
    pub fn inner(ds: &'a Dataset, cutoff: u32) -> Self {
        let train = |p: &u32| !ds.projects[*p as usize].test;
        let all = 0..ds.projects.len() as u32;
        let history = all
            .clone()
            .filter(train)
            .filter(|&p| ds.projects[p as usize].start_month < cutoff)
            .collect();
        let future = all
            .filter(train)
            .filter(|&p| ds.projects[p as usize].start_month >= cutoff)
            .collect();
        Self::new(ds, cutoff, history, future)
    }

    fn new(ds: &'a Dataset, cutoff: u32, history: Vec<u32>, future: Vec<u32>) -> Self {
        let mut org_projects = vec![Vec::new(); ds.orgs.len()];
        let mut partners = vec![Vec::new(); ds.orgs.len()];
        for &p in &history {
            let members = &ds.projects[p as usize].members;
            for &o in members {
                org_projects[o as usize].push(p);
                partners[o as usize].extend(members.iter().copied().filter(|&m| m != o));
            }
        }
        for v in &mut partners {
            v.sort_unstable();
            v.dedup();
        }
        Self {
            ds,
            cutoff,
            history,
            future,
            org_projects,
            partners,
        }
    }

    /// Whether an organisation is a candidate: it has at least one history project.
    pub fn is_candidate(&self, o: u32) -> bool {
        !self.org_projects[o as usize].is_empty()
    }

    /// The benchmark's queries and ground truth, derived for this split: organisations of
    /// `country` with a history project and at least one new future partner that is a
    /// candidate; the relevant set is those new partners.
    pub fn derive_queries(&self, country: [u8; 2]) -> Vec<(u32, Vec<u32>)> {
        let mut future_partners = vec![Vec::new(); self.ds.orgs.len()];
        for &p in &self.future {
            let members = &self.ds.projects[p as usize].members;
            for &o in members {
                if self.ds.orgs[o as usize].country == country && self.is_candidate(o) {
                    future_partners[o as usize].extend(members.iter().copied().filter(|&m| m != o));
                }
            }
        }
        let mut out = Vec::new();
        for (o, mut fp) in future_partners.into_iter().enumerate() {
            fp.sort_unstable();
            fp.dedup();
            let known = &self.partners[o];
            fp.retain(|&c| self.is_candidate(c) && known.binary_search(&c).is_err());
            if !fp.is_empty() {
                out.push((o as u32, fp));
            }
        }
        out
    }
}
