//! Company visits: participants name their wishes in order, the organisers give out the
//! seats fairly in one go (each gets one visit at most, the seats are never exceeded,
//! who gets none waits for their first wish), and a seat given back goes to the one
//! waiting.

mod common;

use common::{TestApp, select};
use koop_core::domain::account::Role;
use koop_core::domain::values::LanguageCode;
use koop_core::domain::visit::BookingStatus;
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wishes_are_assigned_fairly_and_a_seat_given_back_goes_to_the_one_waiting() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(3).create().await;
        let de = LanguageCode::parse("de").unwrap();
        let mut offers = Vec::new();
        for (i, title) in ["Besuch: Laserzentrum", "Besuch: Gießerei"]
            .iter()
            .enumerate()
        {
            offers.push(
                core.offer_visit(&a.staff, ev.id, None, ev.orgs[i], title, "", 1, &de)
                    .await
                    .unwrap()
                    .0,
            );
        }
        let app = TestApp::new(core.clone());
        let mut people = Vec::new();
        for (i, name) in ["anna", "ben", "cleo"].iter().enumerate() {
            let (_, email) = a
                .login(
                    name,
                    Role::Participant,
                    Some(ev.id),
                    Some(ev.participants[i]),
                )
                .await;
            people.push(app.login_as(&email).await);
        }
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        let page = format!("/events/{e}/visits");
        let wishes = format!("/events/{e}/visits/wishes");
        let (v1, v2) = (offers[0], offers[1]);

        // The start page asks for wishes until there are some.
        let home = app.get("/", Some(&people[0])).await;
        assert!(
            select(&home.body, "ul.todo li.urgent")
                .iter()
                .any(|t| t == "Nennen Sie Ihre Wünsche für die Firmenbesuche"),
            "{backend}"
        );
        // Bad wishes are refused: a made-up visit, the same one twice.
        let bad = app
            .post_form(&wishes, "wish1=laser", Some(&people[0]))
            .await;
        assert_eq!(bad.status, 400, "{backend}: {}", bad.body);
        let twice = app
            .post_form(&wishes, &format!("wish1={v1}&wish2={v1}"), Some(&people[0]))
            .await;
        assert_eq!(twice.status, 422, "{backend}: {}", twice.body);

        // Everyone wants the laser centre first; Anna and Cleo would take the foundry too.
        for (who, form) in [
            (0, format!("wish1={v1}&wish2={v2}")),
            (1, format!("wish1={v1}")),
            (2, format!("wish1={v1}&wish2={v2}&wish3=")),
        ] {
            let saved = app.post_form(&wishes, &form, Some(&people[who])).await;
            assert_eq!(saved.status, 303, "{backend}: {}", saved.body);
        }
        let mine = app.get(&page, Some(&people[0])).await;
        assert_eq!(
            select(&mine.body, "ol.wishes li"),
            vec!["Besuch: Laserzentrum", "Besuch: Gießerei"],
            "{backend}"
        );
        // Only organisers give out seats, and they wish for nobody.
        let forged = app
            .post_form(&format!("/events/{e}/visits/assign"), "", Some(&people[0]))
            .await;
        assert_eq!(forged.status, 403, "{backend}");
        let staff_page = app.get(&page, Some(&staff)).await;
        assert!(staff_page.body.contains("offene Wünsche: 3"), "{backend}");

        let assigned = app
            .post_form(&format!("/events/{e}/visits/assign"), "", Some(&staff))
            .await;
        assert_eq!(assigned.status, 303, "{backend}: {}", assigned.body);
        let held = async || {
            let mut out = Vec::new();
            for p in &ev.participants {
                let b = core
                    .reader(&a.staff)
                    .await
                    .unwrap()
                    .visit_bookings_of(ev.id, *p)
                    .await
                    .unwrap();
                out.push(
                    b.into_iter()
                        .filter(|x| {
                            matches!(x.2, BookingStatus::Confirmed | BookingStatus::Waitlisted)
                        })
                        .map(|x| (x.0, x.1.0, x.2))
                        .collect::<Vec<_>>(),
                );
            }
            out
        };
        let got = held().await;
        assert!(
            got.iter().all(|g| g.len() == 1),
            "{backend}: one each: {got:?}"
        );
        let seated = |o: i64| {
            got.iter()
                .filter(|g| g[0].1 == o && g[0].2 == BookingStatus::Confirmed)
                .count()
        };
        assert_eq!((seated(v1), seated(v2)), (1, 1), "{backend}: {got:?}");
        let waiting: Vec<usize> = (0..3)
            .filter(|i| got[*i][0].2 == BookingStatus::Waitlisted)
            .collect();
        assert_eq!(waiting.len(), 1, "{backend}: {got:?}");
        assert_eq!(
            got[waiting[0]][0].1, v1,
            "{backend}: waits for the first wish"
        );
        // Ben wished only the laser centre, so he has it or waits for it.
        assert_eq!(got[1][0].1, v1, "{backend}");

        // The one in the laser centre gives the seat back: the one waiting gets it.
        let in_v1 = (0..3)
            .find(|i| got[*i][0].1 == v1 && got[*i][0].2 == BookingStatus::Confirmed)
            .unwrap();
        let back = app
            .post_form(
                &format!("/events/{e}/visits/bookings/{}/give-back", got[in_v1][0].0),
                "",
                Some(&people[in_v1]),
            )
            .await;
        assert_eq!(back.status, 303, "{backend}: {}", back.body);
        let after = held().await;
        assert_eq!(
            after[waiting[0]][0].2,
            BookingStatus::Confirmed,
            "{backend}: {after:?}"
        );
        assert!(after[in_v1].is_empty(), "{backend}");
        let page_now = app.get(&page, Some(&people[waiting[0]])).await;
        assert!(page_now.body.contains("Sie haben einen Platz"), "{backend}");
        let home = app.get("/", Some(&people[waiting[0]])).await;
        assert!(
            select(&home.body, "ul.todo li")
                .iter()
                .any(|t| t
                    .starts_with("Firmenbesuche: Besuch: Laserzentrum · Sie haben einen Platz")),
            "{backend}: {:?}",
            select(&home.body, "ul.todo li")
        );
    }
}
