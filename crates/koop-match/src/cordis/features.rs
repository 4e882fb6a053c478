//! Features of a (query, candidate) pair, all computed from the history of a split only.
//!
//! Graph proximity (common neighbours, Adamic-Adar, resource allocation, recency-weighted
//! random walks of two and three steps), candidate activity (degree, projects, recent
//! projects, coordinations, time since last project), and priors (country pair, activity-type
//! pair, programme-part overlap). Heavy-tailed counts enter as `ln(1 + x)`, so a linear model
//! over them is a product model over the raw counts.

use std::collections::HashMap;

use super::split::Split;

/// Number of features.
pub const N_FEATURES: usize = 26;

/// Feature names, for reports.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "adamic_adar",
    "resource_allocation",
    "common_neighbours",
    "walk2",
    "walk3",
    "recent_common_neighbours",
    "partners",
    "projects",
    "recent_projects",
    "coordinations",
    "years_since_last",
    "same_country",
    "country_affinity",
    "type_affinity",
    "programme_cosine",
    "recency_degree",
    "sibling_max_overlap",
    "sibling_overlap",
    "recent_adamic_adar",
    "last_year_projects",
    "programme_popularity",
    "partner_country_share",
    "partner_type_share",
    "recent_new_partners",
    "coordinator_paths",
    "bias",
];

// Projects lose weight with age: after two years a project counts e^-1 as much.
const DECAY_MONTHS: f32 = 24.0;
const RECENT_MONTHS: u32 = 24;

/// Per-candidate facts and pair priors of one split.
pub struct Context<'a> {
    /// The split.
    pub split: &'a Split<'a>,
    statics: Vec<[f32; 8]>,
    project_weight: Vec<f32>,
    // Per organisation: programme-part counts, L2-normalised.
    parts: Vec<Vec<(u8, f32)>>,
    // Per organisation: recency-weighted project counts per programme part.
    part_counts: Vec<Vec<(u8, f32)>>,
    country_affinity: HashMap<([u8; 2], [u8; 2]), f32>,
    type_affinity: [[f32; 5]; 5],
    n_orgs: f32,
    /// Features to switch off (bit `i` zeroes feature `i`), for ablations on inner splits.
    pub disabled: u64,
}

/// The sparse graph features of one query, computed once and read for every candidate.
pub struct QueryGraph {
    // The query's programme-part shares, and its partners' country and type shares.
    part_share: Vec<(u8, f32)>,
    country_share: HashMap<[u8; 2], f32>,
    type_share: [f32; 5],
    aa: HashMap<u32, [f32; 4]>,
    // Per candidate: largest number of the query's partners in one history project with it,
    // the recency-weighted sum of squared overlaps over its projects, and Adamic-Adar with
    // both edges weighted by recency.
    sib: HashMap<u32, [f32; 3]>,
    // Per candidate: recency-weighted projects coordinated by someone who coordinated the query.
    coord: HashMap<u32, f32>,
    walk2: Vec<f32>,
    walk3: Vec<f32>,
}

impl<'a> Context<'a> {
    /// Precomputes everything that does not depend on the query.
    pub fn new(split: &'a Split<'a>) -> Self {
        let ds = split.ds;
        let project_weight: Vec<f32> = ds
            .projects
            .iter()
            .map(|p| (-(split.cutoff.saturating_sub(p.start_month) as f32) / DECAY_MONTHS).exp())
            .collect();
        let mut statics = vec![[0.0; 8]; ds.orgs.len()];
        let mut parts = vec![Vec::new(); ds.orgs.len()];
        let mut part_counts = vec![Vec::new(); ds.orgs.len()];
        for (o, projects) in split.org_projects.iter().enumerate() {
            let mut recent = 0.0;
            let mut last_year = 0.0;
            let mut coord = 0.0;
            let mut last = 0;
            let mut rdeg = 0.0;
            let mut counts = [0.0f32; 32];
            let mut wcounts = [0.0f32; 32];
            for &p in projects {
                let pr = &ds.projects[p as usize];
                if pr.start_month + RECENT_MONTHS >= split.cutoff {
                    recent += 1.0;
                }
                if pr.start_month + 12 >= split.cutoff {
                    last_year += 1.0;
                }
                if pr.coordinator == Some(o as u32) {
                    coord += 1.0;
                }
                last = last.max(pr.start_month);
                rdeg += project_weight[p as usize] * (pr.members.len() - 1) as f32;
                for (b, c) in counts.iter_mut().enumerate() {
                    if pr.parts & (1 << b) != 0 {
                        *c += 1.0;
                        wcounts[b] += project_weight[p as usize];
                    }
                }
            }
            let since = if projects.is_empty() {
                10.0
            } else {
                split.cutoff.saturating_sub(last) as f32 / 12.0
            };
            statics[o] = [
                (split.partners[o].len() as f32).ln_1p(),
                (projects.len() as f32).ln_1p(),
                f32::ln_1p(recent),
                f32::ln_1p(coord),
                since,
                f32::ln_1p(rdeg),
                f32::ln_1p(last_year),
                f32::ln_1p(new_partners_since(
                    split,
                    o as u32,
                    split.cutoff.saturating_sub(RECENT_MONTHS),
                )),
            ];
            part_counts[o] = wcounts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0.0)
                .map(|(b, c)| (b as u8, *c))
                .collect();
            let norm = counts.iter().map(|c| c * c).sum::<f32>().sqrt();
            if norm > 0.0 {
                parts[o] = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0.0)
                    .map(|(b, c)| (b as u8, c / norm))
                    .collect();
            }
        }
        // Pair priors: how often organisations of one country (type) partnered with those of
        // another in the history, as a log share of the first one's partnerships.
        let mut cc: HashMap<([u8; 2], [u8; 2]), f32> = HashMap::new();
        let mut tt = [[0.0f32; 5]; 5];
        for (o, ps) in split.partners.iter().enumerate() {
            let a = &ds.orgs[o];
            for &p in ps {
                let b = &ds.orgs[p as usize];
                *cc.entry((a.country, b.country)).or_default() += 1.0;
                tt[a.kind.index()][b.kind.index()] += 1.0;
            }
        }
        let mut totals: HashMap<[u8; 2], f32> = HashMap::new();
        for ((a, _), n) in &cc {
            *totals.entry(*a).or_default() += n;
        }
        let country_affinity = cc
            .iter()
            .map(|(k, n)| (*k, (n / totals[&k.0]).max(1e-5).ln()))
            .collect();
        let mut type_affinity = [[0.0; 5]; 5];
        for (a, row) in tt.iter().enumerate() {
            let t: f32 = row.iter().sum();
            for (b, n) in row.iter().enumerate() {
                type_affinity[a][b] = (n / t.max(1.0)).max(1e-5).ln();
            }
        }
        Self {
            split,
            statics,
            project_weight,
            parts,
            part_counts,
            country_affinity,
            type_affinity,
            n_orgs: ds.orgs.len() as f32,
            disabled: 0,
        }
    }

    /// The graph features of one query.
    pub fn query_graph(&self, q: u32) -> QueryGraph {
        let s = self.split;
        let ds = s.ds;
        let mut aa: HashMap<u32, [f32; 4]> = HashMap::new();
        for &z in &s.partners[q as usize] {
            let deg = s.partners[z as usize].len() as f32;
            // Neighbours that partnered with the query recently say more about its current work.
            let recent = s.org_projects[z as usize]
                .iter()
                .filter(|p| ds.projects[**p as usize].members.binary_search(&q).is_ok())
                .map(|p| self.project_weight[*p as usize])
                .fold(0.0f32, f32::max);
            for &c in &s.partners[z as usize] {
                let e = aa.entry(c).or_default();
                e[0] += 1.0 / deg.ln().max(0.5);
                e[1] += 1.0 / deg;
                e[2] += 1.0;
                e[3] += recent;
            }
        }
        // Sibling projects: history projects without the query that several of its partners
        // share with the candidate; consortia regroup, so their members tend to come next.
        let mut overlap: HashMap<u32, (f32, f32)> = HashMap::new();
        for &z in &s.partners[q as usize] {
            let zp = &s.org_projects[z as usize];
            let wqz = zp
                .iter()
                .filter(|p| ds.projects[**p as usize].members.binary_search(&q).is_ok())
                .map(|p| self.project_weight[*p as usize])
                .fold(0.0f32, f32::max);
            let ideg = 1.0 / (s.partners[z as usize].len() as f32).ln().max(0.5);
            for &p in zp {
                if ds.projects[p as usize].members.binary_search(&q).is_err() {
                    let e = overlap.entry(p).or_default();
                    e.0 += 1.0;
                    e.1 += wqz * ideg;
                }
            }
        }
        // Sorted, so that the float sums below do not depend on hash order: same input, same
        // figures, run after run.
        let mut overlap: Vec<(u32, (f32, f32))> = overlap.into_iter().collect();
        overlap.sort_unstable_by_key(|e| e.0);
        let mut sib: HashMap<u32, [f32; 3]> = HashMap::new();
        for &(p, (k, raa)) in &overlap {
            let members = &ds.projects[p as usize].members;
            let w = self.project_weight[p as usize];
            for &c in members {
                let e = sib.entry(c).or_default();
                e[0] = e[0].max(k);
                e[1] += w * k * k / members.len() as f32;
                e[2] += w * raa;
            }
        }
        // Coordinators assemble consortia: whoever coordinated the query before is likely to
        // bring it together with the members of their other consortia.
        let mut coord: HashMap<u32, f32> = HashMap::new();
        for &z in &s.partners[q as usize] {
            let zp = &s.org_projects[z as usize];
            if !zp.iter().any(|p| {
                ds.projects[*p as usize].coordinator == Some(z)
                    && ds.projects[*p as usize].members.binary_search(&q).is_ok()
            }) {
                continue;
            }
            for &p in zp {
                let pr = &ds.projects[p as usize];
                if pr.coordinator == Some(z) && pr.members.binary_search(&q).is_err() {
                    for &c in &pr.members {
                        *coord.entry(c).or_default() += self.project_weight[p as usize];
                    }
                }
            }
        }
        let mut v = vec![0.0f32; ds.orgs.len()];
        v[q as usize] = 1.0;
        let v1 = self.step(&v);
        let walk2 = self.step(&v1);
        let walk3 = self.step(&walk2);
        let total: f32 = self.part_counts[q as usize].iter().map(|e| e.1).sum();
        let part_share = self.part_counts[q as usize]
            .iter()
            .map(|&(b, c)| (b, c / total.max(1e-9)))
            .collect();
        let mut country_share: HashMap<[u8; 2], f32> = HashMap::new();
        let mut type_share = [0.0f32; 5];
        let np = s.partners[q as usize].len().max(1) as f32;
        for &z in &s.partners[q as usize] {
            let o = &ds.orgs[z as usize];
            *country_share.entry(o.country).or_default() += 1.0 / np;
            type_share[o.kind.index()] += 1.0 / np;
        }
        QueryGraph {
            part_share,
            country_share,
            type_share,
            aa,
            sib,
            coord,
            walk2,
            walk3,
        }
    }

    // One random-walk step organisation → project → organisation over the history, with
    // projects weighted by recency.
    fn step(&self, v: &[f32]) -> Vec<f32> {
        let s = self.split;
        let mut out = vec![0.0f32; v.len()];
        for &p in &s.history {
            let members = &s.ds.projects[p as usize].members;
            let mut mass = 0.0;
            for &o in members {
                let x = v[o as usize];
                if x != 0.0 {
                    mass += x / s.org_projects[o as usize].len() as f32;
                }
            }
            if mass == 0.0 {
                continue;
            }
            let share = mass * self.project_weight[p as usize] / members.len() as f32;
            for &o in members {
                out[o as usize] += share;
            }
        }
        out
    }

    /// The feature vector of a pair.
    pub fn features(&self, q: u32, c: u32, g: &QueryGraph) -> [f32; N_FEATURES] {
        let ds = self.split.ds;
        let (qo, co) = (&ds.orgs[q as usize], &ds.orgs[c as usize]);
        let a = g.aa.get(&c).copied().unwrap_or_default();
        let b = g.sib.get(&c).copied().unwrap_or_default();
        let st = &self.statics[c as usize];
        let mut f = [
            a[0].ln_1p(),
            (10.0 * a[1]).ln_1p(),
            a[2].ln_1p(),
            (self.n_orgs * g.walk2[c as usize]).ln_1p(),
            (self.n_orgs * g.walk3[c as usize]).ln_1p(),
            a[3].ln_1p(),
            st[0],
            st[1],
            st[2],
            st[3],
            st[4],
            f32::from(u8::from(qo.country == co.country)),
            self.country_affinity
                .get(&(qo.country, co.country))
                .copied()
                .unwrap_or(-11.5),
            self.type_affinity[qo.kind.index()][co.kind.index()],
            dot(&self.parts[q as usize], &self.parts[c as usize]),
            st[5],
            b[0].ln_1p(),
            (10.0 * b[1]).ln_1p(),
            (10.0 * b[2]).ln_1p(),
            st[6],
            dot(&g.part_share, &self.part_counts[c as usize]).ln_1p(),
            (g.country_share.get(&co.country).copied().unwrap_or(0.0) + 0.01).ln(),
            (g.type_share[co.kind.index()] + 0.01).ln(),
            st[7],
            g.coord.get(&c).copied().unwrap_or(0.0).ln_1p(),
            1.0,
        ];
        for (i, x) in f.iter_mut().enumerate() {
            if self.disabled & (1 << i) != 0 {
                *x = 0.0;
            }
        }
        f
    }
}

// How many partners an organisation met for the first time in projects starting at or after
// `since`: organisations that keep forming new partnerships are the likely new partners.
fn new_partners_since(split: &Split, o: u32, since: u32) -> f32 {
    let ds = split.ds;
    let mut projects = split.org_projects[o as usize].clone();
    projects.sort_by_key(|p| ds.projects[*p as usize].start_month);
    let mut seen: Vec<u32> = Vec::new();
    let mut new = 0.0;
    for p in projects {
        let pr = &ds.projects[p as usize];
        for &m in &pr.members {
            if m != o && !seen.contains(&m) {
                seen.push(m);
                if pr.start_month >= since {
                    new += 1.0;
                }
            }
        }
    }
    new
}

fn dot(a: &[(u8, f32)], b: &[(u8, f32)]) -> f32 {
    let mut s = 0.0;
    for (i, x) in a {
        if let Some((_, y)) = b.iter().find(|(j, _)| j == i) {
            s += x * y;
        }
    }
    s
}
