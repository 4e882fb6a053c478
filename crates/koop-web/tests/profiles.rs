//! A participant writes their cooperation profiles in the browser's form: a bad
//! field comes back beside it with the rest kept, a saved profile is in the
//! marketplace and editable, and taking it off hides it; nobody else may edit it.

mod common;

use common::{Session, TestApp, select};
use koop_core::domain::account::Role;
use koop_core::testing::{TestAgency, TestEvent, fresh_databases};

fn field(html: &str, name: &str) -> Vec<String> {
    select(html, &format!("label:has([name=\"{name}\"]) .field-error"))
}

const GOOD: &str = "kind=BO&language=de&title=Lohnfertigung+Blech&summary=Wir+lasern+und+kanten+Bleche+bis+20+mm.\
&description=&keywords=Laserschneiden%2C+Kanten&nace=25.62&countries_sought=PL%2C+LV&languages=de%2C+en&deadline=2027-12-31";

/// An event of `n` participants, with the first two logged in as Alice and Bob.
async fn alice_and_bob(
    core: &koop_core::Core,
    n: usize,
) -> (TestAgency, TestEvent, TestApp, Session, Session) {
    let a = TestAgency::create(core, "a").await;
    let ev = a.event("Börse").participants(n).create().await;
    let p = &ev.participants;
    let (_, alice) = a
        .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
        .await;
    let (_, bob) = a
        .login("bob", Role::Participant, Some(ev.id), Some(p[1]))
        .await;
    let app = TestApp::new(core.clone());
    let (alice, bob) = (app.login_as(&alice).await, app.login_as(&bob).await);
    (a, ev, app, alice, bob)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_writes_edits_and_withdraws_a_cooperation_profile() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let (a, ev, app, alice, bob) = alice_and_bob(&core, 2).await;
        let e = ev.id.0;

        // Without a profile, the start page and the event page say so and lead to the form.
        let home = app.get("/", Some(&alice)).await;
        assert!(
            home.body
                .contains(&format!("href=\"/events/{e}/profiles/new\"")),
            "{backend}: the start page links to the form"
        );
        let page = app.get(&format!("/events/{e}"), Some(&alice)).await;
        assert_eq!(
            select(&page.body, "section.mine h2"),
            vec!["Ihre Kooperationsprofile"],
            "{backend}"
        );
        let form = app
            .get(&format!("/events/{e}/profiles/new"), Some(&alice))
            .await;
        assert_eq!(form.status, 200, "{backend}");

        // Every bad field at once, beside its field, with what was typed kept.
        let bad = GOOD
            .replace("countries_sought=PL%2C+LV", "countries_sought=Polen")
            .replace("deadline=2027-12-31", "deadline=31.12.2027")
            .replace(
                "summary=Wir+lasern+und+kanten+Bleche+bis+20+mm.",
                "summary=",
            );
        let refused = app
            .post_form(&format!("/events/{e}/profiles/new"), &bad, Some(&alice))
            .await;
        assert_eq!(refused.status, 422, "{backend}: {}", refused.body);
        assert_eq!(
            field(&refused.body, "countries_sought").len(),
            1,
            "{backend}"
        );
        assert!(
            field(&refused.body, "countries_sought")[0].contains("Polen"),
            "{backend}: {:?}",
            field(&refused.body, "countries_sought")
        );
        assert!(
            field(&refused.body, "deadline")[0].contains("31.12.2027"),
            "{backend}"
        );
        assert!(refused.body.contains("value=\"Lohnfertigung Blech\""));

        let saved = app
            .post_form(&format!("/events/{e}/profiles/new"), GOOD, Some(&alice))
            .await;
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);
        let market = app
            .get(
                &format!("/events/{e}/profiles?q=laserschneiden"),
                Some(&bob),
            )
            .await;
        assert!(
            market.body.contains("Lohnfertigung Blech"),
            "{backend}: the new profile is in the marketplace"
        );
        let page = app.get(&format!("/events/{e}"), Some(&alice)).await;
        let mine = select(&page.body, "section.mine li");
        assert_eq!(mine.len(), 1, "{backend}: {mine:?}");
        assert!(mine[0].contains("Lohnfertigung Blech") && mine[0].contains("Geschäftsangebot"));
        let edit = page
            .body
            .split("href=\"")
            .find(|s| s.starts_with("/profiles/"))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();

        // Bob may see the profile but not edit it.
        assert_eq!(app.get(&edit, Some(&bob)).await.status, 404, "{backend}");
        let forged = app.post_form(&edit, GOOD, Some(&bob)).await;
        assert_eq!(forged.status, 404, "{backend}");

        let form = app.get(&edit, Some(&alice)).await;
        assert!(
            form.body.contains("value=\"PL, LV\""),
            "{backend}: stored lists come back"
        );
        let changed = app
            .post_form(
                &edit,
                &GOOD.replace("Lohnfertigung+Blech", "Lohnfertigung+Edelstahl"),
                Some(&alice),
            )
            .await;
        assert_eq!(changed.status, 303, "{backend}: {}", changed.body);
        let market = app.get(&format!("/events/{e}/profiles"), Some(&bob)).await;
        assert!(market.body.contains("Lohnfertigung Edelstahl"), "{backend}");
        assert!(!market.body.contains("Lohnfertigung Blech"), "{backend}");

        // Off the marketplace, and back on.
        let id = edit
            .trim_start_matches("/profiles/")
            .trim_end_matches("/edit");
        let off = app
            .post_form(
                &format!("/profiles/{id}/publication"),
                "published=false",
                Some(&alice),
            )
            .await;
        assert_eq!(off.status, 303, "{backend}");
        let market = app.get(&format!("/events/{e}/profiles"), Some(&bob)).await;
        assert!(
            !market.body.contains("Lohnfertigung Edelstahl"),
            "{backend}"
        );
        let page = app.get(&format!("/events/{e}"), Some(&alice)).await;
        assert_eq!(
            select(&page.body, "section.mine li .badge"),
            vec!["nicht auf dem Marktplatz"],
            "{backend}"
        );
        let again = app
            .post_form(
                &format!("/profiles/{id}/publication"),
                "published=false",
                Some(&alice),
            )
            .await;
        assert_eq!(again.status, 303, "{backend}: a second tap changes nothing");
        let on = app
            .post_form(
                &format!("/profiles/{id}/publication"),
                "published=true",
                Some(&alice),
            )
            .await;
        assert_eq!(on.status, 303, "{backend}");
        let market = app.get(&format!("/events/{e}/profiles"), Some(&bob)).await;
        assert!(market.body.contains("Lohnfertigung Edelstahl"), "{backend}");

        // The organisers may edit it; the audit log has each change.
        let staff = app.login_as(&a.staff_email).await;
        assert_eq!(app.get(&edit, Some(&staff)).await.status, 200, "{backend}");
        let log = core
            .reader(&a.staff)
            .await
            .unwrap()
            .audit(50)
            .await
            .unwrap();
        let actions: Vec<&str> = log.iter().map(|x| x.action.as_str()).collect();
        for a in [
            "profile.created",
            "profile.updated",
            "profile.status_changed",
        ] {
            assert!(actions.contains(&a), "{backend}: {a} in {actions:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_requests_a_meeting_from_the_marketplace_and_returns_to_the_search() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let (_agency, ev, app, alice, bob) = alice_and_bob(&core, 5).await;
        let p = &ev.participants;
        let e = ev.id.0;
        let saved = app
            .post_form(&format!("/events/{e}/profiles/new"), GOOD, Some(&bob))
            .await;
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);

        // Bob's own profile has no request button; Alice sees one on it.
        let market = app
            .get(&format!("/events/{e}/profiles?q=blech"), Some(&bob))
            .await;
        assert!(select(&market.body, "form.ask").is_empty(), "{backend}");
        let search = format!("/events/{e}/profiles?q=blech");
        let market = app.get(&search, Some(&alice)).await;
        assert_eq!(
            select(&market.body, "form.ask button"),
            vec!["Gespräch anfragen"],
            "{backend}"
        );

        // A request names where to return; only this event's marketplace is accepted.
        let ask = |receiver, back: &str| {
            format!(
                "requester={}&receiver={receiver}&message=Hallo&back={}",
                p[0],
                form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
            )
        };
        let sent = app
            .post_form(
                &format!("/events/{e}/requests"),
                &ask(p[1], &search),
                Some(&alice),
            )
            .await;
        assert_eq!(sent.status, 303, "{backend}: {}", sent.body);
        assert_eq!(sent.location.as_deref(), Some(search.as_str()), "{backend}");
        let market = app.get(&search, Some(&alice)).await;
        assert!(
            select(&market.body, "form.ask").is_empty(),
            "{backend}: asked"
        );
        assert_eq!(
            select(&market.body, "article.profile p.muted").len(),
            1,
            "{backend}: the card says the request is open"
        );

        for (to, elsewhere) in [
            (p[2], "https://evil.example/".to_owned()),
            (p[3], format!("/events/{e}/profilesX")),
            (p[4], format!("/events/{e}/profiles/../../admin")),
        ] {
            let sent = app
                .post_form(
                    &format!("/events/{e}/requests"),
                    &ask(to, &elsewhere),
                    Some(&alice),
                )
                .await;
            assert_eq!(sent.status, 303, "{backend}: {}", sent.body);
            let location = sent.location.unwrap_or_default();
            assert!(
                location.starts_with(&format!("/events/{e}/recommendations")),
                "{backend}: {elsewhere} led to {location}"
            );
        }
    }
}
