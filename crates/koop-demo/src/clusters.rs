//! Part E: eight Central-German clusters, their members, an adhesive-technology
//! alliance that overlaps with many of them, the cluster managers' meeting, and the
//! cross-cluster project ideas it produced (as research-partner requests).

use super::{O, d, nace, org};
use koop_core::ops::profiles::ProfileOwner;
use koop_core::{Actor, Core, CoreResult};
use koop_domain::event::{EventData, EventKind, SessionData, SessionKind, Venue};
use koop_domain::ids::{AgencyId, OrgId, VenueId};
use koop_domain::membership::MemberRole;
use koop_domain::org::OrgKind;
use koop_domain::profile::{ProfileData, ProfileKind, ProfileStatus};
use koop_domain::values::{CountryCode, LanguageCode};

const CLUSTERS: [(&str, &str, &[&str]); 9] = [
    (
        "Automotive Cluster Ostdeutschland (ACOD)",
        "Leipzig",
        &["29.10", "29.32"],
    ),
    (
        "BioEconomy Cluster Mitteldeutschland",
        "Halle (Saale)",
        &["72.11", "20.14"],
    ),
    (
        "Cluster Chemie/Kunststoffe Mitteldeutschland",
        "Halle (Saale)",
        &["20", "22.2"],
    ),
    ("IT Mitteldeutschland", "Leipzig", &["62.01", "62.02"]),
    (
        "Spitzencluster Solarvalley Mitteldeutschland",
        "Bitterfeld-Wolfen",
        &["27.90", "26.11"],
    ),
    ("OptoNet – Optik und Photonik Thüringen", "Jena", &["26.70"]),
    (
        "Silicon Saxony – Mikroelektronik",
        "Dresden",
        &["26.11", "26.12"],
    ),
    ("Netzwerk Logistik Mitteldeutschland", "Leipzig", &["52.29"]),
    (
        "MiKA – Mitteldeutsche Klebtechnik Allianz",
        "Halle (Saale)",
        &["20.52", "72.19"],
    ),
];

/// Members: name, kind, city, NACE, and the clusters (indices) they belong to.
const MEMBERS: [(&str, OrgKind, &str, &str, &[usize]); 22] = [
    (
        "Fraunhofer-Institut für Mikrostruktur von Werkstoffen und Systemen IMWS",
        OrgKind::ResearchInstitute,
        "Halle (Saale)",
        "72.19",
        &[2, 4, 6, 8],
    ),
    (
        "Fraunhofer-Institut für Angewandte Optik und Feinmechanik IOF",
        OrgKind::ResearchInstitute,
        "Jena",
        "72.19",
        &[5, 8],
    ),
    (
        "Leibniz-Institut für Photonische Technologien (Leibniz-IPHT)",
        OrgKind::ResearchInstitute,
        "Jena",
        "72.19",
        &[5],
    ),
    (
        "INNOVENT e. V. Technologieentwicklung Jena",
        OrgKind::ResearchInstitute,
        "Jena",
        "72.19",
        &[2, 5, 8],
    ),
    (
        "Hochschule Merseburg",
        OrgKind::University,
        "Merseburg",
        "85.42",
        &[2, 8],
    ),
    (
        "Martin-Luther-Universität Halle-Wittenberg",
        OrgKind::University,
        "Halle (Saale)",
        "85.42",
        &[1, 2, 4],
    ),
    (
        "Fraunhofer-Institut für Photonische Mikrosysteme IPMS",
        OrgKind::ResearchInstitute,
        "Dresden",
        "72.19",
        &[6, 5],
    ),
    (
        "Mitteldeutsche Karosserieteile GmbH",
        OrgKind::Company,
        "Zwickau",
        "29.32",
        &[0, 8],
    ),
    (
        "Sächsische Batteriesysteme GmbH",
        OrgKind::Company,
        "Chemnitz",
        "27.20",
        &[0, 4, 6],
    ),
    (
        "Leunaer Biopolymere GmbH",
        OrgKind::Company,
        "Leuna",
        "20.16",
        &[1, 2],
    ),
    (
        "Bitterfelder Klebstoffwerk GmbH",
        OrgKind::Company,
        "Bitterfeld-Wolfen",
        "20.52",
        &[2, 8],
    ),
    (
        "Thalheimer Modultechnik GmbH",
        OrgKind::Company,
        "Bitterfeld-Wolfen",
        "27.90",
        &[4, 8],
    ),
    (
        "Jenaer Linsenfertigung GmbH",
        OrgKind::Company,
        "Jena",
        "26.70",
        &[5, 8],
    ),
    (
        "Dresdner Chipverpackung GmbH",
        OrgKind::Company,
        "Dresden",
        "26.11",
        &[6, 8],
    ),
    (
        "Leipziger Datenlogistik GmbH",
        OrgKind::Company,
        "Leipzig",
        "62.01",
        &[3, 7],
    ),
    (
        "Hallesche Softwarelösungen GmbH",
        OrgKind::Company,
        "Halle (Saale)",
        "62.01",
        &[3],
    ),
    (
        "Mitteldeutsche Spedition GmbH",
        OrgKind::Company,
        "Schkeuditz",
        "49.41",
        &[7],
    ),
    (
        "Airport Logistik Leipzig/Halle GmbH",
        OrgKind::Company,
        "Schkeuditz",
        "52.23",
        &[7, 3],
    ),
    (
        "Zeitzer Enzymtechnik GmbH",
        OrgKind::Company,
        "Zeitz",
        "21.10",
        &[1],
    ),
    (
        "Chemnitzer Leichtbau GmbH",
        OrgKind::Company,
        "Chemnitz",
        "29.32",
        &[0, 2, 8],
    ),
    (
        "Glasbeschichtung Mitteldeutschland GmbH",
        OrgKind::Company,
        "Torgau",
        "23.12",
        &[4, 5, 8],
    ),
    (
        "Magdeburger Sensorik GmbH",
        OrgKind::Company,
        "Magdeburg",
        "26.51",
        &[0, 6, 3],
    ),
];

/// What each member does, in the order of [`MEMBERS`].
const MEMBER_PROFILES: [&str; 22] = [
    "Werkstoff- und Bauteilcharakterisierung, Zuverlässigkeit von Solarmodulen und Halbleitern, Klebverbindungen und Faserverbund.",
    "Optische Systeme, Präzisionsoptik, Beschichtungen und Mikrostrukturierung für Photonik und Sensorik.",
    "Photonische Technologien: Faseroptik, Spektroskopie und optische Sensorik für Medizin und Umwelt.",
    "Oberflächentechnik, Funktionsschichten, Klebstoffe und Biomaterialien für Medizin und Industrie.",
    "Ingenieurstudiengänge in Chemie, Kunststofftechnik und Klebtechnik; Prüflabor für Klebverbindungen.",
    "Forschung zu Pflanzenbiotechnologie, Biopolymeren, Photovoltaik-Materialien und Nanostrukturen.",
    "Mikrosysteme, MEMS-Sensoren, Mikrospiegel und Halbleiterprozesse auf 200-mm-Wafern.",
    "Karosserieteile aus Stahl und Aluminium, Leichtbau und Fügetechnik für Fahrzeughersteller.",
    "Batteriesysteme und Batteriegehäuse für Elektrofahrzeuge und stationäre Speicher, Batteriemanagement mit Sensorik.",
    "Biobasierte Kunststoffe und Biopolymere aus Nebenprodukten der Bioraffinerie.",
    "Industrieklebstoffe und Dichtstoffe für Fahrzeugbau, Elektronik und Solarmodule.",
    "Montage von Solarmodulen und Photovoltaik-Komponenten, Modulrecycling.",
    "Fertigung von Präzisionslinsen und optischen Baugruppen, Prüfung mit optischer Sortierung.",
    "Aufbau- und Verbindungstechnik für Halbleiter: Chipverpackung, Leistungselektronik, Kleben und Bonden.",
    "Software für Lagerverwaltung, Sendungsverfolgung und Datenlogistik.",
    "Individuelle Software, Prozessdatenerfassung und Cloud-Plattformen für den Mittelstand.",
    "Straßengüterverkehr, Kontraktlogistik und Rücknahmelogistik.",
    "Luftfracht, Umschlag und Lagerlogistik am Flughafen Leipzig/Halle.",
    "Enzyme und Fermentationsprozesse für die Bioraffinerie und Lebensmittelindustrie.",
    "Leichtbau aus Faserverbund und Metall für Fahrzeuge, Batteriegehäuse und Karosserie.",
    "Beschichtetes Glas für Solarmodule, Optik und Architektur.",
    "Sensoren für Druck, Temperatur und Gas, Prozessüberwachung und Fahrzeugsensorik.",
];

/// Clusters the managers declared complementary (indices into [`CLUSTERS`]), with why.
const COMPLEMENTS: [(usize, usize, &str); 5] = [
    (
        6,
        0,
        "Leistungselektronik und Sensorik aus der Mikroelektronik für Elektrofahrzeuge.",
    ),
    (
        6,
        1,
        "Sensoren und Mikrosysteme für die Prozessüberwachung in Bioraffinerien.",
    ),
    (
        4,
        5,
        "Optische Prüfung und Sortierung für Solarmodule und deren Recycling.",
    ),
    (
        2,
        0,
        "Kunststoffe, Klebstoffe und Faserverbund für den Leichtbau im Fahrzeug.",
    ),
    (
        7,
        3,
        "Software und Daten für Lager, Transport und Rücknahmelogistik.",
    ),
];

pub(crate) async fn load(core: &Core, region: AgencyId) -> CoreResult<()> {
    let sys = Actor::system();
    let region_org = org(
        core,
        region,
        O {
            name: "Europäische Metropolregion Mitteldeutschland",
            kind: OrgKind::Association,
            country: "DE",
            city: "Leipzig",
            nace: &["94.11"],
            languages: &["de", "en"],
            website: Some("https://www.mitteldeutschland.com"),
            description: "Initiative der Städte, Landkreise, Kammern und Unternehmen in Sachsen, Sachsen-Anhalt und Thüringen; koordiniert die Zusammenarbeit der Cluster.",
        },
    )
    .await?;
    core.set_agency_org(&sys, region, region_org).await?;
    let mut clusters: Vec<OrgId> = Vec::new();
    for (name, city, codes) in CLUSTERS {
        // The adhesive alliance is a network of firms and institutes across the clusters.
        let kind = if name.starts_with("MiKA") {
            OrgKind::Network
        } else {
            OrgKind::Cluster
        };
        clusters.push(
            org(
                core,
                region,
                O {
                    name,
                    kind,
                    country: "DE",
                    city,
                    nace: codes,
                    languages: &["de", "en"],
                    website: None,
                    description: "",
                },
            )
            .await?,
        );
    }
    let mut members: Vec<OrgId> = Vec::new();
    for (i, ((name, kind, city, code, memberships), description)) in
        MEMBERS.into_iter().zip(MEMBER_PROFILES).enumerate()
    {
        let id = org(
            core,
            region,
            O {
                name,
                kind,
                country: "DE",
                city,
                nace: &[code],
                languages: &["de", "en"],
                website: None,
                description,
            },
        )
        .await?;
        members.push(id);
        for c in memberships {
            let role = if i % 5 == 0 {
                MemberRole::Founder
            } else {
                MemberRole::Member
            };
            core.add_member(
                &sys,
                clusters[*c],
                id,
                role,
                Some(d(2010 + (i as i32 % 9), 1, 1)),
            )
            .await?;
        }
    }

    // The managers' view of which clusters need each other: the cross-cluster view and
    // event recommendations use these pairs.
    for (ours, theirs, rationale) in COMPLEMENTS {
        core.declare_complement(&sys, clusters[ours], clusters[theirs], rationale)
            .await?;
    }

    let meeting = core
        .create_event(
            &sys,
            region,
            EventData {
                kind: EventKind::ClusterMeeting,
                title: "Clustermanagertreffen Mitteldeutschland: interdisziplinäre Projekte".into(),
                description: "Die Managements von acht Clustern und der Mitteldeutschen Klebtechnik Allianz (MiKA) suchen gemeinsame Projektideen.".into(),
                start_on: d(2019, 11, 6),
                end_on: d(2019, 11, 6),
                organiser_ids: vec![region_org],
            },
            true,
        )
        .await?;
    let venue = core
        .add_venue(
            &sys,
            meeting,
            Venue {
                id: VenueId(0),
                event_id: meeting,
                name: "Fraunhofer IMWS".into(),
                address: "Walter-Hülse-Straße 1, 06120 Halle (Saale)".into(),
                city: "Halle (Saale)".into(),
                time_zone: "Europe/Berlin".into(),
            },
        )
        .await?;
    core.add_session(
        &sys,
        meeting,
        Some(venue),
        SessionData {
            kind: SessionKind::Networking,
            title: "Projektideen-Werkstatt".into(),
            starts_at: d(2019, 11, 6).and_hms_opt(10, 0, 0).unwrap_or_default(),
            ends_at: d(2019, 11, 6).and_hms_opt(15, 0, 0).unwrap_or_default(),
            slot_minutes: None,
            tables: None,
            breaks: vec![],
        },
    )
    .await?;

    project_ideas(core, region, &clusters, &members).await?;
    // The same ideas as research-partner requests, so that the meeting's participants
    // find them among the recommendations.
    let ideas = [
        (
            8,
            "Kleben statt Schweißen: Leichtbau-Batteriegehäuse",
            "Klebtechnik, Automotive und Chemie entwickeln geklebte Batteriegehäuse aus Faserverbund.",
            &["29.32", "20.52"][..],
            &["Kleben", "Leichtbau", "Batterie"][..],
        ),
        (
            4,
            "Recycling von Solarmodulen mit optischer Sortierung",
            "Solar, Optik und Logistik bauen eine Rücknahme- und Sortierkette für Altmodule auf.",
            &["27.90", "26.70", "38.32"][..],
            &["Recycling", "Photovoltaik", "Sortierung"][..],
        ),
        (
            6,
            "Sensorik für die Bioökonomie: Prozessüberwachung in Bioraffinerien",
            "Mikroelektronik und Bioökonomie entwickeln Sensoren für Fermentationsprozesse.",
            &["26.51", "20.14"][..],
            &["Sensorik", "Bioraffinerie", "Prozessüberwachung"][..],
        ),
    ];
    for (owner, title, summary, codes, keywords) in ideas {
        core.create_profile(
            &sys,
            ProfileOwner {
                agency: region,
                org: clusters[owner],
                event: Some(meeting),
                participant: None,
            },
            ProfileStatus::Published,
            ProfileData {
                kind: ProfileKind::ResearchRequest,
                title: title.into(),
                summary: summary.into(),
                description: String::new(),
                language: LanguageCode::parse("de")?,
                nace: nace(codes),
                keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
                countries_sought: vec![CountryCode::parse("DE")?],
                languages: super::langs(&["de", "en"]),
                deadline: Some(d(2020, 6, 30)),
            },
        )
        .await?;
    }
    funding_call(core, region, region_org).await
}

/// The cross-cluster project ideas of the managers' meeting: owners, the clusters each
/// spans, where it stands, and the partners who joined.
async fn project_ideas(
    core: &Core,
    region: AgencyId,
    clusters: &[OrgId],
    members: &[OrgId],
) -> CoreResult<()> {
    use koop_domain::idea::{IdeaData, IdeaRole, IdeaStatus};
    let sys = Actor::system();
    let ideas: [(&str, &str, usize, &[usize], IdeaStatus, &[usize]); 3] = [
        (
            "Kleben statt Schweißen: Leichtbau-Batteriegehäuse",
            "Klebtechnik, Automotive und Chemie entwickeln geklebte, lösbare Batteriegehäuse aus Faserverbund für Elektrofahrzeuge.",
            8,
            &[8, 0, 2],
            IdeaStatus::Seeking,
            &[19],
        ),
        (
            "Recycling von Solarmodulen mit optischer Sortierung",
            "Solar, Optik und Logistik bauen eine Rücknahme- und Sortierkette für Altmodule auf: Demontage, optische Sortierung, Rücknahmelogistik.",
            4,
            &[4, 5, 7],
            IdeaStatus::Open,
            &[],
        ),
        (
            "Sensorik für die Bioökonomie: Prozessüberwachung in Bioraffinerien",
            "Mikroelektronik und Bioökonomie entwickeln Sensoren und Mikrosysteme, die Fermentationsprozesse in Bioraffinerien überwachen.",
            6,
            &[6, 1],
            IdeaStatus::Formed,
            &[21, 18],
        ),
    ];
    for (title, summary, owner, spans, status, partners) in ideas {
        let spanned: Vec<OrgId> = spans.iter().map(|i| clusters[*i]).collect();
        let idea = core
            .create_idea(
                &sys,
                region,
                IdeaData {
                    title: title.into(),
                    summary: summary.into(),
                },
                &[clusters[owner]],
                &spanned,
            )
            .await?;
        for p in partners {
            core.put_idea_org(&sys, idea, members[*p], IdeaRole::Partner)
                .await?;
        }
        core.set_idea_status(&sys, idea, status).await?;
    }
    Ok(())
}

/// An Interreg call the cluster managers answer together: the region coordinates, and
/// the engine suggests partners from the clusters' members for the topic.
async fn funding_call(core: &Core, region: AgencyId, coordinator: OrgId) -> CoreResult<()> {
    use koop_domain::call::CallData;
    let sys = Actor::system();
    let countries = ["DE", "PL", "CZ", "AT", "SK", "SI", "HU", "IT", "HR"]
        .iter()
        .map(|c| CountryCode::parse(c))
        .collect::<Result<Vec<_>, _>>()?;
    let call = core
        .create_call(
            &sys,
            region,
            CallData {
                title: "Interreg Central Europe: Kleben statt Schrauben – recyclinggerechter Leichtbau".into(),
                programme: "Interreg Central Europe".into(),
                topic_code: String::new(),
                topic_text: "Gesucht sind transnationale Partnerschaften, die Klebtechnik und lösbare Klebverbindungen für den Leichtbau erproben: Karosserieteile, Batteriegehäuse und Solarmodule sollen am Ende ihrer Nutzung zerlegt und recycelt werden können. Gefördert werden Pilotanwendungen mit Unternehmen, Prüfverfahren für Klebverbindungen und Faserverbund sowie Qualifizierung in Klebtechnik.".into(),
                deadline: Some(d(2027, 3, 15)),
                eligible_countries: countries,
            },
        )
        .await?;
    core.add_call_member(&sys, call, coordinator, "Koordinator")
        .await
}
