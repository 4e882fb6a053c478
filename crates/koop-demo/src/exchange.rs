//! Part C: the cooperation exchange in Barleben, 2–4 April 2019: company presentations
//! and networking at the innovation centre, B2B talks at the state's joint stand at
//! Hannover Messe, company visits on day 3; run by a network of 18 partners.

use super::agency_work::AgencyWork;
use super::exchange_people::COMPANIES;
use super::{O, d, langs, nace, org, org_short, person};
use koop_core::ops::profiles::ProfileOwner;
use koop_core::{Actor, Core, CoreResult};
use koop_domain::event::{EventData, EventKind, ParticipantRole, SessionData, SessionKind, Venue};
use koop_domain::ids::{AgencyId, EventId, OrgId, ParticipantId, VenueId};
use koop_domain::meeting::{MeetingStatus, Priority};
use koop_domain::membership::MemberRole;
use koop_domain::org::OrgKind;
use koop_domain::outcome::{Attribution, OutcomeData, OutcomeKind};
use koop_domain::profile::{ProfileData, ProfileKind, ProfileStatus};
use koop_domain::task::Task;
use koop_domain::values::{CountryCode, LanguageCode};
use std::collections::HashMap;

/// Returns the event, the event id organisers are bound to, and the participant that the
/// demo participant login acts as. At `scale` above 1 the exchange has that many copies
/// of its companies (numbered after the first), tables and requests, for load tests.
pub(crate) async fn load(
    core: &Core,
    img: AgencyId,
    work: &AgencyWork,
    scale: usize,
) -> CoreResult<(EventId, EventId, ParticipantId)> {
    let scale = scale.max(1);
    let n = COMPANIES.len();
    let company = |g: usize| &COMPANIES[g % n];
    let sys = Actor::system();
    let network = org(
        core,
        img,
        O {
            name: "Partnernetzwerk Kooperationsbörse Sachsen-Anhalt – Osteuropa",
            kind: OrgKind::Network,
            country: "DE",
            city: "Barleben",
            nace: &["94.11"],
            languages: &["de", "ru", "en"],
            website: None,
            description: "18 Partner aus Sachsen-Anhalt und Osteuropa, die die Kooperationsbörse gemeinsam ausrichten.",
        },
    )
    .await?;
    let igz = org_short(
        core,
        img,
        "IGZ Innovations- und Gründerzentrum Magdeburg GmbH",
        OrgKind::LocationCompany,
        "DE",
        "Barleben",
        &["68.20", "70.22"],
    )
    .await?;
    let partner_names: [(&str, OrgKind, &str, &str); 16] = [
        (
            "Industrie- und Handelskammer Magdeburg",
            OrgKind::Chamber,
            "DE",
            "Magdeburg",
        ),
        (
            "Handwerkskammer Magdeburg",
            OrgKind::Chamber,
            "DE",
            "Magdeburg",
        ),
        (
            "Enterprise Europe Network Sachsen-Anhalt",
            OrgKind::Network,
            "DE",
            "Magdeburg",
        ),
        (
            "Technologiepark Ostfalen",
            OrgKind::LocationCompany,
            "DE",
            "Barleben",
        ),
        ("Gemeinde Barleben", OrgKind::Municipality, "DE", "Barleben"),
        (
            "Landkreis Börde",
            OrgKind::Municipality,
            "DE",
            "Haldensleben",
        ),
        (
            "Otto-von-Guericke-Universität Magdeburg",
            OrgKind::University,
            "DE",
            "Magdeburg",
        ),
        (
            "Hochschule Magdeburg-Stendal",
            OrgKind::University,
            "DE",
            "Magdeburg",
        ),
        (
            "Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF",
            OrgKind::ResearchInstitute,
            "DE",
            "Magdeburg",
        ),
        (
            "Deutsch-Russische Auslandshandelskammer",
            OrgKind::Chamber,
            "RU",
            "Москва",
        ),
        (
            "Deutsch-Ukrainische Industrie- und Handelskammer",
            OrgKind::Chamber,
            "UA",
            "Київ",
        ),
        (
            "Deutsch-Serbische Wirtschaftsvereinigung",
            OrgKind::Association,
            "RS",
            "Beograd",
        ),
        (
            "Deutsch-Albanische Wirtschaftsgesellschaft",
            OrgKind::Association,
            "AL",
            "Tiranë",
        ),
        (
            "Wirtschaftsförderung Landeshauptstadt Magdeburg",
            OrgKind::DevelopmentAgency,
            "DE",
            "Magdeburg",
        ),
        (
            "Arbeitgeberverband Nordostchemie e. V. (Regionalbüro Halle)",
            OrgKind::Association,
            "DE",
            "Halle (Saale)",
        ),
        (
            "Ostdeutscher Bankenverband e. V.",
            OrgKind::Association,
            "DE",
            "Berlin",
        ),
    ];
    let mut organisers = vec![work.img_org, igz];
    core.add_member(
        &sys,
        network,
        work.img_org,
        MemberRole::Management,
        Some(d(2015, 1, 1)),
    )
    .await?;
    core.add_member(&sys, network, igz, MemberRole::Founder, Some(d(2015, 1, 1)))
        .await?;
    // The chamber is an agency in koop too, with its own directory and staff.
    let chamber_agency = core
        .create_agency(&sys, "Industrie- und Handelskammer Magdeburg", "ihk")
        .await?;
    let mut chamber = None;
    for (i, (name, kind, country, city)) in partner_names.into_iter().enumerate() {
        let is_chamber = name == "Industrie- und Handelskammer Magdeburg";
        let directory = if is_chamber { chamber_agency } else { img };
        let id = org_short(core, directory, name, kind, country, city, &["94.11"]).await?;
        core.add_member(
            &sys,
            network,
            id,
            MemberRole::Partner,
            Some(d(2015 + (i as i32 % 4), 1, 1)),
        )
        .await?;
        if i < 3 {
            organisers.push(id);
        }
        if is_chamber {
            chamber = Some(id);
        }
    }

    let event = core
        .create_event(
            &sys,
            img,
            EventData {
                kind: EventKind::CooperationExchange,
                title: "Kooperationsbörse Sachsen-Anhalt – Osteuropa 2019".into(),
                description: "Drei Tage Kooperation: Unternehmenspräsentationen und Networking im IGZ Barleben, \
                              Kooperationsgespräche am Gemeinschaftsstand Sachsen-Anhalt auf der Hannover Messe, \
                              Firmenbesuche nach Interessen der Teilnehmenden."
                    .into(),
                start_on: d(2019, 4, 2),
                end_on: d(2019, 4, 4),
                organiser_ids: organisers,
            },
            true,
        )
        .await?;
    if let Some(chamber) = chamber {
        co_organising_chamber(core, event, chamber_agency, chamber).await?;
    }
    let venue = |name: &str, address: &str, city: &str| Venue {
        id: VenueId(0),
        event_id: event,
        name: name.into(),
        address: address.into(),
        city: city.into(),
        time_zone: "Europe/Berlin".into(),
    };
    let barleben = core
        .add_venue(
            &sys,
            event,
            venue(
                "IGZ Innovations- und Gründerzentrum",
                "Steinfeldstraße 3, 39179 Barleben",
                "Barleben",
            ),
        )
        .await?;
    let messe = core
        .add_venue(
            &sys,
            event,
            venue(
                "Hannover Messe, Gemeinschaftsstand Sachsen-Anhalt",
                "Messegelände, 30521 Hannover",
                "Hannover",
            ),
        )
        .await?;
    let region = core
        .add_venue(
            &sys,
            event,
            venue(
                "Firmenbesuche in der Region Magdeburg",
                "Treffpunkt: IGZ Barleben",
                "Barleben",
            ),
        )
        .await?;
    let at = |day: u32, h: u32, m: u32| d(2019, 4, day).and_hms_opt(h, m, 0).unwrap_or_default();
    let sessions = [
        (
            Some(barleben),
            SessionKind::Presentations,
            "Unternehmenspräsentationen",
            at(2, 10, 0),
            at(2, 12, 30),
            None,
            None,
        ),
        (
            Some(barleben),
            SessionKind::Networking,
            "Networking und Standortführung Technologiepark Ostfalen",
            at(2, 13, 30),
            at(2, 17, 0),
            None,
            None,
        ),
        (
            Some(messe),
            SessionKind::B2bMeetings,
            "Kooperationsgespräche am Gemeinschaftsstand (Vormittag)",
            at(3, 10, 0),
            at(3, 13, 0),
            Some(20),
            Some(12),
        ),
        (
            Some(messe),
            SessionKind::B2bMeetings,
            "Kooperationsgespräche am Gemeinschaftsstand (Nachmittag)",
            at(3, 14, 0),
            at(3, 17, 0),
            Some(20),
            Some(12),
        ),
        (
            Some(region),
            SessionKind::CompanyVisits,
            "Firmenbesuche nach Interessen",
            at(4, 9, 0),
            at(4, 15, 0),
            None,
            None,
        ),
    ];
    let mut session_ids = Vec::new();
    for (v, kind, title, start, end, slot, tables) in sessions {
        let id = core
            .add_session(
                &sys,
                event,
                v,
                SessionData {
                    kind,
                    title: title.into(),
                    starts_at: start,
                    ends_at: end,
                    slot_minutes: slot,
                    tables: tables.map(|t| t * scale as i64),
                    breaks: vec![],
                },
            )
            .await?;
        session_ids.push((id, start, slot, tables));
    }

    // Participants and their profiles.
    let mut participants: Vec<(ParticipantId, usize)> = Vec::new();
    let mut org_of: Vec<OrgId> = Vec::new();
    for g in 0..scale * n {
        let (c, copy) = (company(g), g / n);
        let name = match copy {
            0 => c.name.to_owned(),
            _ => format!("{} ({})", c.name, copy + 1),
        };
        let kind = if c.name.contains("универс")
            || c.name.contains("університет")
            || c.name.contains("Univerzitet")
            || c.name.contains("Universität")
            || c.name.contains("Hochschule")
        {
            OrgKind::University
        } else if c.name.contains("палата") || c.name.contains("komora") || c.name.contains("Dhoma")
        {
            OrgKind::Chamber
        } else if c.kind == "INV" {
            OrgKind::DevelopmentAgency
        } else {
            OrgKind::Company
        };
        let org_langs: &[&str] = match c.lang {
            "de" => &["de", "en"],
            "ru" => &["ru", "en"],
            "uk" => &["uk", "ru", "en"],
            "sr" => &["sr", "en", "de"],
            _ => &["sq", "en", "it"],
        };
        let org_id = org(
            core,
            img,
            O {
                name: &name,
                kind,
                country: c.country,
                city: c.city,
                nace: c.nace,
                languages: org_langs,
                website: None,
                description: c.summary,
            },
        )
        .await?;
        org_of.push(org_id);
        let mut first = None;
        for (pi, (given, family, function)) in c.people.iter().enumerate() {
            let pid = person(core, img, org_id, given, family, function, org_langs).await?;
            let role = if pi == 0 && kind != OrgKind::Company {
                ParticipantRole::Official
            } else {
                ParticipantRole::Delegate
            };
            let id = core
                .register_participant(&sys, event, pid, org_id, role)
                .await?;
            participants.push((id, g));
            first.get_or_insert(id);
        }
        let kind = ProfileKind::parse(c.kind)?;
        core.create_profile(
            &sys,
            ProfileOwner {
                agency: img,
                org: org_id,
                event: Some(event),
                participant: first,
            },
            ProfileStatus::Published,
            ProfileData {
                kind,
                title: c.title.into(),
                summary: c.summary.into(),
                description: String::new(),
                language: LanguageCode::parse(c.lang)?,
                nace: nace(c.nace),
                keywords: c.keywords.iter().map(|k| (*k).to_owned()).collect(),
                countries_sought: c
                    .seeks
                    .iter()
                    .filter_map(|s| CountryCode::parse(s).ok())
                    .collect(),
                languages: langs(org_langs),
                deadline: Some(d(2019, 12, 31)),
            },
        )
        .await?;
    }

    // Attendance: everyone is confirmed; three did not come.
    for (i, (p, _)) in participants.iter().enumerate() {
        core.set_participant_status(&sys, event, *p, |s| s.confirm())
            .await?;
        if i % 27 == 13 {
            core.set_participant_status(&sys, event, *p, |s| s.mark_no_show())
                .await?;
        } else {
            core.set_participant_status(&sys, event, *p, |s| s.check_in())
                .await?;
        }
    }

    // Meeting requests between complementary profiles in the same NACE division.
    let first_of: HashMap<usize, ParticipantId> =
        participants.iter().rev().map(|(p, c)| (*c, *p)).collect();
    let mut accepted = Vec::new();
    // Each copy of the companies asks within itself, so requests grow with the scale.
    let pairs = (0..scale * n).flat_map(|a| (a / n * n..(a / n + 1) * n).map(move |b| (a, b)));
    for (a, b) in pairs {
        let (ca, cb) = (company(a), company(b));
        {
            if a == b || ca.country == cb.country || !complementary(ca, cb) {
                continue;
            }
            let (Some(&pa), Some(&pb)) = (first_of.get(&a), first_of.get(&b)) else {
                continue;
            };
            // Requests go from the seeking side to the offering side.
            if ca.kind.ends_with('R') || ca.kind == "RDR" {
                let priority = if ca.nace[0] == cb.nace[0] {
                    Priority::High
                } else {
                    Priority::Normal
                };
                let req = core
                    .request_meeting(
                        &sys,
                        event,
                        pa,
                        pb,
                        priority,
                        "Wir würden Sie gern auf der Hannover Messe treffen.",
                    )
                    .await?;
                let answer = if (a + b) % 9 == 0 {
                    koop_core::ops::meetings::RequestAnswer::Decline
                } else {
                    koop_core::ops::meetings::RequestAnswer::Accept
                };
                core.answer_request(&sys, event, req, answer).await?;
                if answer == koop_core::ops::meetings::RequestAnswer::Accept {
                    accepted.push((req, pa, pb));
                }
            }
        }
    }

    // The scheduler places the accepted requests on the two B2B sessions.
    let report = core
        .schedule_event(&sys, event, std::time::Duration::from_secs(10))
        .await?;
    tracing::debug!(?report, "demo exchange scheduled");
    // The exchange took place: its schedule was published long ago.
    core.set_schedule_state(&sys, event, koop_domain::event::ScheduleState::Final)
        .await?;
    let placed: Vec<_> = core
        .reader(&sys)
        .await?
        .meetings(event, None)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    for (i, m) in placed.iter().enumerate() {
        let status = if i % 17 == 5 {
            MeetingStatus::NoShow
        } else {
            MeetingStatus::Held
        };
        core.set_meeting_status(&sys, event, *m, status).await?;
    }

    // Company visits on day 3, with capacity; the Fraunhofer visit fills up.
    let visits_session = session_ids.last().map(|s| s.0);
    let hosts = [
        (0usize, "Besuch: Montage von Verpackungsanlagen", 12, "de"),
        (
            13,
            "Besuch: Labor für additive Fertigung der Universität",
            10,
            "de",
        ),
        (6, "Besuch: Solarpark in Bau bei Dessau", 8, "de"),
    ];
    let de = LanguageCode::parse("de")?;
    let mut offers = Vec::new();
    for (ci, title, cap, _) in hosts {
        offers.push(
            core.offer_visit(
                &sys,
                event,
                visits_session,
                org_of[ci],
                title,
                "Führung mit Fachgespräch, Dolmetschen Deutsch–Russisch.",
                cap,
                &de,
            )
            .await?,
        );
    }
    let iff = org_short(
        core,
        img,
        "Fraunhofer IFF – Elbfabrik",
        OrgKind::ResearchInstitute,
        "DE",
        "Magdeburg",
        &["72.19"],
    )
    .await?;
    offers.push(
        core.offer_visit(
            &sys,
            event,
            visits_session,
            iff,
            "Besuch: Virtual Development and Training Centre des Fraunhofer IFF",
            "Demonstration digitaler Zwillinge für die Fertigung.",
            6,
            &de,
        )
        .await?,
    );
    // Bookings come from the first copy only: the visits' capacity does not scale.
    for (i, (p, g)) in participants.iter().enumerate() {
        if *g < n && company(*g).country != "DE" && i % 2 == 0 {
            core.book_visit(&sys, offers[i % offers.len()], *p).await?;
        }
    }

    // Follow-up: what came of the meetings.
    for (i, m) in placed
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 6 == 0)
        .take(6)
    {
        let (kind, title) = match i % 3 {
            0 => (
                OutcomeKind::FollowUpMeeting,
                "Folgetreffen beim Partner vereinbart",
            ),
            1 => (
                OutcomeKind::LetterOfIntent,
                "Absichtserklärung zur Zusammenarbeit unterzeichnet",
            ),
            _ => (
                OutcomeKind::ContactEstablished,
                "Kontakt aufgenommen, Angebote ausgetauscht",
            ),
        };
        core.record_outcome(
            &sys,
            img,
            OutcomeData {
                kind,
                title: title.into(),
                achieved_on: d(2019, 6, 15),
                value: None,
                org_ids: vec![],
                attribution: Attribution {
                    meeting_id: Some(*m),
                    event_id: Some(event),
                    network_id: Some(network),
                    ..Attribution::default()
                },
            },
            // What came of one company's meeting is follow-up work of the organisers.
            false,
        )
        .await?;
    }
    core.record_outcome(
        &sys,
        img,
        OutcomeData {
            kind: OutcomeKind::Contract,
            title: "Liefervertrag für Verpackungslinien mit einem Maschinenbauer aus Jekaterinburg"
                .into(),
            achieved_on: d(2019, 11, 20),
            value: None,
            org_ids: vec![org_of[0], org_of[22]],
            attribution: Attribution {
                event_id: Some(event),
                network_id: Some(network),
                ..Attribution::default()
            },
        },
        // A supply contract between two companies is theirs to announce.
        false,
    )
    .await?;

    // The demo participant login acts as the first Russian delegate.
    let demo_participant = participants
        .iter()
        .find(|(_, g)| company(*g).country == "RU")
        .map_or(participants[0].0, |p| p.0);
    Ok((event, event, demo_participant))
}

/// A seeking profile and an offering one that share a NACE division.
fn complementary(a: &super::exchange_people::Company, b: &super::exchange_people::Company) -> bool {
    let pair = matches!(
        (a.kind, b.kind),
        ("BR", "BO") | ("TR", "TO") | ("RDR", "RDR") | ("BR", "TO") | ("TR", "BO")
    );
    let division = |c: &str| c.get(..2).unwrap_or(c).to_owned();
    pair && a
        .nace
        .iter()
        .any(|x| b.nace.iter().any(|y| division(x) == division(y)))
}

/// The chamber co-organises with its own staff in koop: they validate registrations,
/// write to participants and run the day; planning stays with the agency.
async fn co_organising_chamber(
    core: &Core,
    event: EventId,
    agency: AgencyId,
    chamber: OrgId,
) -> CoreResult<()> {
    let sys = Actor::system();
    core.set_agency_org(&sys, agency, chamber).await?;
    let tasks = [Task::Registrations, Task::OnTheDay].into_iter().collect();
    core.set_co_organiser_tasks(&sys, event, chamber, tasks)
        .await?;
    core.create_account(
        &sys,
        koop_core::ops::directory::AccountInput {
            email: "ihk@koop.example".into(),
            display_name: "Außenwirtschaft (IHK Magdeburg)".into(),
            password: super::DEMO_PASSWORD.into(),
            role: koop_domain::account::Role::AgencyStaff,
            agency: Some(agency),
            participant: None,
            event: None,
            ui_language: "de".into(),
        },
    )
    .await?;
    Ok(())
}
