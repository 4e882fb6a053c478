//! The council report "Economic effects of the international office's work", built from
//! an agency's records for any period: its goals with what was achieved towards each,
//! then per instrument and per partner city the dated results (activities and the
//! outcomes attributed to them), then the settlement projects with their steps.
//!
//! The report is data: the web renders it as a page, a PDF and a workbook from this one
//! structure, so the three can never show different figures. It is read through the
//! viewer's [`Reader`], so a reader who may not see a record does not find it here.

use crate::CoreResult;
use crate::read::Reader;
use crate::views::{ActivityFilter, OutcomeFilter};
use chrono::NaiveDate;
use koop_domain::activity::{Activity, ActivityKind};
use koop_domain::city::GoalKind;
use koop_domain::ids::{ActivityId, AgencyId, InvestorProjectId, OrgId, OutcomeId};
use koop_domain::outcome::{Outcome, OutcomeKind};
use koop_domain::settlement::{Stage, Step};
use std::collections::HashMap;

/// The period a report covers, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    /// Whether `day` lies in the period.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether the days `start..=end` overlap the period.
    pub fn overlaps(self, start: NaiveDate, end: NaiveDate) -> bool {
        start <= self.to && self.from <= end
    }
}

/// What a dated result is, and where its record is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ResultRecord {
    /// An activity.
    Activity(ActivityId, ActivityKind),
    /// An outcome of no activity in the same section.
    Outcome(Effect),
}

/// An outcome as a report shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    /// Id.
    pub id: OutcomeId,
    /// When.
    pub on: NaiveDate,
    /// Kind.
    pub kind: OutcomeKind,
    /// Value in the kind's unit.
    pub value: Option<f64>,
    /// The settlement project it came from.
    pub project: Option<InvestorProjectId>,
}

/// One line of a section: a day, what happened, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedResult {
    /// When (an activity's first day, an outcome's day).
    pub on: NaiveDate,
    /// What, in the record's own words.
    pub title: String,
    /// The record behind it.
    pub record: ResultRecord,
    /// For an activity, the outcomes in the period attributed to it, with their titles.
    pub effects: Vec<(Effect, String)>,
}

/// A goal and what was achieved towards it in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalLine {
    /// Kind.
    pub kind: GoalKind,
    /// The goal in words.
    pub description: String,
    /// The instrument that serves it.
    pub instrument: Option<String>,
    /// The outcome kind that measures it, with the sum of their values and their number,
    /// where the kind has a measure.
    pub achieved: Option<(OutcomeKind, f64, usize)>,
    /// Per year of the period with a target or a result: the target, and what was
    /// achieved (the number of settlements, else the sum of the values).
    pub years: Vec<GoalYear>,
}

/// A goal's target and result in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalYear {
    /// The year.
    pub year: i32,
    /// What was aimed for, if a target was set.
    pub target: Option<f64>,
    /// What was achieved.
    pub achieved: f64,
}

/// A section: an instrument or a partner city with its results, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The instrument's name, or the partner city's.
    pub title: String,
    /// What it is (the instrument's description; "since …" and the note of a relation).
    pub description: String,
    /// The partner city's country, for a partner city.
    pub country: Option<String>,
    /// Since when the partnership exists.
    pub since: Option<NaiveDate>,
    /// Results in the period.
    pub results: Vec<DatedResult>,
}

/// A settlement project as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SettlementLine {
    /// Id, for the link.
    pub id: InvestorProjectId,
    /// Title.
    pub title: String,
    /// The company.
    pub company: String,
    /// Its country.
    pub country: String,
    /// Where the project stands now.
    pub stage: Stage,
    /// Planned jobs.
    pub planned_jobs: Option<u32>,
    /// Planned investment, EUR.
    pub planned_investment_eur: Option<f64>,
    /// Its steps in the period.
    pub steps: Vec<Step>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilReport {
    /// The agency's name.
    pub agency: String,
    /// The period.
    pub period: Period,
    /// Goals and what was achieved.
    pub goals: Vec<GoalLine>,
    /// One section per instrument, in the agency's order.
    pub instruments: Vec<Section>,
    /// One section per partner city, oldest partnership first.
    pub partner_cities: Vec<Section>,
    /// Results attributed to neither an instrument nor a partner city.
    pub other: Vec<DatedResult>,
    /// Settlement projects with a step in the period.
    pub settlements: Vec<SettlementLine>,
    /// Per outcome kind, the number of outcomes in the period and the sum of their values.
    pub totals: Vec<(OutcomeKind, usize, f64)>,
}

/// The outcome kind whose values measure a goal of `kind`, if one does.
pub fn measure_of(kind: GoalKind) -> Option<OutcomeKind> {
    match kind {
        GoalKind::Settlement => Some(OutcomeKind::Settlement),
        GoalKind::Jobs => Some(OutcomeKind::Jobs),
        GoalKind::EuFunding => Some(OutcomeKind::EuFunding),
        GoalKind::Exports => Some(OutcomeKind::Sale),
        _ => None,
    }
}

fn effect(o: &Outcome) -> Effect {
    Effect {
        id: o.id,
        on: o.data.achieved_on,
        kind: o.data.kind,
        value: o.data.value,
        project: o.data.attribution.investor_project_id,
    }
}

/// The results of one section: its activities with their outcomes, then the outcomes
/// whose activity is not in it, by day.
fn results(activities: &[&Activity], outcomes: &[&Outcome]) -> Vec<DatedResult> {
    let mut out: Vec<DatedResult> = activities
        .iter()
        .map(|a| DatedResult {
            on: a.data.start_on,
            title: a.data.title.clone(),
            record: ResultRecord::Activity(a.id, a.data.kind),
            effects: outcomes
                .iter()
                .filter(|o| o.data.attribution.activity_id == Some(a.id))
                .map(|o| (effect(o), o.data.title.clone()))
                .collect(),
        })
        .collect();
    let shown: Vec<ActivityId> = activities.iter().map(|a| a.id).collect();
    out.extend(
        outcomes
            .iter()
            .filter(|o| {
                o.data
                    .attribution
                    .activity_id
                    .is_none_or(|a| !shown.contains(&a))
            })
            .map(|o| DatedResult {
                on: o.data.achieved_on,
                title: o.data.title.clone(),
                record: ResultRecord::Outcome(effect(o)),
                effects: vec![],
            }),
    );
    out.sort_by_key(|r| r.on);
    out
}

/// Builds the report of `agency` for `period` from what `reader` may see.
pub async fn council_report(
    reader: &mut Reader,
    agency: AgencyId,
    period: Period,
) -> CoreResult<Option<CouncilReport>> {
    let Some(agency_row) = reader
        .agencies()
        .await?
        .into_iter()
        .find(|a| a.id == agency.0)
    else {
        return Ok(None);
    };
    let instruments = reader.instruments(agency).await?;
    let goals = reader.goals(agency).await?;
    let activities: Vec<Activity> = reader
        .activities(ActivityFilter::default())
        .await?
        .into_iter()
        .filter(|a| a.agency_id == agency && period.overlaps(a.data.start_on, a.data.end_on))
        .collect();
    let outcomes: Vec<Outcome> = reader
        .outcomes(OutcomeFilter::default())
        .await?
        .into_iter()
        .filter(|o| o.agency_id == agency && period.contains(o.data.achieved_on))
        .collect();
    let mut cities = reader.partner_cities().await?;
    cities.retain(|c| c.relation.agency_id == agency);
    cities.sort_by_key(|c| (c.relation.since, c.relation.id));
    let projects: Vec<_> = reader
        .investor_projects()
        .await?
        .into_iter()
        .filter(|p| p.agency_id == agency)
        .collect();
    let mut companies: HashMap<OrgId, (String, String)> = HashMap::new();
    for p in &projects {
        let o = reader.org(p.data.company_id).await?;
        companies.insert(o.id, (o.data.name, o.data.country.to_string()));
    }

    let section = |keep_activity: &dyn Fn(&Activity) -> bool,
                   keep_outcome: &dyn Fn(&Outcome) -> bool| {
        let a: Vec<&Activity> = activities.iter().filter(|a| keep_activity(a)).collect();
        let o: Vec<&Outcome> = outcomes.iter().filter(|o| keep_outcome(o)).collect();
        results(&a, &o)
    };
    let instrument_sections = instruments
        .iter()
        .map(|i| Section {
            title: i.name.clone(),
            description: i.description.clone(),
            country: None,
            since: None,
            results: section(&|a| a.data.instrument_id == Some(i.id), &|o| {
                o.data.attribution.instrument_id == Some(i.id)
            }),
        })
        .collect();
    let city_sections = cities
        .iter()
        .map(|c| Section {
            title: c.partner_name.clone(),
            description: c.relation.note.clone(),
            country: Some(c.partner_country.clone()),
            since: c.relation.since,
            results: section(&|a| a.data.partner_city_id == Some(c.relation.id), &|o| {
                o.data.attribution.partner_city_id == Some(c.relation.id)
            }),
        })
        .collect();
    let other = section(
        &|a| a.data.instrument_id.is_none() && a.data.partner_city_id.is_none(),
        &|o| {
            let at = &o.data.attribution;
            at.instrument_id.is_none() && at.partner_city_id.is_none()
        },
    );

    let names: HashMap<i64, String> = instruments
        .iter()
        .map(|i| (i.id.0, i.name.clone()))
        .collect();
    let targets = reader.goal_targets(agency).await?;
    let goal_lines = goals
        .iter()
        .map(|g| GoalLine {
            years: goal_years(g.id, measure_of(g.kind), &targets, &outcomes, period),
            kind: g.kind,
            description: g.description.clone(),
            instrument: g.instrument_id.and_then(|i| names.get(&i.0).cloned()),
            achieved: measure_of(g.kind).map(|kind| {
                let of_kind = outcomes.iter().filter(|o| o.data.kind == kind);
                let sum = of_kind.clone().filter_map(|o| o.data.value).sum();
                (kind, sum, of_kind.count())
            }),
        })
        .collect();

    let settlements = projects
        .iter()
        .filter_map(|p| {
            let steps: Vec<Step> = p
                .steps
                .iter()
                .filter(|s| period.contains(s.on))
                .cloned()
                .collect();
            if steps.is_empty() {
                return None;
            }
            let (company, country) = companies.get(&p.data.company_id).cloned()?;
            Some(SettlementLine {
                id: p.id,
                title: p.data.title.clone(),
                company,
                country,
                stage: p.stage(),
                planned_jobs: p.data.planned_jobs,
                planned_investment_eur: p.data.planned_investment_eur,
                steps,
            })
        })
        .collect();

    let mut totals: Vec<(OutcomeKind, usize, f64)> = Vec::new();
    for kind in OutcomeKind::ALL {
        let of_kind: Vec<&Outcome> = outcomes.iter().filter(|o| o.data.kind == *kind).collect();
        if !of_kind.is_empty() {
            let sum = of_kind.iter().filter_map(|o| o.data.value).sum();
            totals.push((*kind, of_kind.len(), sum));
        }
    }

    Ok(Some(CouncilReport {
        agency: agency_row.name,
        period,
        goals: goal_lines,
        instruments: instrument_sections,
        partner_cities: city_sections,
        other,
        settlements,
        totals,
    }))
}

/// Per year of `period`: the goal's target and what the outcomes of its measure achieved,
/// for the years that have either.
fn goal_years(
    goal: koop_domain::ids::GoalId,
    measure: Option<OutcomeKind>,
    targets: &[(koop_domain::ids::GoalId, i32, f64)],
    outcomes: &[Outcome],
    period: Period,
) -> Vec<GoalYear> {
    use chrono::Datelike;
    (period.from.year()..=period.to.year())
        .filter_map(|year| {
            let target = targets
                .iter()
                .find(|t| t.0 == goal && t.1 == year)
                .map(|t| t.2);
            let of_year: Vec<&Outcome> = outcomes
                .iter()
                .filter(|o| Some(o.data.kind) == measure && o.data.achieved_on.year() == year)
                .collect();
            let achieved = match measure {
                Some(OutcomeKind::Settlement) => of_year.len() as f64,
                _ => of_year.iter().filter_map(|o| o.data.value).sum(),
            };
            (target.is_some() || !of_year.is_empty()).then_some(GoalYear {
                year,
                target,
                achieved,
            })
        })
        .collect()
}

/// The years in which `agency` has activities or outcomes that `reader` may see,
/// oldest first: the periods a report can usefully cover.
pub async fn record_years(reader: &mut Reader, agency: AgencyId) -> CoreResult<Vec<i32>> {
    use chrono::Datelike;
    let mut years: Vec<i32> = reader
        .activities(ActivityFilter::default())
        .await?
        .iter()
        .filter(|a| a.agency_id == agency)
        .map(|a| a.data.start_on.year())
        .chain(
            reader
                .outcomes(OutcomeFilter::default())
                .await?
                .iter()
                .filter(|o| o.agency_id == agency)
                .map(|o| o.data.achieved_on.year()),
        )
        .collect();
    years.sort_unstable();
    years.dedup();
    Ok(years)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_holds_both_its_days_and_overlapping_activities() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let p = Period {
            from: d(2009, 1, 1),
            to: d(2011, 12, 31),
        };
        assert!(p.contains(d(2009, 1, 1)) && p.contains(d(2011, 12, 31)));
        assert!(!p.contains(d(2012, 1, 1)));
        assert!(p.overlaps(d(2008, 12, 30), d(2009, 1, 2)));
        assert!(!p.overlaps(d(2008, 12, 1), d(2008, 12, 31)));
        assert_eq!(measure_of(GoalKind::Jobs), Some(OutcomeKind::Jobs));
        assert_eq!(measure_of(GoalKind::Visibility), None);
    }
}
