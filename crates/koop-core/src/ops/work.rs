//! Agency work: agreements, partner cities, instruments, goals, activities, outcomes.

use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use chrono::NaiveDate;
use koop_db::owner::{EventChild, Owned};
use koop_domain::activity::ActivityData;
use koop_domain::agreement::AgreementData;
use koop_domain::city::{GoalKind, check_partner_city};
use koop_domain::ids::{
    ActivityId, AgencyId, AgreementId, EventId, GoalId, InstrumentId, OrgId, OutcomeId,
    PartnerCityId,
};
use koop_domain::outcome::OutcomeData;
use koop_domain::values::{optional_text, required_text};
use serde_json::json;

impl Core {
    /// Records a cooperation agreement.
    pub async fn create_agreement(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: AgreementData,
        publish: bool,
    ) -> CoreResult<AgreementId> {
        required_text("title", &data.title, 300)?;
        data.check()?;
        self.write(actor, "agreement.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let parties: Vec<OrgId> = data.parties.iter().map(|p| p.org_id).collect();
            visible_orgs(tx, actor, &parties).await?;
            let id = koop_db::agreement::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
                permit,
                id,
                "agreement",
                id.0,
                json!({ "title": data.title, "kind": data.kind }),
            ))
        })
        .await
    }

    /// Configures an instrument of the agency's international work.
    pub async fn create_instrument(
        &self,
        actor: &Actor,
        agency: AgencyId,
        name: &str,
        description: &str,
    ) -> CoreResult<InstrumentId> {
        let name = required_text("name", name, 200)?;
        let description = optional_text("description", description, 10_000)?;
        self.write(actor, "instrument.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let id = koop_db::city::insert_instrument(tx, agency, &name, &description).await?;
            Ok(Change::new(
                permit,
                id,
                "instrument",
                id.0,
                json!({ "name": name }),
            ))
        })
        .await
    }

    /// Sets a goal.
    pub async fn create_goal(
        &self,
        actor: &Actor,
        agency: AgencyId,
        kind: GoalKind,
        instrument: Option<InstrumentId>,
        description: &str,
    ) -> CoreResult<GoalId> {
        let description = required_text("description", description, 1000)?;
        self.write(actor, "goal.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            if let Some(i) = instrument {
                policy::belongs_to_agency(tx, Owned::Instrument, i.0, agency).await?;
            }
            let id = koop_db::city::insert_goal(tx, agency, kind, instrument, &description).await?;
            Ok(Change::new(
                permit,
                id,
                "goal",
                id.0,
                json!({ "kind": kind }),
            ))
        })
        .await
    }

    /// Records a partner-city relation of one of the agency's own cities.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_partner_city(
        &self,
        actor: &Actor,
        agency: AgencyId,
        home: OrgId,
        partner: OrgId,
        since: Option<NaiveDate>,
        note: &str,
        publish: bool,
    ) -> CoreResult<PartnerCityId> {
        check_partner_city(home, partner)?;
        let note = optional_text("note", note, 10_000)?;
        self.write(actor, "partner_city.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            visible_orgs(tx, actor, &[home, partner]).await?;
            // The office records its own city's partnerships, not another's.
            if koop_db::owner::agency_of(tx, Owned::Organisation, home.0).await? != agency {
                return Err(CoreError::field(
                    koop_domain::DomainError::new(
                        "home",
                        "not_own_city",
                        "the home city must be one of the agency's own organisations",
                    )
                    .with("value", home.0.to_string()),
                ));
            }
            let id =
                koop_db::city::insert_partner(tx, agency, home, partner, since, &note, publish)
                    .await?;
            Ok(Change::new(
                permit,
                id,
                "partner_city",
                id.0,
                json!({ "home_id": home, "partner_id": partner }),
            ))
        })
        .await
    }

    /// Adds a milestone to a partner-city relation's history (signed, renewed,
    /// extended, dormant, resumed, ended).
    pub async fn add_partner_city_event(
        &self,
        actor: &Actor,
        relation: PartnerCityId,
        event: koop_domain::city::RelationEvent,
    ) -> CoreResult<()> {
        event.check()?;
        self.write(actor, "partner_city.event_added", async |tx| {
            let agency =
                koop_db::owner::agency_of(tx, koop_db::owner::Owned::PartnerCity, relation.0)
                    .await
                    .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            koop_db::city::insert_event(tx, relation, &event).await?;
            Ok(Change::new(
                permit,
                (),
                "partner_city",
                relation.0,
                json!({ "on": event.on, "kind": event.kind, "note": event.note }),
            ))
        })
        .await
    }

    /// Sets what `goal` aims for in `year` (settlements, jobs, EUR), replacing an
    /// earlier target of that year.
    pub async fn set_goal_target(
        &self,
        actor: &Actor,
        goal: GoalId,
        year: i32,
        target: f64,
    ) -> CoreResult<()> {
        if !(1900..=2200).contains(&year) {
            return Err(CoreError::field(
                koop_domain::DomainError::new(
                    "year",
                    "invalid_year",
                    format!("{year} is not a year"),
                )
                .with("value", year.to_string()),
            ));
        }
        if target.is_nan() || target < 0.0 {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "target",
                "negative_value",
                format!("a target must be zero or more, not {target}"),
            )));
        }
        self.write(actor, "goal.target_set", async |tx| {
            let agency = koop_db::city::goal_agency(tx, goal)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            koop_db::city::set_goal_target(tx, goal, year, target).await?;
            Ok(Change::new(
                permit,
                (),
                "goal",
                goal.0,
                json!({ "year": year, "target": target }),
            ))
        })
        .await
    }

    /// Records an activity.
    pub async fn create_activity(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: ActivityData,
        publish: bool,
    ) -> CoreResult<ActivityId> {
        required_text("title", &data.title, 300)?;
        data.check()?;
        self.write(actor, "activity.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            visible_orgs(tx, actor, &data.org_ids).await?;
            for a in &data.agreement_ids {
                policy::belongs_to_agency(tx, Owned::Agreement, a.0, agency).await?;
            }
            owned(
                tx,
                Owned::Instrument,
                data.instrument_id.map(|i| i.0),
                agency,
            )
            .await?;
            owned(
                tx,
                Owned::PartnerCity,
                data.partner_city_id.map(|i| i.0),
                agency,
            )
            .await?;
            if let Some(e) = data.event_id {
                run_by(tx, e, agency).await?;
            }
            let id = koop_db::activity::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
                permit,
                id,
                "activity",
                id.0,
                json!({ "title": data.title, "kind": data.kind }),
            ))
        })
        .await
    }

    /// Records how many leads an organisation of an activity collected (a co-exhibitor
    /// at a joint stand), or clears it.
    pub async fn set_activity_leads(
        &self,
        actor: &Actor,
        activity: ActivityId,
        org: OrgId,
        leads: Option<u32>,
    ) -> CoreResult<()> {
        self.write(actor, "activity.leads_set", async |tx| {
            let agency = koop_db::owner::agency_of(tx, Owned::Activity, activity.0)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            if !koop_db::activity::set_leads(tx, activity, org, leads).await? {
                return Err(CoreError::field(
                    koop_domain::DomainError::new(
                        "org",
                        "not_in_activity",
                        format!("organisation {org} did not take part in activity {activity}"),
                    )
                    .with("value", org.0.to_string()),
                ));
            }
            Ok(Change::new(
                permit,
                (),
                "activity",
                activity.0,
                json!({ "org_id": org, "leads": leads }),
            ))
        })
        .await
    }

    /// Records an outcome and what it is attributed to.
    pub async fn record_outcome(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: OutcomeData,
        publish: bool,
    ) -> CoreResult<OutcomeId> {
        self.record_outcome_reminding(actor, agency, data, publish, None)
            .await
    }

    /// Records an outcome and, with `remind_on`, a reminder to the actor to follow it
    /// up that day ([`Core::remind_follow_up`]), in one transaction: a reminder that
    /// cannot be set leaves no outcome behind.
    pub async fn record_outcome_reminding(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: OutcomeData,
        publish: bool,
        remind_on: Option<chrono::NaiveDate>,
    ) -> CoreResult<OutcomeId> {
        required_text("title", &data.title, 300)?;
        data.check()?;
        if let Some(on) = remind_on {
            super::follow_up::check_reminder_day(on)?;
        }
        self.write(actor, "outcome.recorded", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            visible_orgs(tx, actor, &data.org_ids).await?;
            let at = &data.attribution;
            let groups: Vec<OrgId> = at
                .network_id
                .iter()
                .chain(&at.cluster_id)
                .copied()
                .collect();
            visible_orgs(tx, actor, &groups).await?;
            owned(tx, Owned::Activity, at.activity_id.map(|i| i.0), agency).await?;
            owned(tx, Owned::Agreement, at.agreement_id.map(|i| i.0), agency).await?;
            owned(
                tx,
                Owned::PartnerCity,
                at.partner_city_id.map(|i| i.0),
                agency,
            )
            .await?;
            owned(tx, Owned::Instrument, at.instrument_id.map(|i| i.0), agency).await?;
            if let Some(e) = at.event_id {
                run_by(tx, e, agency).await?;
            }
            if let Some(m) = at.meeting_id {
                let e = koop_db::owner::event_of(tx, EventChild::Meeting, m.0).await?;
                run_by(tx, e, agency).await?;
            }
            let id = koop_db::outcome::insert(tx, agency, &data, publish).await?;
            if let Some(on) = remind_on {
                self.queue_reminder(tx, actor, agency, id, on).await?;
            }
            Ok(Change::new(
                permit,
                id,
                "outcome",
                id.0,
                json!({ "kind": data.kind, "value": data.value }),
            ))
        })
        .await
    }
}

/// Organisations a record refers to must be ones the actor can see (their own agency's,
/// or published ones of other agencies).
async fn visible_orgs(tx: &mut koop_db::Conn, actor: &Actor, ids: &[OrgId]) -> CoreResult<()> {
    for id in ids {
        koop_db::org::get(tx, actor.viewer(), *id).await?;
    }
    Ok(())
}

/// An optional reference to a record that must be the agency's own.
async fn owned(
    tx: &mut koop_db::Conn,
    kind: Owned,
    id: Option<i64>,
    agency: AgencyId,
) -> CoreResult<()> {
    match id {
        Some(id) => policy::belongs_to_agency(tx, kind, id, agency).await,
        None => Ok(()),
    }
}

/// An event a record refers to must be one the agency runs or co-organises.
async fn run_by(tx: &mut koop_db::Conn, event: EventId, agency: AgencyId) -> CoreResult<()> {
    if koop_db::event::scope(tx, event).await?.is_run_by(agency) {
        Ok(())
    } else {
        Err(CoreError::NotFound)
    }
}
