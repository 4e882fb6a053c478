//! Partner recommendations at an event: the event's published profiles, their
//! organisations and cluster memberships are mapped onto the matchmaking engine's input,
//! and its recommendations come back with reasons in the visitor's language.
//!
//! The index is kept between calls and built again when the database says something
//! changed (`match_cache`).

use crate::match_cache::Stamp;
use crate::read::Reader;
use crate::{Actor, Core, CoreError, CoreResult};
use koop_domain::account::Viewer;
use koop_domain::ids::{EventId, OrgId, ParticipantId, ProfileId};
use koop_domain::org::{OrgKind, Organisation};
use koop_domain::profile::{Profile, ProfileKind};
use koop_domain::values::{LanguageCode, NaceCode};
use koop_match as m;
use std::collections::HashMap;
use std::sync::Arc;

pub use koop_match::{Locale, Reason};

/// One recommended partner, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendationView {
    /// The partner's profile.
    pub profile_id: ProfileId,
    /// The participant who owns it, if any (to request a meeting).
    pub participant_id: Option<ParticipantId>,
    /// The partner organisation.
    pub org_id: OrgId,
    /// Its name.
    pub org_name: String,
    /// Its country.
    pub country: String,
    /// The profile's title.
    pub title: String,
    /// The profile's kind.
    pub kind: ProfileKind,
    /// The score (higher is better).
    pub score: f32,
    /// Why, as codes with parameters; pages put them into words.
    pub reasons: Vec<m::Reason>,
}

/// How many good partners a profile has, for the organisers' view.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The profile.
    pub profile: Profile,
    /// Its organisation's name.
    pub org_name: String,
    /// Partners scoring at least the threshold (counted up to the cap).
    pub good_matches: usize,
}

pub(crate) fn internal(e: m::MatchError) -> CoreError {
    CoreError::Internal(format!("matching: {e}"))
}

pub(crate) struct Built {
    index: m::MatchIndex,
    profiles: Vec<Profile>,
    names: HashMap<OrgId, (String, String)>,
}

/// The engine's view of an event: its input before indexing, with the domain profiles.
struct EventInput {
    input: m::MatchInput,
    profiles: Vec<Profile>,
    names: HashMap<OrgId, (String, String)>,
}

/// The engine's profile with only what its text is made of, for embedding.
pub(crate) fn text_profile(p: &Profile) -> m::Profile {
    m::Profile {
        id: m::ProfileId(p.id.0 as u64),
        org: m::profile::OrgId(p.org_id.0 as u64),
        kind: m::ProfileKind::BusinessOffer,
        investment: None,
        title: p.data.title.clone(),
        text: profile_text_body(p),
        language: None,
        nace: vec![],
        keywords: p.data.keywords.clone(),
        countries_sought: vec![],
        embedding: None,
    }
}

/// The body text the engine sees: summary and description.
fn profile_text_body(p: &Profile) -> String {
    format!("{}\n{}", p.data.summary, p.data.description)
}

/// The fingerprint stored beside a vector: the text it was computed from, hashed.
pub(crate) fn fingerprint(p: &m::Profile) -> String {
    format!("{:016x}", m::embed::text_fingerprint(p))
}

/// The event's index, built again only when something changed since the kept one. The
/// caller has checked that the viewer may see the event.
async fn index(core: &Core, r: &mut Reader, event: EventId) -> CoreResult<Arc<Built>> {
    let model = core.embedding_model();
    let stamp = Stamp::read(r, event, model).await?;
    core.match_cache
        .get(event, stamp, async || build(r, event, model).await)
        .await
}

async fn build(r: &mut Reader, event: EventId, model: Option<&str>) -> CoreResult<Built> {
    let mut e = event_input(r, event).await?;
    // Vectors are used only when they come from the configured model and the current text:
    // a query vector and a candidate vector must be comparable.
    if let Some(model) = model {
        let stored = koop_db::profile::embeddings_for_event(r.conn(), event).await?;
        for p in &mut e.input.profiles {
            p.embedding = stored
                .iter()
                .find(|s| {
                    s.profile.0 as u64 == p.id.0
                        && s.model == model
                        && s.fingerprint == fingerprint(p)
                })
                .map(|s| s.vector.clone());
        }
    }
    Ok(Built {
        index: m::MatchIndex::build(e.input).map_err(internal)?,
        profiles: e.profiles,
        names: e.names,
    })
}

/// The engine's input: what every visitor who may see the event sees, whoever asks, so
/// that one index serves them all (`match_cache`). Organisations are those of the
/// event's published profiles, whose names the marketplace shows; groups count only
/// when published.
async fn event_input(r: &mut Reader, event: EventId) -> CoreResult<EventInput> {
    let profiles = koop_db::profile::for_event(r.conn(), event).await?;
    // The organisations in the order their first profile comes, read in two queries.
    let mut order: Vec<OrgId> = Vec::new();
    for p in &profiles {
        if !order.contains(&p.org_id) {
            order.push(p.org_id);
        }
    }
    let mut orgs: HashMap<OrgId, Organisation> =
        koop_db::org::many(r.conn(), Viewer::Platform, &order)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
    let mut groups: HashMap<OrgId, Vec<m::profile::ClusterId>> = HashMap::new();
    let mut cluster_names: HashMap<u32, String> = HashMap::new();
    let today = chrono::Utc::now().date_naive();
    let current = koop_db::membership::of_members(r.conn(), Viewer::Anonymous, &order)
        .await?
        .into_iter()
        .filter(|m| m.is_current(today));
    for ms in current {
        cluster_names.insert(ms.group_id.0 as u32, ms.group_name.clone());
        groups
            .entry(ms.member_id)
            .or_default()
            .push(cluster_id(ms.group_id));
    }
    let mut names = HashMap::new();
    let mut organisations = Vec::new();
    for id in order {
        let o = orgs.remove(&id).ok_or(CoreError::NotFound)?;
        let clusters = groups.remove(&id).unwrap_or_default();
        organisations.push(engine_organisation(&o, clusters)?);
        names.insert(o.id, (o.data.name.clone(), o.data.country.to_string()));
    }
    let agency_like = |org: OrgId| {
        organisations
            .iter()
            .find(|o| o.id.0 == org.0 as u64)
            .is_some_and(|o| o.org_type == m::profile::OrgType::Public)
    };
    let mut input_profiles = Vec::with_capacity(profiles.len());
    for p in &profiles {
        let (kind, investment) = match p.data.kind {
            ProfileKind::BusinessOffer => (m::ProfileKind::BusinessOffer, None),
            ProfileKind::BusinessRequest => (m::ProfileKind::BusinessRequest, None),
            ProfileKind::TechnologyOffer => (m::ProfileKind::TechnologyOffer, None),
            ProfileKind::TechnologyRequest => (m::ProfileKind::TechnologyRequest, None),
            ProfileKind::ResearchRequest => (m::ProfileKind::ResearchRequest, None),
            // An agency offers a location; a company with investment interest seeks one.
            ProfileKind::Investment if agency_like(p.org_id) => (
                m::ProfileKind::BusinessOffer,
                Some(m::profile::InvestmentInterest::OffersSettlement),
            ),
            ProfileKind::Investment => (
                m::ProfileKind::BusinessRequest,
                Some(m::profile::InvestmentInterest::SeeksSettlement),
            ),
        };
        input_profiles.push(m::Profile {
            id: m::ProfileId(p.id.0 as u64),
            org: m::profile::OrgId(p.org_id.0 as u64),
            kind,
            investment,
            title: p.data.title.clone(),
            text: profile_text_body(p),
            language: m::LangCode::parse("language", p.data.language.as_str()).ok(),
            nace: engine_nace(&p.data.nace),
            keywords: p.data.keywords.clone(),
            countries_sought: p
                .data
                .countries_sought
                .iter()
                .filter_map(|c| m::CountryCode::parse("countries_sought", c.as_str()).ok())
                .collect(),
            embedding: None,
        });
    }
    // Clusters their managers declared complementary give their members a bonus.
    let complementary = koop_db::complement::list(r.conn(), Viewer::Anonymous)
        .await?
        .into_iter()
        .map(|c| (cluster_id(c.cluster_a), cluster_id(c.cluster_b), 1.0))
        .collect();
    let input = m::MatchInput {
        organisations,
        profiles: input_profiles,
        clusters: m::profile::ClusterMap {
            names: cluster_names
                .into_iter()
                .map(|(k, v)| (m::profile::ClusterId(k), v))
                .collect(),
            complementary,
        },
        ..m::MatchInput::default()
    };
    Ok(EventInput {
        input,
        profiles,
        names,
    })
}

/// The engine's id of a cluster or network.
pub(crate) fn cluster_id(group: OrgId) -> m::profile::ClusterId {
    m::profile::ClusterId(group.0 as u32)
}

/// The engine's view of an organisation, member of `clusters`.
pub(crate) fn engine_organisation(
    o: &Organisation,
    clusters: Vec<m::profile::ClusterId>,
) -> CoreResult<m::profile::Organisation> {
    Ok(m::profile::Organisation {
        id: m::profile::OrgId(o.id.0 as u64),
        country: m::CountryCode::parse("country", o.data.country.as_str()).map_err(internal)?,
        org_type: org_type(o.data.kind),
        languages: engine_languages(&o.data.languages),
        clusters,
    })
}

/// Languages the engine knows; others are left out (they match nobody anyway).
fn engine_languages(languages: &[LanguageCode]) -> Vec<m::LangCode> {
    languages
        .iter()
        .filter_map(|l| m::LangCode::parse("languages", l.as_str()).ok())
        .collect()
}

/// NACE codes the engine knows.
pub(crate) fn engine_nace(codes: &[NaceCode]) -> Vec<m::NaceCode> {
    codes
        .iter()
        .filter_map(|n| m::NaceCode::parse("nace", n.as_str()).ok())
        .collect()
}

fn org_type(kind: OrgKind) -> m::profile::OrgType {
    use m::profile::OrgType;
    match kind {
        OrgKind::Company | OrgKind::LocationCompany => OrgType::Company,
        OrgKind::University => OrgType::University,
        OrgKind::ResearchInstitute => OrgType::Research,
        OrgKind::DevelopmentAgency
        | OrgKind::Chamber
        | OrgKind::Municipality
        | OrgKind::Ministry
        | OrgKind::Embassy => OrgType::Public,
        OrgKind::Association | OrgKind::Network | OrgKind::Cluster | OrgKind::Other => {
            OrgType::Other
        }
    }
}

impl Core {
    /// The `k` best partners for one of the event's profiles, each with its reasons.
    pub async fn recommendations(
        &self,
        actor: &Actor,
        event: EventId,
        profile: ProfileId,
        k: usize,
    ) -> CoreResult<Vec<RecommendationView>> {
        let mut r = self.reader(actor).await?;
        r.access(event).await?;
        let built = index(self, &mut r, event).await?;
        let recs = built
            .index
            .recommend(m::ProfileId(profile.0 as u64), k)
            .map_err(|_| CoreError::NotFound)?;
        Ok(recs
            .into_iter()
            .filter_map(|rec| {
                let p = built
                    .profiles
                    .iter()
                    .find(|p| p.id.0 as u64 == rec.profile.0)?;
                let (name, country) = built.names.get(&p.org_id).cloned().unwrap_or_default();
                Some(RecommendationView {
                    profile_id: p.id,
                    participant_id: p.participant_id,
                    org_id: p.org_id,
                    org_name: name,
                    country,
                    title: p.data.title.clone(),
                    kind: p.data.kind,
                    score: rec.score,
                    reasons: rec.reasons.clone(),
                })
            })
            .collect())
    }

    /// The event's profile that belongs to a participant (or to their organisation).
    pub async fn participant_profile(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> CoreResult<Option<Profile>> {
        let mut r = self.reader(actor).await?;
        let p = r.participant(participant).await?;
        // The kept index holds the event's published profiles.
        let profiles = &index(self, &mut r, p.event_id).await?.profiles;
        Ok(profiles
            .iter()
            .find(|x| x.participant_id == Some(participant))
            .or_else(|| profiles.iter().find(|x| x.org_id == p.org_id))
            .cloned())
    }

    /// For organisers: every profile with its number of good partners, fewest first.
    pub async fn match_coverage(
        &self,
        actor: &Actor,
        event: EventId,
        min_score: f32,
        cap: usize,
    ) -> CoreResult<Vec<Coverage>> {
        let mut r = self.reader(actor).await?;
        r.require_manage(event).await?;
        let built = index(self, &mut r, event).await?;
        Ok(built
            .index
            .good_match_counts(min_score, cap)
            .into_iter()
            .filter_map(|(id, n)| {
                let p = built
                    .profiles
                    .iter()
                    .find(|p| p.id.0 as u64 == id.0)?
                    .clone();
                let org_name = built
                    .names
                    .get(&p.org_id)
                    .map(|x| x.0.clone())
                    .unwrap_or_default();
                Some(Coverage {
                    profile: p,
                    org_name,
                    good_matches: n,
                })
            })
            .collect())
    }
}
