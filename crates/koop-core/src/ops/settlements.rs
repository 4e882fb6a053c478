//! Investor and settlement projects: recording a lead and each dated step to the
//! company's settlement. When a project first reaches a settled stage, the settlement,
//! its planned jobs and its investment become outcomes attributed to the project, its
//! instrument and its partner city, in the same transaction: the office's figures can
//! never lack a settlement that its pipeline shows.

use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_db::owner::Owned;
use koop_domain::ids::{AgencyId, InvestorProjectId, OrgId};
use koop_domain::outcome::{Attribution, OutcomeData, OutcomeKind};
use koop_domain::settlement::{Project, ProjectData, Step};
use serde_json::json;

impl Core {
    /// Records a project with its first step (a lead, usually; an older project may be
    /// recorded at any stage).
    pub async fn create_investor_project(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: ProjectData,
        first: Step,
    ) -> CoreResult<InvestorProjectId> {
        // Both parts' problems at once, so the form comes back with all of them.
        let problems: Vec<crate::FieldError> = [data.check().err(), first.check().err()]
            .into_iter()
            .flatten()
            .map(Into::into)
            .collect();
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        self.write(actor, "investor_project.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let mut orgs: Vec<OrgId> = data.partners.iter().map(|p| p.org_id).collect();
            orgs.push(data.company_id);
            for id in &orgs {
                koop_db::org::get(tx, actor.viewer(), *id).await?;
            }
            if let Some(i) = data.instrument_id {
                policy::belongs_to_agency(tx, Owned::Instrument, i.0, agency).await?;
            }
            if let Some(p) = data.partner_city_id {
                policy::belongs_to_agency(tx, Owned::PartnerCity, p.0, agency).await?;
            }
            let id = koop_db::settlement::insert(tx, agency, &data, &first).await?;
            record_settlement(tx, actor, id).await?;
            Ok(Change::new(
                permit,
                id,
                "investor_project",
                id.0,
                json!({ "title": data.title, "stage": first.stage }),
            ))
        })
        .await
    }

    /// Adds a dated step to a project. The first step at a settled stage records the
    /// settlement's outcomes.
    pub async fn add_project_step(
        &self,
        actor: &Actor,
        project: InvestorProjectId,
        step: Step,
    ) -> CoreResult<()> {
        step.check()?;
        self.write(actor, "investor_project.step_added", async |tx| {
            let agency = koop_db::settlement::agency_of(tx, project)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            koop_db::settlement::add_step(tx, project, &step).await?;
            record_settlement(tx, actor, project).await?;
            Ok(Change::new(
                permit,
                (),
                "investor_project",
                project.0,
                json!({ "stage": step.stage, "on": step.on, "note": step.note }),
            ))
        })
        .await
    }
}

/// The outcomes of a settled project that has none yet: the settlement, and its planned
/// jobs and investment where the project names them.
fn settlement_outcomes(p: &Project) -> Vec<OutcomeData> {
    let Some(on) = p.settled_on() else {
        return vec![];
    };
    let attribution = Attribution {
        investor_project_id: Some(p.id),
        instrument_id: p.data.instrument_id,
        partner_city_id: p.data.partner_city_id,
        ..Attribution::default()
    };
    let jobs = p.data.planned_jobs.filter(|j| *j > 0).map(f64::from);
    let investment = p.data.planned_investment_eur.filter(|v| *v > 0.0);
    [
        (OutcomeKind::Settlement, Some(1.0)),
        (OutcomeKind::Jobs, jobs),
        (OutcomeKind::Investment, investment),
    ]
    .into_iter()
    .filter(|(kind, value)| *kind == OutcomeKind::Settlement || value.is_some())
    .map(|(kind, value)| OutcomeData {
        kind,
        title: p.data.title.clone(),
        achieved_on: on,
        value,
        org_ids: vec![p.data.company_id],
        attribution: attribution.clone(),
    })
    .collect()
}

async fn record_settlement(
    tx: &mut koop_db::Conn,
    actor: &Actor,
    id: InvestorProjectId,
) -> CoreResult<()> {
    if koop_db::settlement::has_outcomes(tx, id).await? {
        return Ok(());
    }
    let project = koop_db::settlement::get(tx, actor.viewer(), id).await?;
    for outcome in settlement_outcomes(&project) {
        koop_db::outcome::insert(tx, project.agency_id, &outcome, false).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use koop_domain::settlement::Stage;

    fn project(steps: Vec<Step>, jobs: Option<u32>) -> Project {
        Project {
            id: InvestorProjectId(4),
            agency_id: AgencyId(1),
            data: ProjectData {
                company_id: OrgId(9),
                title: "Niederlassung".into(),
                planned_jobs: jobs,
                planned_investment_eur: None,
                site: String::new(),
                partners: vec![],
                instrument_id: None,
                partner_city_id: None,
                description: String::new(),
            },
            steps,
        }
    }

    fn step(stage: Stage, month: u32) -> Step {
        Step {
            stage,
            on: NaiveDate::from_ymd_opt(2011, month, 1).unwrap(),
            note: "x".into(),
        }
    }

    #[test]
    fn a_settled_project_yields_its_settlement_and_jobs_on_the_day_it_settled() {
        let open = project(vec![step(Stage::Decision, 7)], Some(12));
        assert!(settlement_outcomes(&open).is_empty());
        let settled = project(
            vec![step(Stage::Decision, 7), step(Stage::Settled, 10)],
            Some(12),
        );
        let out = settlement_outcomes(&settled);
        let kinds: Vec<_> = out.iter().map(|o| (o.kind, o.value)).collect();
        assert_eq!(
            kinds,
            [
                (OutcomeKind::Settlement, Some(1.0)),
                (OutcomeKind::Jobs, Some(12.0))
            ]
        );
        assert_eq!(
            out[0].achieved_on,
            NaiveDate::from_ymd_opt(2011, 10, 1).unwrap()
        );
        assert_eq!(
            out[0].attribution.investor_project_id,
            Some(InvestorProjectId(4))
        );
    }
}
