//! Partner suggestions for anything a consortium is built for (a funding call, a
//! cross-cluster project idea): the matchmaking engine ranks organisations by the
//! text against what they say of themselves and by how often they worked with the
//! side that builds the consortium.

use crate::CoreResult;
use crate::read::Reader;
use crate::views::{ActivityFilter, OrgFilter, OutcomeFilter};
use koop_domain::ids::OrgId;
use koop_domain::org::Organisation;
pub use koop_match::call::{CallReason, CallSuggestion};
use koop_match::call::{Candidate, suggest};
use std::collections::{HashMap, HashSet};

/// A suggested partner with its organisation's name and country.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggested {
    /// The organisation.
    pub org: OrgId,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// The engine's suggestion: score, contributions, reasons.
    pub suggestion: CallSuggestion,
}

/// The `k` organisations `reader` may see that best fit `text`, among those `admit`
/// lets through, never one of `own` nor a network or cluster itself. Cooperation
/// counts the activities, agreements and outcomes an organisation shares with `own`.
pub async fn rank_partners(
    reader: &mut Reader,
    text: &str,
    own: &HashSet<OrgId>,
    k: usize,
    admit: impl Fn(&Organisation) -> bool,
) -> CoreResult<Vec<Suggested>> {
    let orgs = reader.orgs(&OrgFilter::default()).await?;
    // Who took part in the same records as one of `own`.
    let mut joint: HashMap<OrgId, u32> = HashMap::new();
    let mut count = |ids: &[OrgId]| {
        if ids.iter().any(|i| own.contains(i)) {
            for i in ids.iter().filter(|i| !own.contains(i)) {
                *joint.entry(*i).or_default() += 1;
            }
        }
    };
    for a in reader.activities(ActivityFilter::default()).await? {
        count(&a.data.org_ids);
    }
    for (_, parties) in reader.agreements(None).await? {
        let ids: Vec<OrgId> = parties.iter().map(|p| p.party.org_id).collect();
        count(&ids);
    }
    for o in reader.outcomes(OutcomeFilter::default()).await? {
        count(&o.data.org_ids);
    }
    let candidates: Vec<Candidate> = orgs
        .iter()
        .filter(|o| !own.contains(&o.id) && !o.data.kind.has_members() && admit(o))
        .map(|o| Candidate {
            key: o.id.0,
            text: format!("{}. {}", o.data.name, o.data.description),
            lang: o
                .data
                .languages
                .first()
                .and_then(|l| koop_match::LangCode::parse("language", l.as_str()).ok()),
            joint_records: joint.get(&o.id).copied().unwrap_or(0),
        })
        .collect();
    let by_id: HashMap<i64, &Organisation> = orgs.iter().map(|o| (o.id.0, o)).collect();
    Ok(suggest(text, None, &candidates, k)
        .into_iter()
        .filter_map(|s| {
            let o = by_id.get(&s.key)?;
            Some(Suggested {
                org: o.id,
                name: o.data.name.clone(),
                country: o.data.country.to_string(),
                suggestion: s,
            })
        })
        .collect())
}
