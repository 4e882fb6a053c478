//! Part B: Magdeburg's international office, its partner cities Le Havre, Zaporizhzhia
//! and Harbin, its three instruments and its dated results.

use super::{O, d, org, org_short};
use koop_core::{Actor, Core, CoreResult};
use koop_domain::activity::{ActivityData, ActivityKind};
use koop_domain::city::GoalKind;
use koop_domain::ids::AgencyId;
use koop_domain::org::OrgKind;
use koop_domain::outcome::{Attribution, OutcomeData, OutcomeKind};

pub(crate) async fn load(core: &Core, agency: AgencyId) -> CoreResult<()> {
    let sys = Actor::system();
    let city = org(
        core,
        agency,
        O {
            name: "Landeshauptstadt Magdeburg",
            kind: OrgKind::Municipality,
            country: "DE",
            city: "Magdeburg",
            nace: &["84.11"],
            languages: &["de", "en"],
            website: Some("https://www.magdeburg.de"),
            description: "Landeshauptstadt Sachsen-Anhalts; Team Internationale Beziehungen im Dezernat Wirtschaft.",
        },
    )
    .await?;
    core.set_agency_org(&sys, agency, city).await?;

    let twinning = core
        .create_instrument(
            &sys,
            agency,
            "Städtepartnerschaft",
            "Partnerschaften mit Städten im Ausland: Austausch, Projekte, Wirtschaftskontakte.",
        )
        .await?;
    let intermunicipal = core.create_instrument(&sys, agency, "Interkommunale Partnerschaft", "Fachpartnerschaften zwischen Verwaltungen und kommunalen Unternehmen, z. B. Abfallwirtschaft, Häfen.").await?;
    let marketing = core
        .create_instrument(
            &sys,
            agency,
            "Gezieltes Standortmarketing",
            "Ansprache von Unternehmen und Fachkräften in ausgewählten Zielregionen.",
        )
        .await?;
    core.create_goal(
        &sys,
        agency,
        GoalKind::Settlement,
        Some(marketing),
        "Ansiedlungen ausländischer Unternehmen in Magdeburg",
    )
    .await?;
    core.create_goal(
        &sys,
        agency,
        GoalKind::Jobs,
        Some(marketing),
        "Neue Arbeitsplätze durch internationale Unternehmen",
    )
    .await?;
    core.create_goal(
        &sys,
        agency,
        GoalKind::EuFunding,
        Some(intermunicipal),
        "EU-Fördermittel für gemeinsame Projekte mit Partnerstädten",
    )
    .await?;
    core.create_goal(
        &sys,
        agency,
        GoalKind::SkilledWorkers,
        Some(marketing),
        "Auszubildende und Fachkräfte aus dem Ausland",
    )
    .await?;

    let le_havre = org_short(
        core,
        agency,
        "Ville du Havre",
        OrgKind::Municipality,
        "FR",
        "Le Havre",
        &["84.11"],
    )
    .await?;
    let zaporizhzhia = org_short(
        core,
        agency,
        "Запорізька міська рада (Stadt Saporischschja)",
        OrgKind::Municipality,
        "UA",
        "Запоріжжя",
        &["84.11"],
    )
    .await?;
    let harbin = org_short(
        core,
        agency,
        "哈尔滨市人民政府 (Stadt Harbin)",
        OrgKind::Municipality,
        "CN",
        "哈尔滨",
        &["84.11"],
    )
    .await?;
    let pc_le_havre = core
        .create_partner_city(
            &sys,
            agency,
            city,
            le_havre,
            Some(d(2011, 6, 30)),
            "Hafenstädte an Elbe und Seine.",
            true,
        )
        .await?;
    let pc_zap = core
        .create_partner_city(
            &sys,
            agency,
            city,
            zaporizhzhia,
            Some(d(2008, 9, 13)),
            "Industriestädte; Schwerpunkte Maschinenbau und Energie.",
            true,
        )
        .await?;
    let pc_harbin = core
        .create_partner_city(
            &sys,
            agency,
            city,
            harbin,
            Some(d(2008, 10, 22)),
            "Schwerpunkte Umwelttechnik und Abfallwirtschaft.",
            true,
        )
        .await?;

    let hafen = org_short(
        core,
        agency,
        "Magdeburger Hafen GmbH",
        OrgKind::Company,
        "DE",
        "Magdeburg",
        &["52.22"],
    )
    .await?;
    let haropa = org_short(
        core,
        agency,
        "HAROPA PORT | Le Havre",
        OrgKind::Company,
        "FR",
        "Le Havre",
        &["52.22"],
    )
    .await?;
    let iff = org_short(
        core,
        agency,
        "Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF",
        OrgKind::ResearchInstitute,
        "DE",
        "Magdeburg",
        &["72.19"],
    )
    .await?;
    let zntu = org_short(
        core,
        agency,
        "Національний університет «Запорізька політехніка»",
        OrgKind::University,
        "UA",
        "Запоріжжя",
        &["85.42"],
    )
    .await?;
    let sab = org_short(
        core,
        agency,
        "Städtischer Abfallwirtschaftsbetrieb Magdeburg",
        OrgKind::Company,
        "DE",
        "Magdeburg",
        &["38.11"],
    )
    .await?;
    let harbin_env = org_short(
        core,
        agency,
        "哈尔滨市生态环境局 (Umweltamt Harbin)",
        OrgKind::Ministry,
        "CN",
        "哈尔滨",
        &["84.12"],
    )
    .await?;
    let riga = org_short(
        core,
        agency,
        "Rīgas Valsts tehnikums",
        OrgKind::University,
        "LV",
        "Rīga",
        &["85.32"],
    )
    .await?;

    struct Result<'a> {
        title: &'a str,
        kind: ActivityKind,
        on: chrono::NaiveDate,
        place: &'a str,
        orgs: Vec<koop_domain::ids::OrgId>,
        instrument: koop_domain::ids::InstrumentId,
        partner: Option<koop_domain::ids::PartnerCityId>,
        outcome: (OutcomeKind, &'a str, Option<f64>),
    }
    let results = [
        Result {
            title: "Kontaktvermittlung zwischen den Häfen Magdeburg und Le Havre",
            kind: ActivityKind::ContactBrokerage,
            on: d(2019, 5, 14),
            place: "Le Havre",
            orgs: vec![hafen, haropa],
            instrument: twinning,
            partner: Some(pc_le_havre),
            outcome: (
                OutcomeKind::ContactEstablished,
                "Hafenkooperation: Vereinbarung über regelmäßigen Austausch zu Containerverkehren",
                None,
            ),
        },
        Result {
            title: "Forschungskooperation Fraunhofer IFF – Запорізька політехніка",
            kind: ActivityKind::DelegationVisit,
            on: d(2019, 9, 24),
            place: "Запоріжжя",
            orgs: vec![iff, zntu],
            instrument: twinning,
            partner: Some(pc_zap),
            outcome: (
                OutcomeKind::CooperationProject,
                "Gemeinsames Projekt zur Digitalisierung von Fertigungsprozessen",
                Some(0.0),
            ),
        },
        Result {
            title: "Fachbesuch Abfallwirtschaft in Harbin",
            kind: ActivityKind::DelegationVisit,
            on: d(2018, 8, 20),
            place: "哈尔滨",
            orgs: vec![sab, harbin_env],
            instrument: intermunicipal,
            partner: Some(pc_harbin),
            outcome: (
                OutcomeKind::Mou,
                "MoU zur Zusammenarbeit in der Abfallwirtschaft unterzeichnet",
                None,
            ),
        },
        Result {
            title: "Vermittlung einer Kaufanfrage aus Harbin an einen Magdeburger Maschinenbauer",
            kind: ActivityKind::ContactBrokerage,
            on: d(2019, 3, 5),
            place: "Magdeburg",
            orgs: vec![harbin_env],
            instrument: twinning,
            partner: Some(pc_harbin),
            outcome: (
                OutcomeKind::Sale,
                "Auftrag über Sortieranlagentechnik",
                Some(380_000.0),
            ),
        },
        Result {
            title: "Standortpräsentation in Le Havre für französische Logistikunternehmen",
            kind: ActivityKind::LocationPresentation,
            on: d(2018, 11, 8),
            place: "Le Havre",
            orgs: vec![city, haropa],
            instrument: marketing,
            partner: Some(pc_le_havre),
            outcome: (
                OutcomeKind::Settlement,
                "Gründung einer Niederlassung eines französischen Logistikdienstleisters in Magdeburg",
                Some(1.0),
            ),
        },
        Result {
            title: "Ausbildungsmarketing in Riga",
            kind: ActivityKind::InformationEvent,
            on: d(2019, 2, 12),
            place: "Rīga",
            orgs: vec![city, riga],
            instrument: marketing,
            partner: None,
            outcome: (
                OutcomeKind::Jobs,
                "Sechs Auszubildende aus Riga beginnen eine Ausbildung in Magdeburger Betrieben",
                Some(6.0),
            ),
        },
    ];
    for r in results {
        let activity = core
            .create_activity(
                &sys,
                agency,
                ActivityData {
                    kind: r.kind,
                    title: r.title.into(),
                    start_on: r.on,
                    end_on: r.on,
                    place: r.place.into(),
                    description: String::new(),
                    org_ids: r.orgs.clone(),
                    agreement_ids: vec![],
                    instrument_id: Some(r.instrument),
                    partner_city_id: r.partner,
                    event_id: None,
                },
                true,
            )
            .await?;
        let (kind, title, value) = r.outcome;
        core.record_outcome(
            &sys,
            agency,
            OutcomeData {
                kind,
                title: title.into(),
                achieved_on: r.on + chrono::Duration::days(90),
                value: value.filter(|_| kind.unit().is_some()),
                org_ids: r.orgs,
                attribution: Attribution {
                    activity_id: Some(activity),
                    partner_city_id: r.partner,
                    instrument_id: Some(r.instrument),
                    ..Attribution::default()
                },
            },
            true,
        )
        .await?;
    }
    Ok(())
}
