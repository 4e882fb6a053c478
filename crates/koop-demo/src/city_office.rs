//! Part B: Magdeburg's international office, its partner cities Le Havre, Zaporizhzhia
//! and Harbin, its three instruments, its dated results of 2009–2011 and a Latvian company's settlement.

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
    let settlements = core
        .create_goal(
            &sys,
            agency,
            GoalKind::Settlement,
            Some(marketing),
            "Ansiedlungen ausländischer Unternehmen in Magdeburg",
        )
        .await?;
    let jobs = core
        .create_goal(
            &sys,
            agency,
            GoalKind::Jobs,
            Some(marketing),
            "Neue Arbeitsplätze durch internationale Unternehmen",
        )
        .await?;
    let funding = core
        .create_goal(
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
    // What the office set itself for 2010 and 2011.
    for (goal, year, target) in [
        (settlements, 2010, 1.0),
        (settlements, 2011, 2.0),
        (jobs, 2010, 10.0),
        (jobs, 2011, 20.0),
        (funding, 2010, 150_000.0),
        (funding, 2011, 100_000.0),
    ] {
        core.set_goal_target(&sys, goal, year, target).await?;
    }

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
    // Each relation's milestones: signed, and where its work was widened.
    use koop_domain::city::{RelationEvent, RelationEventKind};
    let milestones = [
        (
            pc_le_havre,
            d(2011, 6, 30),
            RelationEventKind::Agreed,
            "Vereinbarung über die Zusammenarbeit der Häfen unterzeichnet",
        ),
        (
            pc_zap,
            d(2008, 9, 13),
            RelationEventKind::Agreed,
            "Partnerschaftsvertrag unterzeichnet",
        ),
        (
            pc_harbin,
            d(2008, 10, 22),
            RelationEventKind::Agreed,
            "Partnerschaftsvertrag unterzeichnet",
        ),
        (
            pc_harbin,
            d(2010, 6, 8),
            RelationEventKind::Extended,
            "Zusammenarbeit um Biogas erweitert",
        ),
    ];
    for (relation, on, kind, note) in milestones {
        core.add_partner_city_event(
            &sys,
            relation,
            RelationEvent {
                on,
                kind,
                note: note.into(),
            },
        )
        .await?;
    }

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
            title: "INTERREG IVC: Erfahrungsaustausch europäischer Städte zur kommunalen Wirtschaftsförderung",
            kind: ActivityKind::Conference,
            on: d(2010, 1, 21),
            place: "Magdeburg",
            orgs: vec![city, le_havre],
            instrument: intermunicipal,
            partner: None,
            outcome: (
                OutcomeKind::EuFunding,
                "EU-Förderung aus INTERREG IVC für den Magdeburger Projektanteil",
                Some(186_000.0),
            ),
        },
        Result {
            title: "Fachbesuch Abfallwirtschaft in Harbin",
            kind: ActivityKind::DelegationVisit,
            on: d(2009, 8, 20),
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
            title: "Fachgespräche Biogas mit dem Umweltamt Harbin in Magdeburg",
            kind: ActivityKind::DelegationVisit,
            on: d(2010, 6, 8),
            place: "Magdeburg",
            orgs: vec![sab, harbin_env],
            instrument: intermunicipal,
            partner: Some(pc_harbin),
            outcome: (
                OutcomeKind::Mou,
                "MoU über ein gemeinsames Biogas-Pilotprojekt unterzeichnet",
                None,
            ),
        },
        Result {
            title: "Forschungskooperation Fraunhofer IFF – Запорізька політехніка",
            kind: ActivityKind::DelegationVisit,
            on: d(2010, 9, 24),
            place: "Запоріжжя",
            orgs: vec![iff, zntu],
            instrument: twinning,
            partner: Some(pc_zap),
            outcome: (
                OutcomeKind::CooperationProject,
                "Gemeinsames Projekt zur Digitalisierung von Fertigungsprozessen",
                None,
            ),
        },
        Result {
            title: "Vermittlung einer Kaufanfrage aus Harbin an einen Magdeburger Maschinenbauer",
            kind: ActivityKind::ContactBrokerage,
            on: d(2011, 3, 5),
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
            title: "Kontaktvermittlung zwischen den Häfen Magdeburg und Le Havre",
            kind: ActivityKind::ContactBrokerage,
            on: d(2011, 9, 14),
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
            title: "Standortpräsentation in Le Havre für französische Logistikunternehmen",
            kind: ActivityKind::LocationPresentation,
            on: d(2011, 11, 8),
            place: "Le Havre",
            orgs: vec![city, haropa],
            instrument: marketing,
            partner: Some(pc_le_havre),
            outcome: (
                OutcomeKind::ContactEstablished,
                "Kontakte zu drei Logistikdienstleistern, die einen Standort in Mitteldeutschland suchen",
                None,
            ),
        },
        Result {
            title: "Ausbildungsmarketing in Riga",
            kind: ActivityKind::InformationEvent,
            on: d(2010, 2, 12),
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
    latvian_settlement(core, agency, city, iff, marketing).await
}

/// A Latvian company that founded its German subsidiary in Magdeburg in 2011, from the
/// first enquiry at the training fair in Riga to the cooperation talks after its office
/// opened. Settling records its jobs and investment as outcomes.
async fn latvian_settlement(
    core: &Core,
    agency: AgencyId,
    city: koop_domain::ids::OrgId,
    iff: koop_domain::ids::OrgId,
    marketing: koop_domain::ids::InstrumentId,
) -> CoreResult<()> {
    use koop_domain::settlement::{ProjectData, ProjectPartner, Stage, Step};
    let sys = Actor::system();
    let company = org_short(
        core,
        agency,
        "SIA Daugavas Inženierija",
        OrgKind::Company,
        "LV",
        "Rīga",
        &["71.12"],
    )
    .await?;
    let university = org_short(
        core,
        agency,
        "Otto-von-Guericke-Universität Magdeburg",
        OrgKind::University,
        "DE",
        "Magdeburg",
        &["85.42"],
    )
    .await?;
    let partner = |org_id, role: &str| ProjectPartner {
        org_id,
        role: role.into(),
    };
    let step = |stage, on, note: &str| Step {
        stage,
        on,
        note: note.into(),
    };
    let project = core
        .create_investor_project(
            &sys,
            agency,
            ProjectData {
                company_id: company,
                title: "Deutsche Tochtergesellschaft eines lettischen Ingenieurbüros".into(),
                planned_jobs: Some(8),
                planned_investment_eur: Some(250_000.0),
                site: "Wissenschaftshafen Magdeburg".into(),
                partners: vec![
                    partner(city, "Standortsuche und Behördenkontakte"),
                    partner(university, "Kooperationsgespräche"),
                    partner(iff, "Kooperationsgespräche"),
                ],
                instrument_id: Some(marketing),
                partner_city_id: None,
                description: "Kontakt über das Ausbildungsmarketing in Riga.".into(),
            },
            step(
                Stage::Lead,
                d(2010, 11, 18),
                "Anfrage der Geschäftsführung nach Standorten in Mitteldeutschland",
            ),
        )
        .await?;
    for s in [
        step(Stage::Contact, d(2011, 2, 10), "Erstgespräch in Riga"),
        step(
            Stage::SiteVisit,
            d(2011, 4, 14),
            "Besichtigung von Büroflächen im Wissenschaftshafen",
        ),
        step(
            Stage::Decision,
            d(2011, 7, 12),
            "Notarvertrag zur Gründung der deutschen Tochtergesellschaft unterzeichnet",
        ),
        step(Stage::Settled, d(2011, 10, 4), "Büro in Magdeburg eröffnet"),
        step(
            Stage::Aftercare,
            d(2011, 11, 22),
            "Kooperationsgespräche mit der Universität und den Instituten",
        ),
    ] {
        core.add_project_step(&sys, project, s).await?;
    }
    Ok(())
}
