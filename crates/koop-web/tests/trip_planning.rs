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
