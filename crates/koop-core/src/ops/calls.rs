//! Funding calls: recording a call, building its consortium, its result (a granted
//! project becomes an "EU funding" outcome of the consortium), and the partners the
//! matchmaking engine suggests for it from the directory and past cooperation.

pub use super::partners::Suggested;
use super::partners::rank_partners;
use crate::read::Reader;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_domain::DomainError;
use koop_domain::call::{CallData, CallStatus, FundingCall};
use koop_domain::ids::{AgencyId, FundingCallId, OrgId};
use koop_domain::outcome::{Attribution, OutcomeData, OutcomeKind};
pub use koop_match::call::{CallReason, CallSuggestion};
use serde_json::json;
use std::collections::HashSet;

/// How many partners a call's page suggests.
pub const SUGGESTED: usize = 12;

impl Core {
    /// Records a call the agency prepares an application for.
    pub async fn create_call(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: CallData,
    ) -> CoreResult<FundingCallId> {
        data.check()?;
        self.write(actor, "funding_call.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let id = koop_db::call::insert(tx, agency, &data).await?;
            Ok(Change::new(
                permit,
                id,
                "funding_call",
                id.0,
                json!({ "title": data.title, "topic_code": data.topic_code }),
            ))
        })
        .await
    }

    /// Adds an organisation the actor may see to a call's consortium, with its role.
    pub async fn add_call_member(
        &self,
        actor: &Actor,
        call: FundingCallId,
        org: OrgId,
        role: &str,
    ) -> CoreResult<()> {
        let role = koop_domain::values::optional_text("role", role, 200)?;
        self.write(actor, "funding_call.member_added", async |tx| {
            let agency = koop_db::call::agency_of(tx, call)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            let o = koop_db::org::get(tx, actor.viewer(), org).await?;
            let c = koop_db::call::get(tx, actor.viewer(), call).await?;
            if !c.data.admits(&o.data.country) {
                return Err(CoreError::field(
                    DomainError::new(
                        "org",
                        "not_eligible",
                        format!("{} is not in a country the call admits", o.data.country),
                    )
                    .with("value", o.data.country.to_string()),
                ));
            }
            koop_db::call::add_member(tx, call, org, &role).await?;
            Ok(Change::new(
                permit,
                (),
                "funding_call",
                call.0,
                json!({ "org_id": org, "role": role }),
            ))
        })
        .await
    }

    /// Records where the application stands. Won needs the funding granted, and
    /// records it as an "EU funding" outcome of the consortium on `on`.
    pub async fn set_call_status(
        &self,
        actor: &Actor,
        call: FundingCallId,
        status: CallStatus,
        funding_eur: Option<f64>,
        on: chrono::NaiveDate,
    ) -> CoreResult<()> {
        if status == CallStatus::Won && funding_eur.is_none_or(|v| v.is_nan() || v <= 0.0) {
            return Err(CoreError::field(DomainError::new(
                "funding_eur",
                "required",
                "a granted project needs the funding granted",
            )));
        }
        self.write(actor, "funding_call.status_set", async |tx| {
            let agency = koop_db::call::agency_of(tx, call)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            let c = koop_db::call::get(tx, actor.viewer(), call).await?;
            if c.status == CallStatus::Won {
                return Err(CoreError::field(DomainError::new(
                    "status",
                    "already_won",
                    "the project was granted already; its outcome is recorded",
                )));
            }
            let funding = funding_eur.filter(|_| status == CallStatus::Won);
            koop_db::call::set_status(tx, call, status, funding).await?;
            if let Some(value) = funding {
                let outcome = OutcomeData {
                    kind: OutcomeKind::EuFunding,
                    title: c.data.title.clone(),
                    achieved_on: on,
                    value: Some(value),
                    org_ids: c.members.iter().map(|m| m.0).collect(),
                    attribution: Attribution::default(),
                };
                koop_db::outcome::insert(tx, agency, &outcome, false).await?;
            }
            Ok(Change::new(
                permit,
                (),
                "funding_call",
                call.0,
                json!({ "status": status, "funding_eur": funding }),
            ))
        })
        .await
    }
}

/// Partners for `call` from the organisations `reader` may see: not yet in the
/// consortium, not the agency itself, from an admitted country, ranked by the call's
/// topic against what they say of themselves and by how often they worked with the
/// agency.
pub async fn call_suggestions(
    reader: &mut Reader,
    call: &FundingCall,
) -> CoreResult<Vec<Suggested>> {
    let own: HashSet<OrgId> = reader
        .agency_orgs(call.agency_id)
        .await?
        .into_iter()
        .collect();
    let members: HashSet<OrgId> = call.members.iter().map(|m| m.0).collect();
    let text = format!("{}. {}", call.data.title, call.data.topic_text);
    rank_partners(reader, &text, &own, SUGGESTED, |o| {
        !members.contains(&o.id) && call.data.admits(&o.data.country)
    })
    .await
}
