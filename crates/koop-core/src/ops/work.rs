//! Agency work: agreements, partner cities, instruments, goals, activities, outcomes.

use crate::{Actor, Change, Core, CoreResult};
use chrono::NaiveDate;
use koop_domain::activity::ActivityData;
use koop_domain::agreement::AgreementData;
use koop_domain::city::{GoalKind, check_partner_city};
use koop_domain::ids::{
    ActivityId, AgencyId, AgreementId, GoalId, InstrumentId, OrgId, OutcomeId, PartnerCityId,
};
use koop_domain::outcome::OutcomeData;
use koop_domain::values::required_text;
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
        self.write(actor, Some(agency), "agreement.created", async |tx| {
            let id = koop_db::agreement::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
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
        self.write(actor, Some(agency), "instrument.created", async |tx| {
            let id = koop_db::city::insert_instrument(tx, agency, &name, description).await?;
            Ok(Change::new(id, "instrument", id.0, json!({ "name": name })))
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
        self.write(actor, Some(agency), "goal.created", async |tx| {
            let id = koop_db::city::insert_goal(tx, agency, kind, instrument, &description).await?;
            Ok(Change::new(id, "goal", id.0, json!({ "kind": kind })))
        })
        .await
    }

    /// Records a partner-city relation.
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
        self.write(actor, Some(agency), "partner_city.created", async |tx| {
            let id = koop_db::city::insert_partner(tx, agency, home, partner, since, note, publish)
                .await?;
            Ok(Change::new(
                id,
                "partner_city",
                id.0,
                json!({ "home_id": home, "partner_id": partner }),
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
        self.write(actor, Some(agency), "activity.created", async |tx| {
            let id = koop_db::activity::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
                id,
                "activity",
                id.0,
                json!({ "title": data.title, "kind": data.kind }),
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
        required_text("title", &data.title, 300)?;
        data.check()?;
        self.write(actor, Some(agency), "outcome.recorded", async |tx| {
            let id = koop_db::outcome::insert(tx, agency, &data, publish).await?;
            Ok(Change::new(
                id,
                "outcome",
                id.0,
                json!({ "kind": data.kind, "value": data.value }),
            ))
        })
        .await
    }
}
