//! For cluster managers: which members of their cluster should meet which members of
//! the clusters declared complementary to it, and why.
//!
//! Cluster members have no cooperation profile of their own, so each member organisation
//! stands for itself: its name, description, sectors, country and languages become one
//! profile for the engine, and its memberships feed the cross-cluster signal.

use crate::matching::{cluster_id, engine_nace, engine_organisation, internal};
use crate::read::Reader;
use crate::{Actor, Core, CoreError, CoreResult};
use koop_domain::ids::OrgId;
use koop_domain::org::Organisation;
use koop_match as m;
use std::collections::{BTreeMap, HashMap};

/// One member of the manager's cluster and a partner from a complementary cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterPairView {
    /// The member of the manager's cluster.
    pub member: OrgId,
    /// Its name.
    pub member_name: String,
    /// The partner from another cluster.
    pub partner: OrgId,
    /// Its name.
    pub partner_name: String,
    /// The partner's clusters, by name.
    pub partner_clusters: Vec<String>,
    /// The score (higher is better).
    pub score: f32,
    /// Why, in words a cluster manager understands.
    /// Why, as codes with parameters; pages put them into words.
    pub reasons: Vec<m::Reason>,
}

/// The partners each member may get; the view shows the best pairs of all members.
const PER_MEMBER: usize = 10;
/// The engine's candidates per member, re-ranked with the managers' rationale.
const CANDIDATES: usize = 50;
/// What a pair whose two sides both embody the stated rationale gains per shared word
/// (up to four): at most as much as a strong signal, so that the managers' own reason for
/// the complement leads the list.
const RATIONALE_BONUS_PER_WORD: f32 = 0.5;

impl Core {
    /// The best pairs (at most `limit`) of a member of `cluster` with a member of a
    /// cluster declared complementary to it. Empty when no complement is declared.
    pub async fn cross_cluster_matches(
        &self,
        actor: &Actor,
        cluster: OrgId,
        limit: usize,
    ) -> CoreResult<Vec<ClusterPairView>> {
        let mut r = self.reader(actor).await?;
        let group = r.org(cluster).await?;
        if !group.data.kind.has_members() {
            return Err(CoreError::NotFound);
        }
        let complements = r.complements().await?;
        let partners: Vec<OrgId> = complements
            .iter()
            .filter_map(|c| c.other_side(cluster).map(|(other, _)| other))
            .collect();
        if partners.is_empty() {
            return Ok(Vec::new());
        }
        let world = MemberWorld::load(&mut r, cluster, &partners).await?;
        let mut input = world.input()?;
        // Only this cluster's complements count here: a member that also sits in another
        // cluster would otherwise be paired (and explained) through that cluster's.
        input.clusters.complementary = partners
            .iter()
            .map(|p| (cluster_id(cluster), cluster_id(*p), 1.0))
            .collect();
        let index = m::MatchIndex::build(input).map_err(internal)?;
        let fit = RationaleFit::new(&complements, cluster, &world);
        let mut pairs = Vec::new();
        for member in &world.ours {
            let recs = index
                .recommend(m::ProfileId(member.0 as u64), CANDIDATES)
                .map_err(internal)?;
            let mut mine = Vec::new();
            for rec in recs {
                let partner = OrgId(rec.org.0 as i64);
                // Only partners from the complementary clusters, which the cross-cluster
                // reason names; the member's own cluster fellows meet anyway.
                if !rec
                    .reasons
                    .iter()
                    .any(|x| matches!(x, m::Reason::CrossCluster { .. }))
                {
                    continue;
                }
                let mut reasons = rec.reasons.clone();
                let mut score = rec.score;
                if let Some((bonus, words)) = fit.of(*member, partner) {
                    score += bonus;
                    reasons.insert(0, m::Reason::FitsComplement { words });
                }
                mine.push(ClusterPairView {
                    member: *member,
                    member_name: world.name(*member),
                    partner,
                    partner_name: world.name(partner),
                    partner_clusters: world.cluster_names(partner),
                    score,
                    reasons,
                });
            }
            mine.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.partner.cmp(&b.partner)));
            mine.truncate(PER_MEMBER);
            pairs.extend(mine);
        }
        pairs.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.member.cmp(&b.member))
                .then(a.partner.cmp(&b.partner))
        });
        pairs.truncate(limit);
        Ok(pairs)
    }
}

/// How well a pair embodies the reason its clusters' managers gave for the complement:
/// the member's and the partner's texts each share stemmed words with the rationale.
struct RationaleFit {
    /// Per complementary cluster: the rationale's words, each with its stem.
    rationales: Vec<(OrgId, Vec<(String, String)>)>,
    /// Each member organisation's stemmed name and description.
    terms: HashMap<OrgId, Vec<String>>,
    /// Each member's clusters.
    clusters: HashMap<OrgId, Vec<OrgId>>,
}

impl RationaleFit {
    fn new(
        complements: &[koop_db::complement::ComplementView],
        cluster: OrgId,
        world: &MemberWorld,
    ) -> Self {
        let analyzer = m::text::Analyzer::new();
        let rationales = complements
            .iter()
            .filter_map(|c| {
                let (other, _) = c.other_side(cluster)?;
                // One word says little about its language; the whole sentence does.
                let lang = m::text::detect_language(&c.rationale);
                let words = c
                    .rationale
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter_map(|w| {
                        let stem = analyzer.terms(w, lang).into_iter().next()?;
                        (stem.chars().count() > 3).then(|| (w.to_owned(), stem))
                    })
                    .collect();
                Some((other, words))
            })
            .collect();
        let terms = world
            .orgs
            .values()
            .map(|o| {
                let text = format!("{} {}", o.data.name, o.data.description);
                (o.id, analyzer.terms(&text, None))
            })
            .collect();
        let clusters = world
            .clusters
            .iter()
            .map(|(o, c)| (*o, c.iter().map(|x| x.0).collect()))
            .collect();
        RationaleFit {
            rationales,
            terms,
            clusters,
        }
    }

    /// The bonus and the rationale's words both sides share with it, when both do.
    fn of(&self, member: OrgId, partner: OrgId) -> Option<(f32, Vec<String>)> {
        let member_terms = self.terms.get(&member)?;
        let partner_terms = self.terms.get(&partner)?;
        let partner_clusters = self.clusters.get(&partner)?;
        self.rationales
            .iter()
            .filter(|(other, _)| partner_clusters.contains(other))
            .filter_map(|(_, words)| {
                let shared = |terms: &[String]| -> Vec<String> {
                    words
                        .iter()
                        .filter(|(_, stem)| terms.contains(stem))
                        .map(|(w, _)| w.clone())
                        .collect()
                };
                let (a, b) = (shared(member_terms), shared(partner_terms));
                if a.is_empty() || b.is_empty() {
                    return None;
                }
                let mut words = a;
                for w in b {
                    if !words.contains(&w) {
                        words.push(w);
                    }
                }
                Some((RATIONALE_BONUS_PER_WORD * words.len().min(4) as f32, words))
            })
            .max_by_key(|(_, words)| words.len())
    }
}

/// The members of the manager's cluster and of its complementary clusters.
struct MemberWorld {
    /// Members of the manager's cluster.
    ours: Vec<OrgId>,
    /// Every member organisation involved, by id.
    orgs: BTreeMap<OrgId, Organisation>,
    /// Each member's clusters (any cluster or network, for the signal and the names).
    clusters: HashMap<OrgId, Vec<(OrgId, String)>>,
}

impl MemberWorld {
    async fn load(r: &mut Reader, cluster: OrgId, partners: &[OrgId]) -> CoreResult<Self> {
        let mut memberships = r.memberships_in("cluster").await?;
        memberships.extend(r.memberships_in("network").await?);
        let mut clusters: HashMap<OrgId, Vec<(OrgId, String)>> = HashMap::new();
        for ms in &memberships {
            clusters
                .entry(ms.member_id)
                .or_default()
                .push((ms.group_id, ms.group_name.clone()));
        }
        let involved = |g: OrgId| g == cluster || partners.contains(&g);
        let mut ours = Vec::new();
        let mut orgs = BTreeMap::new();
        for ms in memberships.iter().filter(|ms| involved(ms.group_id)) {
            if ms.group_id == cluster && !ours.contains(&ms.member_id) {
                ours.push(ms.member_id);
            }
            if !orgs.contains_key(&ms.member_id) {
                // A member the viewer may not see stays out of the picture.
                match r.org(ms.member_id).await {
                    Ok(o) => {
                        orgs.insert(o.id, o);
                    }
                    Err(CoreError::NotFound) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        ours.retain(|id| orgs.contains_key(id));
        Ok(MemberWorld {
            ours,
            orgs,
            clusters,
        })
    }

    fn name(&self, id: OrgId) -> String {
        self.orgs
            .get(&id)
            .map(|o| o.data.name.clone())
            .unwrap_or_default()
    }

    fn cluster_names(&self, id: OrgId) -> Vec<String> {
        self.clusters
            .get(&id)
            .map(|c| c.iter().map(|x| x.1.clone()).collect())
            .unwrap_or_default()
    }

    /// One standing profile per member organisation.
    fn input(&self) -> CoreResult<m::MatchInput> {
        standing_input(self.orgs.values(), &self.clusters)
    }
}

/// A match input in which each organisation stands for itself: its name, description,
/// sectors, country and languages as one profile (offers meet as peers), and its
/// memberships (`clusters`, with the groups' names) for the cross-cluster signal.
pub(crate) fn standing_input<'a>(
    orgs: impl Iterator<Item = &'a Organisation>,
    clusters: &HashMap<OrgId, Vec<(OrgId, String)>>,
) -> CoreResult<m::MatchInput> {
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut organisations = Vec::new();
    let mut profiles = Vec::new();
    for o in orgs {
        let member_of = clusters.get(&o.id).cloned().unwrap_or_default();
        for (g, name) in &member_of {
            names.insert(g.0 as u32, name.clone());
        }
        organisations.push(engine_organisation(
            o,
            member_of.iter().map(|(g, _)| cluster_id(*g)).collect(),
        )?);
        profiles.push(m::Profile {
            id: m::ProfileId(o.id.0 as u64),
            org: m::profile::OrgId(o.id.0 as u64),
            kind: m::ProfileKind::TechnologyOffer,
            investment: None,
            title: o.data.name.clone(),
            text: o.data.description.clone(),
            language: o
                .data
                .languages
                .first()
                .and_then(|l| m::LangCode::parse("language", l.as_str()).ok()),
            nace: engine_nace(&o.data.nace),
            keywords: Vec::new(),
            countries_sought: Vec::new(),
            embedding: None,
        });
    }
    Ok(m::MatchInput {
        organisations,
        profiles,
        clusters: m::profile::ClusterMap {
            names: names
                .into_iter()
                .map(|(k, v)| (m::profile::ClusterId(k), v))
                .collect(),
            complementary: Vec::new(),
        },
        ..m::MatchInput::default()
    })
}
