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
        let mut orgs = BTreeMap::new();
        for p in locals.iter().chain(&travellers) {
            if let std::collections::btree_map::Entry::Vacant(slot) = orgs.entry(p.org_id) {
                slot.insert(r.org(p.org_id).await?);
            }
        }
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
