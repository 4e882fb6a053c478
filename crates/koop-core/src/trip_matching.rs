//! Whom each traveller of a trip should meet among the local partners: the matchmaking
//! engine ranks the local partners for every entrepreneur, with its reasons, per
//! station. Each organisation stands for itself (its sectors, languages, what it says
//! of itself), as for cluster members, since local partners write no profiles.

use crate::cluster_matching::standing_input;
use crate::matching::internal;
use crate::{Actor, Core, CoreResult};
use koop_domain::event::ParticipantRole;
use koop_domain::ids::{EventId, OrgId, ParticipantId, VenueId};
use koop_match as m;
use std::collections::{BTreeMap, HashMap};

/// A local partner the engine proposes for a traveller.
#[derive(Debug, Clone, PartialEq)]
pub struct TripProposal {
    /// The traveller.
    pub traveller: ParticipantId,
    /// Their organisation's name.
    pub traveller_name: String,
    /// The local partner.
    pub partner: ParticipantId,
    /// Its organisation's name.
    pub partner_name: String,
    /// The station it meets at, if it has one.
    pub station: Option<VenueId>,
    /// The engine's score (higher is better).
    pub score: f32,
    /// Why, as the engine's codes with parameters.
    pub reasons: Vec<m::Reason>,
    /// Whether the pair is confirmed already (a request stands, or its meeting).
    pub confirmed: bool,
}

/// How many candidates the engine returns per traveller before they are cut per station.
const CANDIDATES: usize = 50;

/// What someone meeting a partner should know: the meeting, each side (its
/// organisation, contact and published profiles at the event, i.e. what it offers and
/// seeks), and why the engine sees the two as a fit.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// The meeting.
    pub meeting: koop_db::meeting::MeetingView,
    /// Each side.
    pub sides: Vec<BriefingSide>,
    /// The engine's reasons for the pair (empty when it sees none).
    pub reasons: Vec<m::Reason>,
}

/// One side of a meeting in a briefing.
#[derive(Debug, Clone)]
pub struct BriefingSide {
    /// The participant.
    pub participant: ParticipantId,
    /// Its contact, where the viewer may see them.
    pub contact: Option<String>,
    /// Its organisation.
    pub org: koop_domain::org::Organisation,
    /// Its profiles at the event.
    pub profiles: Vec<koop_domain::profile::Profile>,
}

/// Every organisation among the event's active participants, by id.
async fn participant_orgs(
    r: &mut crate::read::Reader,
    people: &[&koop_db::participant::ParticipantView],
) -> CoreResult<BTreeMap<OrgId, koop_domain::org::Organisation>> {
    let mut orgs = BTreeMap::new();
    for p in people {
        if let std::collections::btree_map::Entry::Vacant(slot) = orgs.entry(p.org_id) {
            slot.insert(r.org(p.org_id).await?);
        }
    }
    Ok(orgs)
}

impl Core {
    /// For each traveller (entrepreneurs and delegates) of `event`, the `per_station`
    /// best local partners at each station, best first, with the engine's reasons.
    /// Organisers only.
    pub async fn trip_proposals(
        &self,
        actor: &Actor,
        event: EventId,
        per_station: usize,
    ) -> CoreResult<Vec<TripProposal>> {
        let mut r = self.reader(actor).await?;
        r.require_manage(event).await?;
        let people = r.participants(event).await?;
        let active =
            |p: &&koop_db::participant::ParticipantView| p.status.is_some_and(|s| s.is_active());
        let locals: Vec<_> = people
            .iter()
            .filter(active)
            .filter(|p| p.role == ParticipantRole::LocalPartner)
            .collect();
        let travellers: Vec<_> = people
            .iter()
            .filter(active)
            .filter(|p| {
                matches!(
                    p.role,
                    ParticipantRole::Entrepreneur | ParticipantRole::Delegate
                )
            })
            .collect();
        if locals.is_empty() || travellers.is_empty() {
            return Ok(vec![]);
        }
        let involved: Vec<_> = locals.iter().chain(&travellers).copied().collect();
        let orgs = participant_orgs(&mut r, &involved).await?;
        let index = m::MatchIndex::build(standing_input(orgs.values(), &HashMap::new())?)
            .map_err(internal)?;
        let presence = r.presence(event).await?;
        let station_of = |p: ParticipantId| {
            presence
                .get(&p)
                .and_then(|w| w.iter().find_map(|x| x.venue_id))
        };
        // Local partners by organisation (one organisation may send two people).
        let mut local_of: HashMap<OrgId, Vec<&koop_db::participant::ParticipantView>> =
            HashMap::new();
        for l in &locals {
            local_of.entry(l.org_id).or_default().push(l);
        }
        let confirmed = koop_db::request::standing_pairs(r.conn(), event).await?;
        let mut out = Vec::new();
        for t in &travellers {
            let recs = index
                .recommend(m::ProfileId(t.org_id.0 as u64), CANDIDATES)
                .map_err(internal)?;
            let mut per: HashMap<Option<VenueId>, usize> = HashMap::new();
            for rec in recs {
                let Some(partners) = local_of.get(&OrgId(rec.org.0 as i64)) else {
                    continue;
                };
                for l in partners {
                    let station = station_of(l.id);
                    let n = per.entry(station).or_default();
                    if *n >= per_station {
                        continue;
                    }
                    *n += 1;
                    out.push(TripProposal {
                        traveller: t.id,
                        traveller_name: t.org_name.clone(),
                        partner: l.id,
                        partner_name: l.org_name.clone(),
                        station,
                        score: rec.score,
                        reasons: rec.reasons.clone(),
                        confirmed: confirmed
                            .iter()
                            .any(|&(a, b)| (a, b) == (t.id, l.id) || (b, a) == (t.id, l.id)),
                    });
                }
            }
        }
        Ok(out)
    }
}

impl Core {
    /// The briefing for one meeting: for the event's organisers and the meeting's own
    /// participants (who see their own meetings only).
    pub async fn meeting_briefing(
        &self,
        actor: &Actor,
        event: EventId,
        meeting: koop_domain::ids::MeetingId,
    ) -> CoreResult<Briefing> {
        let mut r = self.reader(actor).await?;
        let (_, access) = r.event_access(event).await?;
        let me = match access {
            crate::policy::EventAccess::Attend(p) => Some(p),
            crate::policy::EventAccess::Manage => None,
            crate::policy::EventAccess::Public => return Err(crate::CoreError::Forbidden),
        };
        let m = r
            .meetings(event, me)
            .await?
            .into_iter()
            .find(|x| x.id == meeting)
            .ok_or(crate::CoreError::NotFound)?;
        let people = r.participants(event).await?;
        let sides_of: Vec<_> = m
            .attendees
            .iter()
            .filter_map(|a| people.iter().find(|p| p.id == a.participant))
            .collect();
        let orgs = participant_orgs(&mut r, &sides_of).await?;
        let published = r.event_profiles(event).await?;
        let mut sides = Vec::new();
        for p in &sides_of {
            sides.push(BriefingSide {
                participant: p.id,
                contact: p.person_name.clone(),
                org: orgs[&p.org_id].clone(),
                profiles: published
                    .iter()
                    .filter(|x| x.participant_id == Some(p.id) || x.org_id == p.org_id)
                    .cloned()
                    .collect(),
            });
        }
        // The engine's view of the pair, among all the event's organisations as they
        // stand (as the proposals saw them).
        let reasons = match sides.as_slice() {
            [a, b] => {
                let everyone: Vec<_> = people.iter().collect();
                let all = participant_orgs(&mut r, &everyone).await?;
                let index = m::MatchIndex::build(standing_input(all.values(), &HashMap::new())?)
                    .map_err(internal)?;
                index
                    .recommend(m::ProfileId(a.org.id.0 as u64), CANDIDATES)
                    .map_err(internal)?
                    .into_iter()
                    .find(|rec| rec.org.0 as i64 == b.org.id.0)
                    .map(|rec| rec.reasons)
                    .unwrap_or_default()
            }
            _ => vec![],
        };
        Ok(Briefing {
            meeting: m,
            sides,
            reasons,
        })
    }
}
