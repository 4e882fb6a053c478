//! Investor and settlement projects: the pipeline behind an office's goal "acquisition
//! and settlement of companies", from the first lead to the company's opening and the
//! aftercare that follows.
//!
//! A project's stage is not stored on its own: it is the stage of its latest dated step,
//! so the pipeline and the history can never disagree.

use crate::DomainError;
use crate::ids::{AgencyId, InstrumentId, InvestorProjectId, OrgId, PartnerCityId};
use crate::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Where a project stands.
    Stage, "stage" {
        /// A lead: a company that may invest.
        Lead = "lead",
        /// In contact with the company.
        Contact = "contact",
        /// The company visited sites.
        SiteVisit = "site_visit",
        /// The company decided (a notary contract, a lease).
        Decision = "decision",
        /// The company settled: its office or plant opened.
        Settled = "settled",
        /// After the settlement: cooperation talks, expansion, support.
        Aftercare = "aftercare",
        /// The company chose elsewhere or gave up.
        Dropped = "dropped",
    }
);

impl Stage {
    /// The stages of the pipeline's columns, in order.
    pub const PIPELINE: [Stage; 7] = [
        Stage::Lead,
        Stage::Contact,
        Stage::SiteVisit,
        Stage::Decision,
        Stage::Settled,
        Stage::Aftercare,
        Stage::Dropped,
    ];

    /// Whether a project at this stage counts as a settlement.
    pub fn is_settled(self) -> bool {
        matches!(self, Stage::Settled | Stage::Aftercare)
    }
}

/// A dated step of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The stage the project reached with it.
    pub stage: Stage,
    /// When.
    pub on: NaiveDate,
    /// What happened ("Notarvertrag unterzeichnet").
    pub note: String,
}

impl Step {
    /// Checks the note's length.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::required_text("note", &self.note, 500)?;
        Ok(())
    }
}

/// An organisation that takes part in a project besides the company, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectPartner {
    /// The organisation (a university, an institute, the utility).
    pub org_id: OrgId,
    /// Its part ("Kooperationsgespräche", "Fläche").
    pub role: String,
}

/// The editable fields of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectData {
    /// The investing company.
    pub company_id: OrgId,
    /// A short title ("Deutsche Tochtergesellschaft von …").
    pub title: String,
    /// Jobs the company plans to create at the site.
    pub planned_jobs: Option<u32>,
    /// Investment it plans, in EUR.
    pub planned_investment_eur: Option<f64>,
    /// The site (an address, an industrial park).
    pub site: String,
    /// Partners involved.
    pub partners: Vec<ProjectPartner>,
    /// The instrument that brought the lead.
    pub instrument_id: Option<InstrumentId>,
    /// The partner-city relation that brought it.
    pub partner_city_id: Option<PartnerCityId>,
    /// What the company plans, how the lead came.
    pub description: String,
}

impl ProjectData {
    /// Checks texts, amounts and that no partner is the company or listed twice.
    pub fn check(&self) -> Result<(), DomainError> {
        crate::values::required_text("title", &self.title, 300)?;
        crate::values::optional_text("site", &self.site, 300)?;
        crate::values::optional_text("description", &self.description, 10_000)?;
        if let Some(v) = self.planned_investment_eur
            && (v.is_nan() || v < 0.0)
        {
            return Err(DomainError::new(
                "planned_investment_eur",
                "negative_value",
                format!("the planned investment must be zero or more, not {v}"),
            ));
        }
        let mut seen = Vec::new();
        for p in &self.partners {
            crate::values::optional_text("role", &p.role, 200)?;
            if p.org_id == self.company_id || seen.contains(&p.org_id) {
                return Err(DomainError::new(
                    "partners",
                    "duplicate_partner",
                    "a partner is listed twice or is the company itself",
                )
                .with("value", p.org_id.0.to_string()));
            }
            seen.push(p.org_id);
        }
        Ok(())
    }
}

/// A project with its steps, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Id.
    pub id: InvestorProjectId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: ProjectData,
    /// The dated steps, oldest first (ties in the order they were recorded).
    pub steps: Vec<Step>,
}

impl Project {
    /// The stage of the latest step; a project always has its first one.
    pub fn stage(&self) -> Stage {
        self.steps.last().map_or(Stage::Lead, |s| s.stage)
    }

    /// The day the project first reached a settled stage.
    pub fn settled_on(&self) -> Option<NaiveDate> {
        self.steps
            .iter()
            .filter(|s| s.stage.is_settled())
            .map(|s| s.on)
            .min()
    }
}

/// Orders steps by date, keeping the recorded order of steps on the same day.
pub fn sort_steps(steps: &mut [Step]) {
    steps.sort_by_key(|s| s.on);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(stage: Stage, y: i32, m: u32) -> Step {
        Step {
            stage,
            on: NaiveDate::from_ymd_opt(y, m, 1).unwrap(),
            note: "x".into(),
        }
    }

    #[test]
    fn the_stage_is_the_latest_steps_and_settlement_its_first_settled_day() {
        let mut steps = vec![
            step(Stage::Aftercare, 2011, 11),
            step(Stage::Decision, 2011, 7),
            step(Stage::Settled, 2011, 10),
        ];
        sort_steps(&mut steps);
        let p = Project {
            id: InvestorProjectId(1),
            agency_id: AgencyId(1),
            data: data(vec![]),
            steps,
        };
        assert_eq!(p.stage(), Stage::Aftercare);
        assert_eq!(p.settled_on(), NaiveDate::from_ymd_opt(2011, 10, 1));
    }

    fn data(partners: Vec<ProjectPartner>) -> ProjectData {
        ProjectData {
            company_id: OrgId(1),
            title: "Tochtergesellschaft".into(),
            planned_jobs: Some(12),
            planned_investment_eur: Some(1.0e6),
            site: String::new(),
            partners,
            instrument_id: None,
            partner_city_id: None,
            description: String::new(),
        }
    }

    #[test]
    fn the_company_cannot_be_its_own_partner() {
        let p = |org| ProjectPartner {
            org_id: OrgId(org),
            role: String::new(),
        };
        assert!(data(vec![p(2), p(3)]).check().is_ok());
        let e = data(vec![p(1)]).check().unwrap_err();
        assert_eq!(e.field, "partners");
        assert!(data(vec![p(2), p(2)]).check().is_err());
        let mut d = data(vec![]);
        d.planned_investment_eur = Some(-5.0);
        assert_eq!(d.check().unwrap_err().field, "planned_investment_eur");
    }
}
