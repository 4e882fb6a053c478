//! Planning the demo's delegation trip in the browser's forms: the stations with the
//! group programme and their local partners, recording a new local partner (a bad
//! window is refused beside its field), confirming a proposed pair, and the scheduler
//! placing it in the traveller's itinerary inside the partner's hours.

mod common;

use common::{TestApp, attributes, select, text_of};
use koop_core::Core;
use koop_core::testing::fresh_databases;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_records_a_local_partner_confirms_a_pair_and_the_scheduler_places_it() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let trip = format!("/events/{}/trip", world.trip.0);
        let page = app.get(&trip, Some(&staff)).await;
        assert_eq!(page.status, 200, "{backend}: {}", page.body);
        let stations = select(&page.body, "article.station");
        assert_eq!(stations.len(), 3, "{backend}: {stations:?}");
        assert!(
            stations[1].contains("Firmenbesuche") && stations[1].contains("B2B"),
            "{backend}"
        );
        assert_eq!(
            select(&page.body, "ul.local-partners li").len(),
            8,
            "{backend}"
        );
        assert_eq!(
            select(&page.body, "article.traveller").len(),
            17,
            "{backend}"
        );

        // A window that ends before it begins: refused beside "until", nothing kept.
        let almaty = attributes(&page.body, "select[name=station] option", "value")[1].clone();
        let partner = |from: &str, until: &str| {
            format!(
                "name=%D0%A2%D0%9E%D0%9E+%C2%AB%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B+%D0%A4%D0%B0%D1%80%D0%BC%C2%BB\
                 &country=KZ&city=Almaty&nace=21.20&languages=ru&given_name=Aida&family_name=Nurova\
                 &station={almaty}&from={from}&until={until}"
            )
        };
        let backwards = app
            .post_form(
                &format!("{trip}/partners"),
                &partner("2019-09-18T16:00", "2019-09-18T14:00"),
                Some(&staff),
            )
            .await;
        assert_eq!(backwards.status, 422, "{backend}");
        assert!(
            select(&backwards.body, "label.invalid")
                .join(" ")
                .contains("bis"),
            "{backend}"
        );
        assert_eq!(
            select(&backwards.body, "ul.local-partners li").len(),
            8,
            "{backend}"
        );
        let added = app
            .post_form(
                &format!("{trip}/partners"),
                &partner("2019-09-18T14:00", "2019-09-18T16:00"),
                Some(&staff),
            )
            .await;
        assert_eq!(added.status, 303, "{backend}: {}", added.body);
        let page = app.get(&trip, Some(&staff)).await;
        let almaty_card = &select(&page.body, "article.station")[1];
        assert!(
            almaty_card.contains("Алматы Фарм") && almaty_card.contains("14:00–16:00"),
            "{backend}: {almaty_card}"
        );

        // Confirm one pair the engine proposes and nobody confirmed yet.
        let open = attributes(&page.body, "input[name=pair]:not([disabled])", "value");
        assert!(!open.is_empty(), "{backend}");
        let pair = open[0].clone();
        let confirmed = app
            .post_form(
                &format!("{trip}/pairs"),
                &format!("pair={pair}"),
                Some(&staff),
            )
            .await;
        assert_eq!(confirmed.status, 303, "{backend}: {}", confirmed.body);
        let page = app.get(&trip, Some(&staff)).await;
        assert!(
            attributes(&page.body, "input[name=pair][disabled]", "value").contains(&pair),
            "{backend}: now confirmed"
        );
        let bad = app
            .post_form(&format!("{trip}/pairs"), "pair=1-x", Some(&staff))
            .await;
        assert_eq!(bad.status, 400, "{backend}");

        // The scheduler places it; it shows in the traveller's itinerary.
        let ran = app
            .post_form(
                &format!("/events/{}/schedule", world.trip.0),
                "",
                Some(&staff),
            )
            .await;
        assert_eq!(ran.status, 303, "{backend}: {}", ran.body);
        let options = koop_core::jobs::WorkerOptions::for_this_process();
        while core.run_next_job(&options).await.unwrap() {}
        let (traveller, partner_id) = pair.split_once('-').unwrap();
        let itinerary = app
            .get(
                &format!("/events/{}/meetings?participant={traveller}", world.trip.0),
                Some(&staff),
            )
            .await;
        let partner_name = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .participant(koop_core::domain::ids::ParticipantId(
                partner_id.parse().unwrap(),
            ))
            .await
            .unwrap()
            .org_name;
        assert!(
            text_of(&itinerary.body).contains(&partner_name),
            "{backend}: {partner_name} in the itinerary"
        );
    }
}

/// The value of a property of an iCalendar component, and its TZID if it has one.
fn property(c: &icalendar::parser::Component<'_>, name: &str) -> (String, Option<String>) {
    let p = c.properties.iter().find(|p| p.name == name).unwrap();
    let tz = p
        .params
        .iter()
        .find(|x| x.key == "TZID")
        .and_then(|x| x.val.as_ref().map(|v| v.as_str().to_owned()));
    (p.val.as_str().to_owned(), tz)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entrepreneurs_itinerary_reads_back_from_its_calendar_feed_and_pdf() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let people = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .participants(world.trip)
            .await
            .unwrap();
        let vogt = people
            .iter()
            .find(|p| p.org_name == "Jenaer Präzisionsoptik GmbH")
            .unwrap();
        let page = app
            .get(
                &format!(
                    "/events/{}/meetings?participant={}",
                    world.trip.0, vogt.id.0
                ),
                Some(&staff),
            )
            .await;
        let cards = select(&page.body, "article.meeting");
        let times: Vec<String> = select(&page.body, "article.meeting .when strong");
        assert!(cards.len() >= 5, "{backend}: {cards:?}");
        let link = |kind: &str| {
            page.body
                .split("href=\"")
                .find(|s| s.contains(kind))
                .and_then(|s| s.split('"').next())
                .unwrap()
                .replace("&amp;", "&")
                .replace("&#38;", "&")
        };
        // The feed: the same meetings, each at its station's local time and zone.
        let ics = app.get(&link("agenda.ics"), None).await;
        assert_eq!(ics.status, 200, "{backend}");
        let unfolded = icalendar::parser::unfold(&ics.body);
        let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
        let events: Vec<_> = cal
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        assert_eq!(events.len(), cards.len(), "{backend}");
        let mut zones = std::collections::BTreeSet::new();
        for (event, when) in events.iter().zip(&times) {
            let (start, tz) = property(event, "DTSTART");
            let tz = tz.unwrap();
            let hhmm = when.split('–').next().unwrap().replace(':', "");
            assert!(
                start.ends_with(&format!("T{hhmm}00")),
                "{backend}: {start} vs {when}"
            );
            let (summary, _) = property(event, "SUMMARY");
            if summary.contains("Toshkent")
                || summary.contains("Samarqand")
                || summary.contains("Uzbek")
            {
                assert_eq!(tz, "Asia/Tashkent", "{backend}: {summary}");
            }
            zones.insert(tz);
        }
        assert!(
            zones.contains("Asia/Almaty") && zones.contains("Asia/Tashkent"),
            "{backend}: {zones:?}"
        );
        // The PDF: the same partners and times.
        let pdf = app.get(&link("agenda.pdf"), Some(&staff)).await;
        assert_eq!(pdf.status, 200, "{backend}");
        if let Some(pages) = common::text_of_pdf(&pdf.bytes) {
            let text = pages.join("\n");
            for when in &times {
                let start = when.split('–').next().unwrap();
                assert!(text.contains(start), "{backend}: {start} in the PDF");
            }
            assert!(text.contains("Botschafter"), "{backend}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_online_mission_shows_each_partners_own_clock() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let people = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .participants(world.online)
            .await
            .unwrap();
        let german = people.iter().find(|p| p.time_zone.is_none()).unwrap();
        let page = app
            .get(
                &format!(
                    "/events/{}/meetings?participant={}",
                    world.online.0, german.id.0
                ),
                Some(&staff),
            )
            .await;
        let cards = select(&page.body, "article.meeting");
        assert_eq!(cards.len(), 2, "{backend}: {cards:?}");
        for card in &cards {
            // "09:30–10:00 … · dort 13:30 Asia/Almaty": the same start on the partner's clock.
            let start = card
                .split_whitespace()
                .next()
                .unwrap()
                .split('–')
                .next()
                .unwrap();
            let theirs = card.split("dort ").nth(1).unwrap();
            let (clock, zone) = theirs.split_once(' ').unwrap();
            let zone = zone.split_whitespace().next().unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(2019, 6, 12).unwrap();
            let t = day.and_time(chrono::NaiveTime::parse_from_str(start, "%H:%M").unwrap());
            let expected = koop_core::zones::convert(t, "Europe/Berlin", zone).unwrap();
            assert_eq!(
                clock,
                expected.format("%H:%M").to_string(),
                "{backend}: {card}"
            );
            assert_ne!(zone, "Europe/Berlin", "{backend}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_partner_file_with_a_bad_row_names_its_cells_and_writes_nothing() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/trip");
    let good = std::fs::read(fixtures.join("local-partners.csv")).unwrap();
    let bad = std::fs::read(fixtures.join("local-partners-malformed.csv")).unwrap();
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let path = format!("/events/{}/trip/import", world.trip.0);
        let count = || async {
            core.reader(&koop_core::Actor::system())
                .await
                .unwrap()
                .participants(world.trip)
                .await
                .unwrap()
                .len()
        };
        let before = count().await;
        let refused = app
            .post_file(
                &path,
                &[],
                ("local-partners-malformed.csv", &bad),
                Some(&staff),
            )
            .await;
        assert_eq!(refused.status, 422, "{backend}: {}", refused.body);
        let problems = select(&refused.body, "ul.problems li");
        let all = problems.join("\n");
        for needle in [
            "Zeile 3",
            "Usbekistan",
            "Samarkand",
            "2019-09-25",
            "Asia/Toshkent",
        ] {
            assert!(all.contains(needle), "{backend}: {needle} in {problems:?}");
        }
        assert!(!all.contains("Zeile 2"), "{backend}: the good row is fine");
        assert_eq!(count().await, before, "{backend}: nothing written");
        let imported = app
            .post_file(&path, &[], ("local-partners.csv", &good), Some(&staff))
            .await;
        assert_eq!(imported.status, 303, "{backend}: {}", imported.body);
        assert_eq!(count().await, before + 2, "{backend}");
        let page = app
            .get(&format!("/events/{}/trip", world.trip.0), Some(&staff))
            .await;
        let stations = select(&page.body, "article.station");
        assert!(
            stations[1].contains("Алматы Фарм") && stations[1].contains("13:00–18:00"),
            "{backend}"
        );
        assert!(stations[2].contains("Toshkent Tekstil"), "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_meeting_goes_back_to_the_scheduler_from_the_itinerary() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let sys = koop_core::Actor::system();
        let online = world.online;
        let m = core
            .reader(&sys)
            .await
            .unwrap()
            .meetings(online, None)
            .await
            .unwrap()[0]
            .clone();
        core.set_meeting_status(
            &sys,
            online,
            m.id,
            koop_core::domain::meeting::MeetingStatus::Cancelled,
        )
        .await
        .unwrap();
        let who = m.attendees[0].participant.0;
        let page = app
            .get(
                &format!("/events/{}/meetings?participant={who}", online.0),
                Some(&staff),
            )
            .await;
        let action = format!("/events/{}/meetings/{}/reopen", online.0, m.id.0);
        assert!(
            attributes(&page.body, "form", "action").contains(&action),
            "{backend}: a button to place it again"
        );
        let reopened = app.post_form(&action, "", Some(&staff)).await;
        assert_eq!(reopened.status, 303, "{backend}: {}", reopened.body);
        let twice = app.post_form(&action, "", Some(&staff)).await;
        assert_eq!(twice.status, 409, "{backend}");
        let report = core
            .schedule_event(&sys, online, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(report.placed, 1, "{backend}: {report:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meetings_briefing_names_both_sides_and_why_they_were_matched() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let sys = koop_core::Actor::system();
        // A pair the engine proposed and the agency confirmed.
        let proposed = core
            .trip_proposals(&sys, world.trip, 3)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.confirmed)
            .unwrap();
        let meetings = core
            .reader(&sys)
            .await
            .unwrap()
            .meetings(world.trip, None)
            .await
            .unwrap();
        let m = meetings
            .iter()
            .find(|m| {
                m.attendees
                    .iter()
                    .any(|a| a.participant == proposed.traveller)
                    && m.attendees
                        .iter()
                        .any(|a| a.participant == proposed.partner)
            })
            .unwrap();
        let path = format!("/events/{}/meetings/{}/briefing", world.trip.0, m.id.0);
        let page = app.get(&path, Some(&staff)).await;
        assert_eq!(page.status, 200, "{backend}: {}", page.body);
        let sides = select(&page.body, "article.side");
        assert_eq!(sides.len(), 2, "{backend}");
        assert!(
            sides.iter().any(|s| s.contains(&proposed.traveller_name)),
            "{backend}"
        );
        assert!(
            sides.iter().any(|s| s.contains(&proposed.partner_name)),
            "{backend}"
        );
        let reasons = select(&page.body, "section[aria-labelledby=why] ul.reasons li");
        assert!(!reasons.is_empty(), "{backend}: the engine's reasons");
        // The itinerary links to it; strangers do not see it.
        let who = proposed.traveller.0;
        let itinerary = app
            .get(
                &format!("/events/{}/meetings?participant={who}", world.trip.0),
                Some(&staff),
            )
            .await;
        assert!(
            attributes(&itinerary.body, "a", "href").contains(&path),
            "{backend}"
        );
        assert_eq!(app.get(&path, None).await.status, 403, "{backend}");
        let other = app.login_demo("img@koop.example").await;
        assert_eq!(app.get(&path, Some(&other)).await.status, 403, "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_groups_programme_prints_every_session_with_its_official_meetings() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let path = format!("/events/{}/programme.pdf", world.trip.0);
        assert_eq!(app.get(&path, None).await.status, 403, "{backend}");
        let trip = app
            .get(&format!("/events/{}/trip", world.trip.0), Some(&staff))
            .await;
        assert!(
            attributes(&trip.body, "a", "href").contains(&path),
            "{backend}"
        );
        let pdf = app.get(&path, Some(&staff)).await;
        assert_eq!(pdf.status, 200, "{backend}");
        assert!(pdf.bytes.starts_with(b"%PDF"), "{backend}");
        if let Some(pages) = common::text_of_pdf(&pdf.bytes) {
            let text = pages.join("\n");
            for needle in [
                "16.09.2019",
                "Empfang beim Botschafter",
                "Firmenbesuche in der",
                "Asia/Tashkent",
                "Einzelgespräche",
            ] {
                assert!(
                    text.contains(needle),
                    "{backend}: {needle} in the programme"
                );
            }
        }
        // An itinerary names a group meeting's group, not two dozen companies.
        let who = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .participants(world.trip)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.org_name == "Jenaer Präzisionsoptik GmbH")
            .unwrap()
            .id
            .0;
        let itinerary = app
            .get(
                &format!("/events/{}/meetings?participant={who}", world.trip.0),
                Some(&staff),
            )
            .await;
        let reception = select(&itinerary.body, "article.meeting")
            .into_iter()
            .find(|c| c.contains("Botschafter"))
            .unwrap();
        assert!(
            reception.contains("die ganze Gruppe (24 weitere)"),
            "{backend}: {reception}"
        );
        assert!(!reception.contains("Thüringer Allgemeine"), "{backend}");
    }
}
