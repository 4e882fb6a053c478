//! Part D: LEG Thüringen's delegation trip to Kazakhstan and Uzbekistan: 25 travellers
//! (17 entrepreneurs), stations in Nur-Sultan, Almaty and Tashkent, pre-arranged B2B
//! meetings with local partners, official meetings, an MoU with the national chamber,
//! and the online business mission that prepared it.

use super::{O, d, org, org_short, person};
use koop_core::ops::meetings::NewMeeting;
use koop_core::{Actor, Core, CoreResult};
use koop_domain::activity::{ActivityData, ActivityKind};
use koop_domain::agreement::{AgreementData, AgreementKind, AgreementParty};
use koop_domain::event::{EventData, EventKind, ParticipantRole, SessionData, SessionKind, Venue};
use koop_domain::ids::{AgencyId, EventId, ParticipantId, VenueId};
use koop_domain::org::OrgKind;
use koop_domain::outcome::{Attribution, OutcomeData, OutcomeKind};

const ENTREPRENEURS: [(&str, &str, &[&str], &str, &str); 17] = [
    (
        "Jenaer Präzisionsoptik GmbH",
        "Jena",
        &["26.70"],
        "Karsten",
        "Vogt",
    ),
    (
        "Thüringer Agrartechnik GmbH",
        "Gotha",
        &["28.30"],
        "Heiko",
        "Sauer",
    ),
    (
        "Erfurter Medizinprodukte GmbH",
        "Erfurt",
        &["32.50"],
        "Claudia",
        "Ritter",
    ),
    (
        "Ilmenauer Mess- und Regeltechnik GmbH",
        "Ilmenau",
        &["26.51"],
        "Bernd",
        "Pohl",
    ),
    (
        "Suhler Werkzeugbau GmbH",
        "Suhl",
        &["25.73"],
        "Steffen",
        "Roth",
    ),
    (
        "Geraer Textilmaschinen GmbH",
        "Gera",
        &["28.94"],
        "Ines",
        "Franke",
    ),
    (
        "Weimarer Bausysteme GmbH",
        "Weimar",
        &["23.61"],
        "Ronny",
        "Busch",
    ),
    (
        "Nordhäuser Fahrzeugtechnik GmbH",
        "Nordhausen",
        &["29.32"],
        "Mandy",
        "Kühn",
    ),
    (
        "Eisenacher Gießtechnik GmbH",
        "Eisenach",
        &["24.53"],
        "Lars",
        "Winkler",
    ),
    (
        "Thüringer Wassertechnik GmbH",
        "Erfurt",
        &["36.00", "42.21"],
        "Silke",
        "Seidel",
    ),
    (
        "Saalfelder Lebensmitteltechnik GmbH",
        "Saalfeld",
        &["28.93"],
        "Jörg",
        "Heinrich",
    ),
    (
        "Altenburger Solartechnik GmbH",
        "Altenburg",
        &["27.90"],
        "Tino",
        "Arnold",
    ),
    (
        "Mühlhäuser Kunststoffwerk GmbH",
        "Mühlhausen",
        &["22.29"],
        "Yvonne",
        "Brandt",
    ),
    (
        "Rudolstädter Laborglas GmbH",
        "Rudolstadt",
        &["23.19"],
        "Enrico",
        "Böhm",
    ),
    (
        "Sonneberger Spielwaren GmbH",
        "Sonneberg",
        &["32.40"],
        "Anke",
        "Friedrich",
    ),
    (
        "Jenaer Software Solutions GmbH",
        "Jena",
        &["62.01"],
        "Daniel",
        "Albrecht",
    ),
    (
        "Arnstädter Energieanlagen GmbH",
        "Arnstadt",
        &["33.20"],
        "Kerstin",
        "Lorenz",
    ),
];

/// Local partners: name, country, city, NACE, their contact, the station they meet at
/// (0 Nur-Sultan, 1 Almaty, 2 Tashkent) and from which hour.
type LocalPartner = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    usize,
    u32,
);
const LOCAL_PARTNERS: [LocalPartner; 8] = [
    (
        "ТОО «Астана Агро Холдинг»",
        "KZ",
        "Нур-Султан",
        "01.11",
        "Ерлан",
        "Жумабеков",
        0,
        12,
    ),
    (
        "ТОО «КазМедТех»",
        "KZ",
        "Нур-Султан",
        "46.46",
        "Айгерим",
        "Сарсенова",
        0,
        9,
    ),
    (
        "ТОО «Алматы Машиностроение»",
        "KZ",
        "Алматы",
        "28.99",
        "Нурлан",
        "Ахметов",
        1,
        9,
    ),
    (
        "ТОО «Тениз Су»",
        "KZ",
        "Алматы",
        "36.00",
        "Динара",
        "Касымова",
        1,
        12,
    ),
    (
        "АО «Казахстанские строительные системы»",
        "KZ",
        "Алматы",
        "41.20",
        "Бауыржан",
        "Омаров",
        1,
        9,
    ),
    (
        "«Toshkent Mashinasozlik» MChJ",
        "UZ",
        "Toshkent",
        "28.99",
        "Jasur",
        "Karimov",
        2,
        9,
    ),
    (
        "«Uzbek Agro Invest» MChJ",
        "UZ",
        "Toshkent",
        "01.11",
        "Dilnoza",
        "Rashidova",
        2,
        12,
    ),
    (
        "«Samarqand Tekstil» MChJ",
        "UZ",
        "Samarqand",
        "13.20",
        "Otabek",
        "Yusupov",
        2,
        9,
    ),
];

pub(crate) async fn load(core: &Core, leg: AgencyId) -> CoreResult<(EventId, EventId)> {
    let sys = Actor::system();
    let leg_org = org(
        core,
        leg,
        O {
            name: "Landesentwicklungsgesellschaft Thüringen mbH (LEG Thüringen)",
            kind: OrgKind::DevelopmentAgency,
            country: "DE",
            city: "Erfurt",
            nace: &["84.13", "70.22"],
            languages: &["de", "en", "ru"],
            website: Some("https://www.leg-thueringen.de"),
            description: "Wirtschaftsförderung des Freistaats Thüringen, Bereich Außenwirtschaft.",
        },
    )
    .await?;
    core.set_agency_org(&sys, leg, leg_org).await?;
    let ministry = org_short(
        core,
        leg,
        "Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft",
        OrgKind::Ministry,
        "DE",
        "Erfurt",
        &["84.13"],
    )
    .await?;
    let ihk = org_short(
        core,
        leg,
        "Industrie- und Handelskammer Erfurt",
        OrgKind::Chamber,
        "DE",
        "Erfurt",
        &["94.11"],
    )
    .await?;
    let press = org_short(
        core,
        leg,
        "Thüringer Allgemeine",
        OrgKind::Company,
        "DE",
        "Erfurt",
        &["58.13"],
    )
    .await?;
    let atameken = org_short(
        core,
        leg,
        "Национальная палата предпринимателей Республики Казахстан «Атамекен»",
        OrgKind::Chamber,
        "KZ",
        "Нур-Султан",
        &["94.11"],
    )
    .await?;
    let embassy = org_short(
        core,
        leg,
        "Botschaft der Bundesrepublik Deutschland Nur-Sultan",
        OrgKind::Embassy,
        "KZ",
        "Нур-Султан",
        &["99.00"],
    )
    .await?;
    let mintrade = org_short(
        core,
        leg,
        "Министерство торговли и интеграции Республики Казахстан",
        OrgKind::Ministry,
        "KZ",
        "Нур-Султан",
        &["84.13"],
    )
    .await?;
    let uz_ministry = org_short(
        core,
        leg,
        "O‘zbekiston Respublikasi Investitsiyalar va tashqi savdo vazirligi",
        OrgKind::Ministry,
        "UZ",
        "Toshkent",
        &["84.13"],
    )
    .await?;

    // The online mission that prepared the trip.
    let online = core
        .create_event(
            &sys,
            leg,
            EventData {
                kind: EventKind::OnlineMission,
                title: "Online-Unternehmerreise Zentralasien: Kasachstan und Usbekistan".into(),
                description: "Videokonferenzen mit Partnern in Nur-Sultan und Taschkent zur Vorbereitung der Delegationsreise.".into(),
                start_on: d(2019, 6, 12),
                end_on: d(2019, 6, 12),
                organiser_ids: vec![leg_org],
            },
            true,
        )
        .await?;
    let online_venue = core
        .add_venue(
            &sys,
            online,
            Venue {
                id: VenueId(0),
                event_id: online,
                name: "Videokonferenz".into(),
                address: "online".into(),
                city: "online".into(),
                time_zone: "Europe/Berlin".into(),
            },
        )
        .await?;
    core.add_session(
        &sys,
        online,
        Some(online_venue),
        SessionData {
            kind: SessionKind::B2bMeetings,
            title: "Videogespräche mit Partnern (Räume 1–4)".into(),
            // Berlin time: early enough for Almaty's afternoon, late enough for Berlin.
            starts_at: d(2019, 6, 12).and_hms_opt(7, 0, 0).unwrap_or_default(),
            ends_at: d(2019, 6, 12).and_hms_opt(15, 0, 0).unwrap_or_default(),
            slot_minutes: Some(30),
            tables: Some(4),
            breaks: vec![],
        },
    )
    .await?;

    let trip = core
        .create_event(
            &sys,
            leg,
            EventData {
                kind: EventKind::DelegationTrip,
                title: "Delegationsreise Thüringen nach Kasachstan und Usbekistan 2019".into(),
                description: "Unternehmerreise mit individuellen B2B-Gesprächen, Firmenbesuchen und politischen Gesprächen.".into(),
                start_on: d(2019, 9, 15),
                end_on: d(2019, 9, 21),
                organiser_ids: vec![leg_org, ministry, ihk],
            },
            true,
        )
        .await?;
    let venue = |name: &str, address: &str, city: &str, tz: &str| Venue {
        id: VenueId(0),
        event_id: trip,
        name: name.into(),
        address: address.into(),
        city: city.into(),
        time_zone: tz.into(),
    };
    // Each station is where the delegation stays and meets its partners; the group
    // programme takes it across town, and the scheduler keeps the way back free.
    let places = [
        venue(
            "Station Nur-Sultan: Hotel",
            "Kabanbay Batyr 8",
            "Нур-Султан",
            "Asia/Almaty",
        ),
        venue(
            "Deutsche Botschaft Nur-Sultan",
            "Kosmonavtov 62",
            "Нур-Султан",
            "Asia/Almaty",
        ),
        venue("Station Almaty: Hotel", "Abai 52", "Алматы", "Asia/Almaty"),
        venue(
            "Industriezone Almaty",
            "Ilyas Dzhansugurov 1",
            "Алматы",
            "Asia/Almaty",
        ),
        venue(
            "Station Taschkent: Hotel",
            "Amir Temur 1A",
            "Toshkent",
            "Asia/Tashkent",
        ),
        venue(
            "Investitionsministerium Usbekistan",
            "Islam Karimov 15",
            "Toshkent",
            "Asia/Tashkent",
        ),
    ];
    let mut venues = Vec::new();
    for v in places {
        venues.push(core.add_venue(&sys, trip, v).await?);
    }
    let (astana, embassy_venue, almaty, zone, tashkent, uz_ministry_venue) = (
        venues[0], venues[1], venues[2], venues[3], venues[4], venues[5],
    );
    core.set_travel_times(
        &sys,
        trip,
        vec![
            (astana, embassy_venue, 25),
            (almaty, zone, 40),
            (tashkent, uz_ministry_venue, 20),
        ],
    )
    .await?;
    let at = |day: u32, h: u32| d(2019, 9, day).and_hms_opt(h, 0, 0).unwrap_or_default();
    // The group programme, and the day's B2B session around it at the hotel: the
    // scheduler places meetings only where the programme and the way back leave time.
    let plan = [
        (
            embassy_venue,
            SessionKind::OfficialMeetings,
            "Gespräche in der Deutschen Botschaft und im Handelsministerium",
            at(16, 9),
            at(16, 12),
            None,
            None,
        ),
        (
            astana,
            SessionKind::B2bMeetings,
            "B2B-Gespräche Nur-Sultan",
            at(16, 9),
            at(16, 18),
            Some(45),
            Some(2),
        ),
        (
            zone,
            SessionKind::CompanyVisits,
            "Firmenbesuche in der Industriezone Almaty",
            at(18, 9),
            at(18, 12),
            None,
            None,
        ),
        (
            almaty,
            SessionKind::B2bMeetings,
            "B2B-Gespräche Almaty",
            at(18, 9),
            at(18, 18),
            Some(45),
            Some(3),
        ),
        (
            uz_ministry_venue,
            SessionKind::OfficialMeetings,
            "Gespräch im Investitionsministerium Usbekistans",
            at(20, 9),
            at(20, 11),
            None,
            None,
        ),
        (
            tashkent,
            SessionKind::B2bMeetings,
            "B2B-Gespräche Taschkent",
            at(20, 9),
            at(20, 18),
            Some(45),
            Some(3),
        ),
    ];
    let mut sessions = Vec::new();
    for (venue, kind, title, start, end, slot, tables) in plan {
        sessions.push((
            core.add_session(
                &sys,
                trip,
                Some(venue),
                SessionData {
                    kind,
                    title: title.into(),
                    starts_at: start,
                    ends_at: end,
                    slot_minutes: slot,
                    tables,
                    breaks: vec![],
                },
            )
            .await?,
            start,
            kind,
        ));
    }

    // 25 travellers: 17 entrepreneurs, 3 LEG staff, 2 ministry officials, 2 chamber staff, 1 journalist.
    let mut travellers: Vec<ParticipantId> = Vec::new();
    let mut entrepreneurs = Vec::new();
    let mut entrepreneur_people = Vec::new();
    for (name, city, codes, given, family) in ENTREPRENEURS {
        let o = org_short(core, leg, name, OrgKind::Company, "DE", city, codes).await?;
        let p = person(
            core,
            leg,
            o,
            given,
            family,
            "Geschäftsführung",
            &["de", "en", "ru"],
        )
        .await?;
        let id = core
            .register_participant(&sys, trip, p, o, ParticipantRole::Entrepreneur)
            .await?;
        travellers.push(id);
        entrepreneurs.push(id);
        entrepreneur_people.push((o, p));
    }
    let others: [(koop_domain::ids::OrgId, &str, &str, &str, ParticipantRole); 8] = [
        (
            leg_org,
            "Susanne",
            "Engel",
            "Projektleiterin Außenwirtschaft",
            ParticipantRole::Staff,
        ),
        (
            leg_org,
            "Matthias",
            "Keller",
            "Länderreferent Zentralasien",
            ParticipantRole::Staff,
        ),
        (
            leg_org,
            "Gulnara",
            "Abenova",
            "Dolmetscherin",
            ParticipantRole::Staff,
        ),
        (
            ministry,
            "Dr. Rainer",
            "Hellwig",
            "Staatssekretär",
            ParticipantRole::Official,
        ),
        (
            ministry,
            "Annett",
            "Graf",
            "Referatsleiterin Außenwirtschaft",
            ParticipantRole::Official,
        ),
        (
            ihk,
            "Peter",
            "Lindner",
            "Bereichsleiter International",
            ParticipantRole::Official,
        ),
        (
            ihk,
            "Maria",
            "Voigt",
            "Referentin Osteuropa",
            ParticipantRole::Official,
        ),
        (
            press,
            "Jan",
            "Hauser",
            "Redakteur Wirtschaft",
            ParticipantRole::Press,
        ),
    ];
    for (o, given, family, function, role) in others {
        let p = person(core, leg, o, given, family, function, &["de", "en"]).await?;
        travellers.push(core.register_participant(&sys, trip, p, o, role).await?);
    }
    for p in &travellers {
        core.set_participant_status(&sys, trip, *p, |s| s.confirm())
            .await?;
    }

    // Official meetings for the whole group.
    for (i, (title, session)) in [
        ("Empfang beim Botschafter der Bundesrepublik Deutschland", 0usize),
        ("Gespräch mit dem stellvertretenden Handelsminister Kasachstans", 0),
        ("Gespräch mit dem stellvertretenden Minister für Investitionen und Außenhandel Usbekistans", 4),
    ]
    .into_iter()
    .enumerate()
    {
        let (sid, start, _) = sessions[session];
        core.place_meeting(&sys, NewMeeting { event: trip, request: None, session: Some(sid), title: title.into(), starts_at: Some(start + chrono::Duration::minutes(75 * (i as i64 % 2))), table_no: None, participants: travellers.clone() }).await?;
    }
    core.create_activity(
        &sys,
        leg,
        ActivityData {
            kind: ActivityKind::DelegationVisit,
            title: "Politische Gespräche in Nur-Sultan und Taschkent".into(),
            start_on: d(2019, 9, 16),
            end_on: d(2019, 9, 20),
            place: "Нур-Султан, Toshkent".into(),
            description:
                "Botschaft, Handelsministerium Kasachstans, Investitionsministerium Usbekistans."
                    .into(),
            org_ids: vec![leg_org, ministry, embassy, mintrade, uz_ministry],
            agreement_ids: vec![],
            instrument_id: None,
            partner_city_id: None,
            event_id: Some(trip),
        },
        true,
    )
    .await?;

    // Local partners: recorded by the agency with a contact each, no account; each
    // meets at its station's hotel, in its hours.
    let stations = [(astana, 16), (almaty, 18), (tashkent, 20)];
    let mut locals: Vec<(ParticipantId, usize)> = Vec::new();
    for (name, c, city, code, given, family, station, from) in LOCAL_PARTNERS {
        let o = org_short(core, leg, name, OrgKind::Company, c, city, &[code]).await?;
        let languages: &[&str] = if c == "UZ" {
            &["uz", "ru"]
        } else {
            &["ru", "kk"]
        };
        let p = person(core, leg, o, given, family, "Direktor", languages).await?;
        let id = core
            .register_participant(&sys, trip, p, o, ParticipantRole::LocalPartner)
            .await?;
        core.set_participant_status(&sys, trip, id, |s| s.confirm())
            .await?;
        let (venue, day) = stations[station];
        core.set_presence(
            &sys,
            trip,
            id,
            vec![koop_domain::event::Presence {
                venue_id: Some(venue),
                from: Some(at(day, from)),
                until: Some(at(day, 18)),
            }],
        )
        .await?;
        locals.push((id, station));
    }
    // The agency confirms, for every entrepreneur, the engine's best local partner in
    // Almaty and in Tashkent (the first ten also in Nur-Sultan), passing on to the
    // next one where a partner's afternoon is full.
    let proposals = core.trip_proposals(&sys, trip, 3).await?;
    let mut load: std::collections::HashMap<ParticipantId, usize> = Default::default();
    let mut pairs = Vec::new();
    for (i, e) in entrepreneurs.iter().enumerate() {
        let wanted: &[usize] = if i < 10 { &[0, 1, 2] } else { &[1, 2] };
        for st in wanted {
            let (venue, _) = stations[*st];
            let pick = proposals
                .iter()
                .filter(|p| p.traveller == *e && p.station == Some(venue))
                .find(|p| load.get(&p.partner).copied().unwrap_or(0) < 6)
                .map(|p| p.partner)
                .or_else(|| {
                    locals
                        .iter()
                        .filter(|l| l.1 == *st)
                        .map(|l| l.0)
                        .min_by_key(|l| load.get(l).copied().unwrap_or(0))
                });
            if let Some(partner) = pick {
                *load.entry(partner).or_default() += 1;
                pairs.push((*e, partner));
            }
        }
    }
    core.confirm_pairs(&sys, trip, &pairs).await?;
    core.schedule_event(&sys, trip, std::time::Duration::from_secs(5))
        .await?;

    // The MoU with the national chamber, signed on the way.
    let mou = core
        .create_agreement(
            &sys,
            leg,
            AgreementData {
                title: "Memorandum of Understanding LEG Thüringen – НПП «Атамекен»".into(),
                kind: AgreementKind::Mou,
                signed_on: Some(d(2019, 9, 16)),
                valid_from: Some(d(2019, 9, 16)),
                valid_until: Some(d(2022, 9, 15)),
                scope: "Gegenseitige Unterstützung bei Unternehmerreisen, Partnersuche und Messebeteiligungen.".into(),
                sectors: vec![],
                parties: vec![
                    AgreementParty { org_id: leg_org, contribution_eur: None, contribution_note: "Organisation von Unternehmerreisen nach Kasachstan".into() },
                    AgreementParty { org_id: atameken, contribution_eur: None, contribution_note: "Partnervermittlung in den Regionen Kasachstans".into() },
                ],
            },
            true,
        )
        .await?;
    let visit = core
        .create_activity(
            &sys,
            leg,
            ActivityData {
                kind: ActivityKind::DelegationVisit,
                title: "Unterzeichnung des MoU mit der Unternehmerkammer Atameken".into(),
                start_on: d(2019, 9, 16),
                end_on: d(2019, 9, 16),
                place: "Нур-Султан".into(),
                description: String::new(),
                org_ids: vec![leg_org, atameken],
                agreement_ids: vec![mou],
                instrument_id: None,
                partner_city_id: None,
                event_id: Some(trip),
            },
            true,
        )
        .await?;
    core.record_outcome(
        &sys,
        leg,
        OutcomeData {
            kind: OutcomeKind::Mou,
            title: "MoU mit der Nationalen Unternehmerkammer Kasachstans".into(),
            achieved_on: d(2019, 9, 16),
            value: None,
            org_ids: vec![leg_org, atameken],
            attribution: Attribution {
                event_id: Some(trip),
                activity_id: Some(visit),
                agreement_id: Some(mou),
                ..Attribution::default()
            },
        },
        true,
    )
    .await?;
    follow_ups(core, leg, trip).await?;
    online_meetings(core, online, online_venue, &entrepreneur_people[..6]).await?;
    for done in [online, trip] {
        core.set_schedule_state(&sys, done, koop_domain::event::ScheduleState::Final)
            .await?;
    }
    Ok((trip, online))
}

/// The online mission's partners, each in its own time zone with its working hours.
const ONLINE_PARTNERS: [(&str, &str, &str, &str, &str, &str, &str); 4] = [
    (
        "ТОО «Алматы Машиностроение»",
        "KZ",
        "Алматы",
        "28.99",
        "Нурлан",
        "Ахметов",
        "Asia/Almaty",
    ),
    (
        "«Toshkent Mashinasozlik» MChJ",
        "UZ",
        "Toshkent",
        "28.99",
        "Jasur",
        "Karimov",
        "Asia/Tashkent",
    ),
    (
        "ТОО «Каспий Нефтемаш»",
        "KZ",
        "Актау",
        "28.92",
        "Серик",
        "Утегенов",
        "Asia/Aqtau",
    ),
    (
        "«Samarqand Tekstil» MChJ",
        "UZ",
        "Samarqand",
        "13.20",
        "Otabek",
        "Yusupov",
        "Asia/Samarkand",
    ),
];

/// Video meetings before the trip: six entrepreneurs (in Berlin's zone, working 8:00 to
/// 17:00) and four partners in their own zones (working 9:00 to 18:00 there), placed by
/// the scheduler where both sides' working hours overlap.
async fn online_meetings(
    core: &Core,
    online: EventId,
    room: VenueId,
    entrepreneurs: &[(koop_domain::ids::OrgId, koop_domain::ids::PersonId)],
) -> CoreResult<()> {
    use koop_core::ops::trips::LocalPartner;
    use koop_domain::event::Presence;
    let sys = Actor::system();
    let day = d(2019, 6, 12);
    let at = |h: u32| day.and_hms_opt(h, 0, 0).unwrap_or_default();
    let berlin = |t, zone: &str| koop_core::zones::convert(t, zone, "Europe/Berlin");
    let mut germans = Vec::new();
    for (o, p) in entrepreneurs {
        let id = core
            .register_participant(&sys, online, *p, *o, ParticipantRole::Entrepreneur)
            .await?;
        core.set_participant_status(&sys, online, id, |s| s.confirm())
            .await?;
        core.set_presence(
            &sys,
            online,
            id,
            vec![Presence {
                venue_id: Some(room),
                from: Some(at(8)),
                until: Some(at(17)),
            }],
        )
        .await?;
        germans.push(id);
    }
    let mut partners = Vec::new();
    for (name, country, city, code, given, family, zone) in ONLINE_PARTNERS {
        let languages: &[&str] = if country == "UZ" {
            &["uz", "ru"]
        } else {
            &["ru", "kk"]
        };
        let langs = super::langs(languages);
        let org = koop_domain::org::OrgData {
            name: name.into(),
            kind: OrgKind::Company,
            country: koop_domain::values::CountryCode::parse(country)?,
            city: city.into(),
            nace: super::nace(&[code]),
            size: None,
            languages: langs.clone(),
            website: None,
            description: String::new(),
        };
        let contact = koop_domain::person::PersonData {
            given_name: given.into(),
            family_name: family.into(),
            function: "Direktor".into(),
            email: None,
            phone: None,
            languages: langs,
            consent: koop_domain::person::Consent::Given,
        };
        partners.push(
            core.add_local_partner(
                &sys,
                online,
                LocalPartner {
                    org,
                    contact,
                    windows: vec![Presence {
                        venue_id: Some(room),
                        from: berlin(at(9), zone),
                        until: berlin(at(18), zone),
                    }],
                    time_zone: Some(zone.into()),
                },
            )
            .await?,
        );
    }
    let pairs: Vec<_> = germans
        .iter()
        .enumerate()
        .flat_map(|(i, g)| [(*g, partners[i % 4]), (*g, partners[(i + 1) % 4])])
        .collect();
    core.confirm_pairs(&sys, online, &pairs).await?;
    core.schedule_event(&sys, online, std::time::Duration::from_secs(5))
        .await?;
    Ok(())
}

/// The trip is over: its B2B meetings were held, and months later the agency records
/// what came of some of them, against the meeting and the trip, so that they count in
/// its funnel.
async fn follow_ups(core: &Core, leg: AgencyId, trip: EventId) -> CoreResult<()> {
    use koop_domain::meeting::MeetingStatus;
    let sys = Actor::system();
    // The agency's instrument the trip belongs to; its outcomes count towards it.
    let missions = core
        .create_instrument(
            &sys,
            leg,
            "Unternehmerreisen",
            "Delegations- und Online-Reisen für Thüringer Unternehmen in Zielmärkte, mit vorbereiteten Einzelgesprächen.",
        )
        .await?;
    let meetings = core.reader(&sys).await?.meetings(trip, None).await?;
    let b2b: Vec<_> = meetings.iter().filter(|m| m.attendees.len() == 2).collect();
    for m in &b2b {
        core.set_meeting_status(&sys, trip, m.id, MeetingStatus::Held)
            .await?;
    }
    // The meeting of `name` at the station in `city`.
    let with = |name: &str, city: &str| {
        b2b.iter()
            .find(|m| {
                m.attendees.iter().any(|a| a.org_name == name)
                    && m.venue.as_ref().is_some_and(|v| v.0.contains(city))
            })
            .copied()
    };
    let results = [
        (
            "Thüringer Wassertechnik GmbH",
            "Almaty",
            OutcomeKind::Sale,
            "Auftrag über Bewässerungstechnik aus Almaty",
            d(2020, 2, 10),
            Some(240_000.0),
            // An order's value is the company's business, not the public's.
            false,
        ),
        (
            "Thüringer Agrartechnik GmbH",
            "Taschkent",
            OutcomeKind::Negotiation,
            "Verhandlungen über Landtechnik aufgenommen",
            d(2019, 12, 3),
            None,
            true,
        ),
        (
            "Suhler Werkzeugbau GmbH",
            "Almaty",
            OutcomeKind::FollowUpMeeting,
            "Folgetreffen in Suhl vereinbart",
            d(2019, 11, 14),
            None,
            true,
        ),
    ];
    for (company, city, kind, title, on, value, publish) in results {
        let meeting = with(company, city);
        core.record_outcome(
            &sys,
            leg,
            OutcomeData {
                kind,
                title: title.into(),
                achieved_on: on,
                value,
                org_ids: meeting
                    .map(|m| m.attendees.iter().map(|a| a.org_id).collect())
                    .unwrap_or_default(),
                attribution: Attribution {
                    event_id: Some(trip),
                    meeting_id: meeting.map(|m| m.id),
                    instrument_id: Some(missions),
                    ..Attribution::default()
                },
            },
            publish,
        )
        .await?;
    }
    Ok(())
}
