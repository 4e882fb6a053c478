//! An agency's dashboard figures: the co-funding ledger of its agreements (public money
//! against the private money it mobilised) with the activities each agreement funded,
//! and the funnel contact → meeting → follow-up → agreement → effect, in total, per
//! year, per event, per partner city and per network.
//!
//! Read through the viewer's [`Reader`]: contributions are only in the ledger for those
//! who may see them (the reader leaves them out for everybody else).

use crate::CoreResult;
use crate::read::Reader;
use crate::views::{ActivityFilter, OutcomeFilter};
use chrono::{Datelike, NaiveDate};
use koop_domain::event::EventKind;
use koop_domain::ids::{ActivityId, AgencyId, AgreementId, EventId, OrgId};
use koop_domain::meeting::MeetingStatus;
use koop_domain::org::OrgKind;
use koop_domain::outcome::OutcomeKind;

/// Whether money from an organisation of `kind` is public money: agencies, ministries,
/// municipalities, embassies, chambers (public-law bodies in Germany), universities and
/// research institutes. Companies, networks, clusters and associations bring private
/// money (their members' fees and their own budgets).
pub fn is_public(kind: OrgKind) -> bool {
    matches!(
        kind,
        OrgKind::DevelopmentAgency
            | OrgKind::Ministry
            | OrgKind::Municipality
            | OrgKind::Embassy
            | OrgKind::Chamber
            | OrgKind::University
            | OrgKind::ResearchInstitute
    )
}

/// A party's contribution to an agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// The party.
    pub org_id: OrgId,
    /// Its name.
    pub name: String,
    /// Whether it is public money.
    pub public: bool,
    /// EUR, where recorded (and visible).
    pub eur: Option<f64>,
    /// What it consists of.
    pub note: String,
}

/// One agreement in the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerLine {
    /// The agreement.
    pub agreement: AgreementId,
    /// Its title.
    pub title: String,
    /// Signed on.
    pub signed_on: Option<NaiveDate>,
    /// Valid from.
    pub valid_from: Option<NaiveDate>,
    /// The network or cluster among its parties, if any.
    pub network: Option<(OrgId, String)>,
    /// Each party's contribution.
    pub contributions: Vec<Contribution>,
    /// Public money, EUR.
    pub public_eur: f64,
    /// Private money, EUR.
    pub private_eur: f64,
    /// The activities carried out under it: id, first day, title.
    pub activities: Vec<(ActivityId, NaiveDate, String)>,
}

impl LedgerLine {
    /// Private euros per public euro, where public money was spent.
    pub fn leverage(&self) -> Option<f64> {
        (self.public_eur > 0.0).then(|| self.private_eur / self.public_eur)
    }
}

/// What a sum of ledger lines adds up.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum LedgerScope {
    /// The agreements with one network or cluster among their parties.
    Network(OrgId, String),
    /// The agreements signed in one year (or, unsigned, valid from it).
    Year(i32),
}

/// The ledger summed per network or per year.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerSum {
    /// What it adds up.
    pub scope: LedgerScope,
    /// How many agreements.
    pub agreements: usize,
    /// Public money, EUR.
    pub public_eur: f64,
    /// Private money, EUR.
    pub private_eur: f64,
}

impl LedgerSum {
    /// Private euros per public euro, where public money was spent.
    pub fn leverage(&self) -> Option<f64> {
        (self.public_eur > 0.0).then(|| self.private_eur / self.public_eur)
    }
}

/// The ledger's lines summed per network (by name), then per year (oldest first).
/// An agreement whose contributions are all unknown to the viewer adds nothing.
pub fn ledger_sums(ledger: &[LedgerLine]) -> Vec<LedgerSum> {
    let mut sums: Vec<LedgerSum> = Vec::new();
    let known = ledger
        .iter()
        .filter(|l| l.contributions.iter().any(|c| c.eur.is_some()));
    for line in known {
        let year = line
            .signed_on
            .or(line.valid_from)
            .map(|d| LedgerScope::Year(d.year()));
        let network = line
            .network
            .as_ref()
            .map(|(id, name)| LedgerScope::Network(*id, name.clone()));
        for scope in network.into_iter().chain(year) {
            let at = match sums.iter().position(|s| s.scope == scope) {
                Some(i) => i,
                None => {
                    sums.push(LedgerSum {
                        scope,
                        agreements: 0,
                        public_eur: 0.0,
                        private_eur: 0.0,
                    });
                    sums.len() - 1
                }
            };
            let sum = &mut sums[at];
            sum.agreements += 1;
            sum.public_eur += line.public_eur;
            sum.private_eur += line.private_eur;
        }
    }
    sums.sort_by(|a, b| match (&a.scope, &b.scope) {
        (LedgerScope::Network(_, x), LedgerScope::Network(_, y)) => x.cmp(y),
        _ => a.scope.cmp(&b.scope),
    });
    sums
}

/// The stages of the funnel, in order.
pub const STAGES: [&str; 5] = ["contact", "meeting", "follow_up", "agreement", "effect"];

/// The funnel stage an outcome of `kind` counts in.
pub fn stage_of(kind: OutcomeKind) -> usize {
    match kind {
        OutcomeKind::ContactEstablished => 0,
        OutcomeKind::FollowUpMeeting
        | OutcomeKind::Negotiation
        | OutcomeKind::CooperationProject => 2,
        OutcomeKind::LetterOfIntent | OutcomeKind::Mou | OutcomeKind::Contract => 3,
        OutcomeKind::Sale
        | OutcomeKind::Settlement
        | OutcomeKind::Jobs
        | OutcomeKind::Investment
        | OutcomeKind::EuFunding => 4,
    }
}

/// What a funnel row counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunnelScope {
    /// Everything.
    Total,
    /// One calendar year.
    Year(i32),
    /// One event (its meetings held and the outcomes attributed to it).
    Event(EventId, String),
    /// One station of a trip: its venue's name (the meetings held there and the
    /// outcomes of those meetings).
    Station(EventId, String),
    /// One partner city.
    PartnerCity(i64, String),
    /// One network or cluster.
    Network(OrgId, String),
}

/// One row of the funnel: how many at each of [`STAGES`].
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelRow {
    /// What it counts.
    pub scope: FunnelScope,
    /// Per stage.
    pub counts: [usize; 5],
}

/// The effects in total: jobs, investment, sales, funding (the outcomes' values).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Effects {
    /// Per effect kind: (kind, sum of values, number of outcomes).
    pub sums: Vec<(OutcomeKind, f64, usize)>,
}

/// The dashboard of one agency.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// The ledger, one line per agreement, oldest first.
    pub ledger: Vec<LedgerLine>,
    /// The ledger per network and per year.
    pub ledger_sums: Vec<LedgerSum>,
    /// The funnel rows: the total, the years, the events, the partner cities, the
    /// networks; rows that count nothing are left out.
    pub funnel: Vec<FunnelRow>,
    /// The effects.
    pub effects: Effects,
}

/// Builds the dashboard of `agency` from what `reader` may see.
pub async fn dashboard(reader: &mut Reader, agency: AgencyId) -> CoreResult<Dashboard> {
    let activities: Vec<_> = reader
        .activities(ActivityFilter::default())
        .await?
        .into_iter()
        .filter(|a| a.agency_id == agency)
        .collect();
    let mut ledger = Vec::new();
    for (a, parties) in reader.agreements(None).await? {
        if a.agency_id != agency {
            continue;
        }
        let contributions: Vec<Contribution> = parties
            .iter()
            .map(|p| Contribution {
                org_id: p.party.org_id,
                name: p.name.clone(),
                public: OrgKind::parse(&p.kind).is_ok_and(is_public),
                eur: p.party.contribution_eur,
                note: p.party.contribution_note.clone(),
            })
            .collect();
        let sum = |public: bool| -> f64 {
            contributions
                .iter()
                .filter(|c| c.public == public)
                .filter_map(|c| c.eur)
                .sum()
        };
        let network = parties
            .iter()
            .find(|p| p.kind == "network" || p.kind == "cluster")
            .map(|p| (p.party.org_id, p.name.clone()));
        let mut funded: Vec<(ActivityId, NaiveDate, String)> = activities
            .iter()
            .filter(|x| x.data.agreement_ids.contains(&a.id))
            .map(|x| (x.id, x.data.start_on, x.data.title.clone()))
            .collect();
        funded.sort_by_key(|x| x.1);
        ledger.push(LedgerLine {
            agreement: a.id,
            title: a.data.title.clone(),
            signed_on: a.data.signed_on,
            valid_from: a.data.valid_from,
            network,
            public_eur: sum(true),
            private_eur: sum(false),
            contributions,
            activities: funded,
        });
    }
    ledger.sort_by_key(|l| (l.signed_on, l.agreement));

    let outcomes: Vec<_> = reader
        .outcomes(OutcomeFilter::default())
        .await?
        .into_iter()
        .filter(|o| o.agency_id == agency)
        .collect();
    let mut rows: Vec<FunnelRow> = Vec::new();
    let mut add =
        |scope: FunnelScope, stage: usize| match rows.iter_mut().find(|r| r.scope == scope) {
            Some(r) => r.counts[stage] += 1,
            None => {
                let mut counts = [0; 5];
                counts[stage] = 1;
                rows.push(FunnelRow { scope, counts });
            }
        };
    // Meetings held at the agency's events, for those who manage them; on a trip, the
    // station each meeting was at, for the outcomes of those meetings.
    let mut station_of: std::collections::HashMap<koop_domain::ids::MeetingId, (EventId, String)> =
        std::collections::HashMap::new();
    for e in reader.events(None).await? {
        if e.agency_id != agency {
            continue;
        }
        let (_, access) = reader.event_access(e.id).await?;
        if access != crate::policy::EventAccess::Manage {
            continue;
        }
        let trip = matches!(
            e.data.kind,
            EventKind::DelegationTrip | EventKind::OnlineMission
        );
        let meetings = reader.meetings(e.id, None).await?;
        for m in meetings.iter().filter(|m| m.status == MeetingStatus::Held) {
            add(FunnelScope::Total, 1);
            if let Some(at) = m.starts_at {
                add(FunnelScope::Year(at.year()), 1);
            }
            add(FunnelScope::Event(e.id, e.data.title.clone()), 1);
            if let (true, Some((venue, _))) = (trip, &m.venue) {
                add(FunnelScope::Station(e.id, venue.clone()), 1);
            }
        }
        if trip {
            for m in &meetings {
                if let Some((venue, _)) = &m.venue {
                    station_of.insert(m.id, (e.id, venue.clone()));
                }
            }
        }
    }
    let cities: Vec<(i64, String)> = reader
        .partner_cities()
        .await?
        .into_iter()
        .map(|c| (c.relation.id.0, c.partner_name))
        .collect();
    let mut events: Vec<(EventId, String)> = Vec::new();
    for o in &outcomes {
        let stage = stage_of(o.data.kind);
        let at = &o.data.attribution;
        add(FunnelScope::Total, stage);
        add(FunnelScope::Year(o.data.achieved_on.year()), stage);
        if let Some(e) = at.event_id {
            let title = match events.iter().find(|x| x.0 == e) {
                Some((_, t)) => t.clone(),
                None => {
                    let t = reader.event(e).await.map(|x| x.data.title)?;
                    events.push((e, t.clone()));
                    t
                }
            };
            add(FunnelScope::Event(e, title), stage);
        }
        if let Some((e, venue)) = at.meeting_id.and_then(|m| station_of.get(&m)) {
            add(FunnelScope::Station(*e, venue.clone()), stage);
        }
        if let Some(c) = at.partner_city_id
            && let Some((_, name)) = cities.iter().find(|x| x.0 == c.0)
        {
            add(FunnelScope::PartnerCity(c.0, name.clone()), stage);
        }
        for g in at.network_id.iter().chain(&at.cluster_id) {
            let name = reader
                .org_names(&[*g])
                .await?
                .into_iter()
                .next()
                .map(|x| x.1)
                .unwrap_or_default();
            add(FunnelScope::Network(*g, name), stage);
        }
    }
    // Each trip's stations follow the trip's own row.
    let order = |s: &FunnelScope| match s {
        FunnelScope::Total => (0, 0, 0, String::new()),
        FunnelScope::Year(y) => (1, *y as i64, 0, String::new()),
        FunnelScope::Event(e, t) => (2, e.0, 0, t.clone()),
        FunnelScope::Station(e, t) => (2, e.0, 1, t.clone()),
        FunnelScope::PartnerCity(_, t) => (3, 0, 0, t.clone()),
        FunnelScope::Network(_, t) => (4, 0, 0, t.clone()),
    };
    rows.sort_by_key(|r| order(&r.scope));

    let mut effects = Effects::default();
    for kind in OutcomeKind::ALL.iter().filter(|k| stage_of(**k) == 4) {
        let of_kind: Vec<_> = outcomes.iter().filter(|o| o.data.kind == *kind).collect();
        if !of_kind.is_empty() {
            let sum = of_kind.iter().filter_map(|o| o.data.value).sum();
            effects.sums.push((*kind, sum, of_kind.len()));
        }
    }
    Ok(Dashboard {
        ledger_sums: ledger_sums(&ledger),
        ledger,
        funnel: rows,
        effects,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_bring_public_money_and_networks_private_money() {
        assert!(is_public(OrgKind::DevelopmentAgency));
        assert!(!is_public(OrgKind::Network));
        assert!(!is_public(OrgKind::Company));
        let line = LedgerLine {
            agreement: AgreementId(1),
            title: String::new(),
            signed_on: None,
            valid_from: None,
            network: None,
            contributions: vec![],
            public_eur: 60_000.0,
            private_eur: 25_000.0,
            activities: vec![],
        };
        assert!((line.leverage().unwrap() - 0.4167).abs() < 1e-3);
        assert_eq!(stage_of(OutcomeKind::Mou), 3);
        assert_eq!(stage_of(OutcomeKind::Jobs), 4);
    }

    fn line(id: i64, network: i64, signed: (i32, u32), public: f64, private: f64) -> LedgerLine {
        LedgerLine {
            agreement: AgreementId(id),
            title: String::new(),
            signed_on: NaiveDate::from_ymd_opt(signed.0, signed.1, 1),
            valid_from: None,
            network: Some((OrgId(network), format!("Netz {network}"))),
            contributions: vec![Contribution {
                org_id: OrgId(network),
                name: String::new(),
                public: false,
                eur: Some(private),
                note: String::new(),
            }],
            public_eur: public,
            private_eur: private,
            activities: vec![],
        }
    }

    #[test]
    fn the_ledger_sums_per_network_and_per_year_signed() {
        let mut hidden = line(4, 9, (2020, 1), 5.0, 5.0);
        hidden.contributions[0].eur = None;
        let sums = ledger_sums(&[
            line(1, 7, (2018, 3), 60_000.0, 25_000.0),
            line(2, 8, (2018, 9), 60_000.0, 30_000.0),
            line(3, 7, (2019, 2), 40_000.0, 20_000.0),
            hidden,
        ]);
        let got: Vec<(LedgerScope, usize, f64, f64)> = sums
            .iter()
            .map(|s| (s.scope.clone(), s.agreements, s.public_eur, s.private_eur))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    LedgerScope::Network(OrgId(7), "Netz 7".into()),
                    2,
                    100_000.0,
                    45_000.0
                ),
                (
                    LedgerScope::Network(OrgId(8), "Netz 8".into()),
                    1,
                    60_000.0,
                    30_000.0
                ),
                (LedgerScope::Year(2018), 2, 120_000.0, 55_000.0),
                (LedgerScope::Year(2019), 1, 40_000.0, 20_000.0),
            ]
        );
        assert!((sums[2].leverage().unwrap() - 55.0 / 120.0).abs() < 1e-9);
    }
}
