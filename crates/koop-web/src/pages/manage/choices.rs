//! The choices that the agency's record forms offer: its organisations, instruments,
//! partner cities and agreements, each as (id, label).

use crate::error::AppError;
use koop_core::domain::ids::AgencyId;
use koop_core::domain::org::Organisation;
use koop_core::read::Reader;
use koop_core::views::OrgFilter;

/// An agency's records to choose from.
pub(super) struct AgencyChoices {
    /// Its organisations, as they are (for forms that pick some by kind).
    pub all_orgs: Vec<Organisation>,
    /// Its organisations: "name (country)".
    pub orgs: Vec<(i64, String)>,
    /// Its instruments.
    pub instruments: Vec<(i64, String)>,
    /// Its partner cities, by the partner's name.
    pub cities: Vec<(i64, String)>,
    /// Its agreements, by title.
    pub agreements: Vec<(i64, String)>,
}

pub(super) async fn agency_choices(
    r: &mut Reader,
    agency: AgencyId,
) -> Result<AgencyChoices, AppError> {
    let all_orgs = r
        .orgs(&OrgFilter {
            agency: Some(agency),
            ..OrgFilter::default()
        })
        .await?;
    let orgs = all_orgs
        .iter()
        .map(|o| (o.id.0, format!("{} ({})", o.data.name, o.data.country)))
        .collect();
    let instruments = r
        .instruments(agency)
        .await?
        .into_iter()
        .map(|i| (i.id.0, i.name))
        .collect();
    let cities = r
        .partner_cities()
        .await?
        .into_iter()
        .filter(|c| c.relation.agency_id == agency)
        .map(|c| (c.relation.id.0, c.partner_name))
        .collect();
    let agreements = r
        .agreements(None)
        .await?
        .into_iter()
        .filter(|(a, _)| a.agency_id == agency)
        .map(|(a, _)| (a.id.0, a.data.title))
        .collect();
    Ok(AgencyChoices {
        all_orgs,
        orgs,
        instruments,
        cities,
        agreements,
    })
}
