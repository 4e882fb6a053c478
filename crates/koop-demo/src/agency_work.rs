//! Part A: the state investment agency, its cooperation agreements with the chemistry,
//! biotech, automotive and mechanical-engineering networks, the chemistry network's
//! partners, the ACHEMA joint stand and the chemical-logistics conference in Ústí nad Labem.

use super::{O, d, nace, org, org_short};
use koop_core::{Actor, Core, CoreResult};
use koop_domain::activity::{ActivityData, ActivityKind};
use koop_domain::agreement::{AgreementData, AgreementKind, AgreementParty};
use koop_domain::ids::{AgencyId, OrgId};
use koop_domain::membership::MemberRole;
use koop_domain::org::OrgKind;
use koop_domain::outcome::{Attribution, OutcomeData, OutcomeKind};

/// What later parts of the demo refer to.
pub(crate) struct AgencyWork {
    pub img_org: OrgId,
}

pub(crate) async fn load(core: &Core, img: AgencyId) -> CoreResult<AgencyWork> {
    let sys = Actor::system();
    let img_org = org(
        core,
        img,
        O {
            name: "Investitions- und Marketinggesellschaft Sachsen-Anhalt mbH",
            kind: OrgKind::DevelopmentAgency,
            country: "DE",
            city: "Magdeburg",
            nace: &["70.21", "84.13"],
            languages: &["de", "en"],
            website: Some("https://www.investieren-in-sachsen-anhalt.de"),
            description: "Wirtschaftsförderung und Standortmarketing des Landes Sachsen-Anhalt.",
        },
    )
    .await?;
    core.set_agency_org(&sys, img, img_org).await?;

    // The four networks the agency has cooperation agreements with.
    let networks = [
        (
            "CeChemNet – Central European Chemical Network",
            "Halle (Saale)",
            &["20"][..],
            "Netzwerk der Chemiestandorte Mitteldeutschlands.",
            2004,
        ),
        (
            "BIO Mitteldeutschland – Biotechnologie-Netzwerk",
            "Halle (Saale)",
            &["72.11", "21"][..],
            "Netzwerk der Biotechnologie und Life Sciences in Sachsen-Anhalt.",
            2004,
        ),
        (
            "MAHREG Automotive – Automobilzuliefernetzwerk Sachsen-Anhalt",
            "Magdeburg",
            &["29.3"][..],
            "Netzwerk der Automobilzulieferer in Sachsen-Anhalt.",
            2005,
        ),
        (
            "Netzwerk Maschinen- und Anlagenbau Sachsen-Anhalt",
            "Magdeburg",
            &["28"][..],
            "Netzwerk des Sondermaschinen- und Anlagenbaus.",
            2009,
        ),
    ];
    let mut agreement_ids = Vec::new();
    let mut network_ids = Vec::new();
    for (name, city, codes, description, year) in networks {
        let id = org(
            core,
            img,
            O {
                name,
                kind: OrgKind::Network,
                country: "DE",
                city,
                nace: codes,
                languages: &["de", "en"],
                website: None,
                description,
            },
        )
        .await?;
        network_ids.push(id);
        let agreement = core
            .create_agreement(
                &sys,
                img,
                AgreementData {
                    title: format!("Kooperationsvereinbarung IMG – {}", name.split(" – ").next().unwrap_or(name)),
                    kind: AgreementKind::Cooperation,
                    signed_on: Some(d(year, 3, 1)),
                    valid_from: Some(d(year, 3, 1)),
                    valid_until: None,
                    scope: "Gemeinsames Standortmarketing im In- und Ausland: Messe-Gemeinschaftsstände, Konferenzen, Fachpublikationen.".into(),
                    sectors: nace(codes),
                    parties: vec![
                        AgreementParty { org_id: img_org, contribution_eur: Some(60_000.0), contribution_note: "Standfläche, Projektleitung, Medienbudget".into() },
                        AgreementParty { org_id: id, contribution_eur: Some(25_000.0), contribution_note: "Mitausstellerbeiträge, Fachreferenten".into() },
                    ],
                },
                true,
            )
            .await?;
        agreement_ids.push(agreement);
    }
    let chemistry = network_ids[0];

    // The chemistry network's partners: five chemical-park operators, the employers'
    // associations, and the consultancy that coordinates it.
    let partners = [
        (
            "InfraLeuna GmbH",
            OrgKind::LocationCompany,
            "Leuna",
            "35.11",
            MemberRole::Founder,
        ),
        (
            "ChemiePark Bitterfeld-Wolfen GmbH",
            OrgKind::LocationCompany,
            "Bitterfeld-Wolfen",
            "68.20",
            MemberRole::Founder,
        ),
        (
            "Dow Olefinverbund GmbH (ValuePark Schkopau)",
            OrgKind::LocationCompany,
            "Schkopau",
            "20.14",
            MemberRole::Founder,
        ),
        (
            "Infra-Zeitz Servicegesellschaft mbH",
            OrgKind::LocationCompany,
            "Zeitz",
            "35.11",
            MemberRole::Founder,
        ),
        (
            "SKW Stickstoffwerke Piesteritz GmbH",
            OrgKind::LocationCompany,
            "Lutherstadt Wittenberg",
            "20.15",
            MemberRole::Founder,
        ),
        (
            "Arbeitgeberverband Nordostchemie e. V.",
            OrgKind::Association,
            "Berlin",
            "94.11",
            MemberRole::Partner,
        ),
        (
            "Verband der Chemischen Industrie, Landesverband Nordost",
            OrgKind::Association,
            "Berlin",
            "94.11",
            MemberRole::Partner,
        ),
        (
            "isw Institut für Strukturpolitik und Wirtschaftsförderung gGmbH",
            OrgKind::Other,
            "Halle (Saale)",
            "70.22",
            MemberRole::Management,
        ),
    ];
    for (name, kind, city, code, role) in partners {
        let id = org_short(core, img, name, kind, "DE", city, &[code]).await?;
        core.add_member(&sys, chemistry, id, role, Some(d(2004, 3, 1)))
            .await?;
    }

    // The joint stand at ACHEMA with the networks' members as co-exhibitors.
    let achema = core
        .create_activity(
            &sys,
            img,
            ActivityData {
                kind: ActivityKind::TradeFairStand,
                title: "Gemeinschaftsstand Chemie- und Biotechnologiestandort Sachsen-Anhalt auf der ACHEMA 2018".into(),
                start_on: d(2018, 6, 11),
                end_on: d(2018, 6, 15),
                place: "Messe Frankfurt, Frankfurt am Main".into(),
                description: "Gemeinsamer Auftritt von IMG, CeChemNet und BIO Mitteldeutschland mit Chemieparkbetreibern als Mitausstellern.".into(),
                org_ids: vec![img_org, chemistry, network_ids[1]],
                agreement_ids: vec![agreement_ids[0], agreement_ids[1]],
                instrument_id: None,
                partner_city_id: None,
                event_id: None,
            },
            true,
        )
        .await?;
    // The leads each co-exhibitor brought home from the stand.
    for (org, leads) in [(chemistry, 14), (network_ids[1], 9)] {
        core.set_activity_leads(&sys, achema, org, Some(leads))
            .await?;
    }
    let usti_host = org_short(
        core,
        img,
        "Univerzita Jana Evangelisty Purkyně v Ústí nad Labem",
        OrgKind::University,
        "CZ",
        "Ústí nad Labem",
        &["85.42"],
    )
    .await?;
    let conference = core
        .create_activity(
            &sys,
            img,
            ActivityData {
                kind: ActivityKind::Conference,
                title: "Chemielogistik-Konferenz in Ústí nad Labem: Vortrag zum Chemiestandort Mitteldeutschland".into(),
                start_on: d(2017, 10, 19),
                end_on: d(2017, 10, 19),
                place: "Ústí nad Labem".into(),
                description: "Präsentation der Chemieparks und ihrer Logistikanbindung vor tschechischen Logistik- und Chemieunternehmen.".into(),
                org_ids: vec![img_org, chemistry, usti_host],
                agreement_ids: vec![agreement_ids[0]],
                instrument_id: None,
                partner_city_id: None,
                event_id: None,
            },
            true,
        )
        .await?;
    core.create_activity(
        &sys,
        img,
        ActivityData {
            kind: ActivityKind::Publication,
            title: "Fachartikel „Chemiestandort Mitteldeutschland“ in der CHEManager".into(),
            start_on: d(2018, 5, 28),
            end_on: d(2018, 5, 28),
            place: "CHEManager (Fachzeitschrift)".into(),
            description: "Gemeinsame Anzeige und Fachbeitrag von IMG und CeChemNet vor der ACHEMA."
                .into(),
            org_ids: vec![img_org, chemistry],
            agreement_ids: vec![agreement_ids[0]],
            instrument_id: None,
            partner_city_id: None,
            event_id: None,
        },
        true,
    )
    .await?;
    for (kind, title, value, activity) in [
        (
            OutcomeKind::ContactEstablished,
            "32 qualifizierte Investorenkontakte am ACHEMA-Stand",
            None,
            achema,
        ),
        (
            OutcomeKind::Investment,
            "Erweiterungsinvestition eines Chemieunternehmens im ValuePark Schkopau",
            Some(45_000_000.0),
            achema,
        ),
        (
            OutcomeKind::CooperationProject,
            "Gemeinsames Logistikprojekt mit tschechischen Partnern vereinbart",
            None,
            conference,
        ),
    ] {
        core.record_outcome(
            &sys,
            img,
            OutcomeData {
                kind,
                title: title.into(),
                achieved_on: d(2018, 11, 30),
                value,
                org_ids: vec![chemistry],
                attribution: Attribution {
                    activity_id: Some(activity),
                    agreement_id: Some(agreement_ids[0]),
                    network_id: Some(chemistry),
                    ..Attribution::default()
                },
            },
            // Investor leads and a company's investment stay with the agency until
            // announced; a joint project is news the network publishes.
            kind == OutcomeKind::CooperationProject,
        )
        .await?;
    }
    Ok(AgencyWork { img_org })
}
