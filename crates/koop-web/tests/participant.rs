//! A participant's own pages: a request with a message lands in the other side's
//! inbox, is answered there once, and the agenda shows the meeting by day with the
//! partner.

mod common;

use common::{TestApp, select};
use koop_core::domain::account::Role;
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_with_a_message_is_answered_in_the_inbox_once_and_reaches_the_agenda() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(3).slots(4).create().await;
        let p = &ev.participants;
        let (_, alice) = a
            .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let (_, bob) = a
            .login("bob", Role::Participant, Some(ev.id), Some(p[1]))
            .await;
        let app = TestApp::new(core.clone());
        let (alice, bob) = (app.login_as(&alice).await, app.login_as(&bob).await);
        let e = ev.id.0;

        let sent = app
            .post_form(
                &format!("/events/{e}/requests"),
                &format!(
                    "requester={}&receiver={}&message=Treffen+wir+uns+am+Stand%3F",
                    p[0], p[1]
                ),
                Some(&alice),
            )
            .await;
        assert_eq!(sent.status, 303, "{backend}: {}", sent.body);

        // Bob's start page says what to do next.
        let home = app.get("/", Some(&bob)).await;
        let todo = select(&home.body, "ul.todo li.urgent");
        assert!(
            todo.iter()
                .any(|t| t == "Ein Gesprächswunsch wartet auf Ihre Antwort"),
            "{backend}: {todo:?}"
        );
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob)).await;
        assert_eq!(inbox.status, 200, "{backend}");
        let received = select(&inbox.body, "article.request");
        assert_eq!(received.len(), 1, "{backend}: {received:?}");
        assert!(
            received[0].contains("Börse Firma 1")
                && received[0].contains("Treffen wir uns am Stand?")
        );
        let buttons = select(&inbox.body, "article.request button");
        assert_eq!(buttons, vec!["Annehmen", "Ablehnen"], "{backend}");
        let action = common::form_action(&inbox.body, "/requests/");

        // Alice may not answer her own request in Bob's name.
        let forged = app.post_form(&action, "answer=accept", Some(&alice)).await;
        assert_eq!(forged.status, 403, "{backend}");
        let accepted = app.post_form(&action, "answer=accept", Some(&bob)).await;
        assert_eq!(accepted.status, 303, "{backend}");
        let home = app.get("/", Some(&bob)).await;
        assert!(
            !home.body.contains("wartet auf Ihre Antwort"),
            "{backend}: answered"
        );
        let again = app.post_form(&action, "answer=accept", Some(&bob)).await;
        assert_eq!(again.status, 409, "{backend}");
        assert!(
            again.body.contains("schon beantwortet"),
            "{backend}: {}",
            again.body
        );
        let bad = app.post_form(&action, "answer=maybe", Some(&bob)).await;
        assert_eq!(bad.status, 400, "{backend}");

        // Alice sees it accepted, and may still withdraw.
        let hers = app.get(&format!("/events/{e}/inbox"), Some(&alice)).await;
        assert_eq!(
            select(&hers.body, "article.request .tag"),
            vec!["angenommen"],
            "{backend}"
        );
        assert_eq!(
            select(&hers.body, "article.request button"),
            vec!["Zurückziehen"]
        );

        // Scheduled, the meeting is on both agendas, each naming the other side.
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let agenda = app
            .get(&format!("/events/{e}/meetings"), Some(&alice))
            .await;
        let cards = select(&agenda.body, "article.meeting");
        assert_eq!(cards.len(), 1, "{backend}: {cards:?}");
        assert!(
            cards[0].contains("Börse Firma 2") && cards[0].contains("Tisch"),
            "{cards:?}"
        );
        assert_eq!(select(&agenda.body, "section.day h2"), vec!["01.03.2030"]);
        let when = select(&agenda.body, "article.meeting .when strong")[0].clone();

        // The calendar feed: readable with its token and without a login, it holds the
        // same meeting at the same local time, in the venue's zone.
        let feed = agenda
            .body
            .split("href=\"")
            .find(|s| s.contains("agenda.ics"))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .replace("&amp;", "&")
            .replace("&#38;", "&");
        let ics = app.get(&feed, None).await;
        assert_eq!(ics.status, 200, "{backend}: {}", ics.body);
        let unfolded = icalendar::parser::unfold(&ics.body);
        let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
        let events: Vec<_> = cal
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        assert_eq!(events.len(), 1, "{backend}");
        let start = events[0]
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        assert!(start.params.iter().any(
            |p| p.key == "TZID" && p.val.as_ref().map(|v| v.as_str()) == Some("Europe/Berlin")
        ));
        let hhmm = when.split('–').next().unwrap().replace(':', "");
        assert!(
            start.val.as_str().ends_with(&format!("T{hhmm}00")),
            "{} vs {when}",
            start.val
        );
        let summary = events[0]
            .properties
            .iter()
            .find(|p| p.name == "SUMMARY")
            .unwrap();
        assert!(
            summary.val.as_str().contains("Börse Firma 2"),
            "{}",
            summary.val
        );
        assert!(cal.components.iter().any(|c| c.name == "VTIMEZONE"));
        // A token is good for its own participant only.
        let forged = feed.replace(
            &format!("participant={}", p[0]),
            &format!("participant={}", p[1]),
        );
        assert_eq!(app.get(&forged, None).await.status, 404, "{backend}");
        let wrong = format!("/events/{e}/agenda.ics?participant={}&token=00", p[0]);
        assert_eq!(app.get(&wrong, None).await.status, 404, "{backend}");

        // Once held, the meeting can be rated by its participants, once each.
        assert!(
            select(&agenda.body, "form.rating").is_empty(),
            "not before it is held"
        );
        let meeting = core
            .reader(&a.staff)
            .await
            .unwrap()
            .meetings(ev.id, None)
            .await
            .unwrap()[0]
            .id;
        core.set_meeting_status(
            &a.staff,
            ev.id,
            meeting,
            koop_core::domain::meeting::MeetingStatus::Held,
        )
        .await
        .unwrap();
        let agenda = app
            .get(&format!("/events/{e}/meetings"), Some(&alice))
            .await;
        assert_eq!(select(&agenda.body, "form.rating").len(), 1, "{backend}");
        let rate = format!("/events/{e}/meetings/{}/rating", meeting.0);
        let me = format!("participant={}", p[0]);
        let bad = app
            .post_form(&rate, &format!("{me}&score=7"), Some(&alice))
            .await;
        assert_eq!(bad.status, 422, "{backend}");
        assert!(bad.body.contains("von 1 bis 5"), "{backend}: {}", bad.body);
        assert_eq!(
            app.post_form(&rate, &format!("{me}&score=4"), Some(&alice))
                .await
                .status,
            303
        );
        assert_eq!(
            app.post_form(
                &rate,
                &format!("{me}&score=5&comment=Sehr+gut"),
                Some(&alice)
            )
            .await
            .status,
            303
        );
        // Nobody rates in someone else's name, nor a meeting they were not in.
        assert_eq!(
            app.post_form(&rate, &format!("{me}&score=1"), Some(&bob))
                .await
                .status,
            403
        );
        let (_, carol) = a
            .login("carol", Role::Participant, Some(ev.id), Some(p[2]))
            .await;
        let carol = app.login_as(&carol).await;
        let hers = format!("participant={}&score=1", p[2]);
        assert_eq!(app.post_form(&rate, &hers, Some(&carol)).await.status, 404);
        let again = app
            .get(&format!("/events/{e}/meetings"), Some(&alice))
            .await;
        assert_eq!(select(&again.body, "form.rating input[checked]").len(), 1);
        assert!(again.body.contains("Sehr gut"));
        let stats = app
            .get(
                &format!("/events/{e}/statistics"),
                Some(&app.login_as(&a.staff_email).await),
            )
            .await;
        let rows = select(&stats.body, "figure.chart table.chart-data tr");
        assert!(
            rows.iter().any(|r| r == "5 ★ 1") && rows.iter().any(|r| r == "4 ★ 0"),
            "{backend}: {rows:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_downloads_their_data_and_erases_the_account_and_the_figures_still_add_up() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(2).create().await;
        let p = &ev.participants;
        let r = core
            .request_meeting(
                &a.staff,
                ev.id,
                p[0],
                p[1],
                koop_core::domain::meeting::Priority::Normal,
                "Hallo",
            )
            .await
            .unwrap();
        core.answer_request(
            &a.staff,
            ev.id,
            r,
            koop_core::ops::meetings::RequestAnswer::Accept,
        )
        .await
        .unwrap();
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let (_, email) = a
            .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let app = TestApp::new(core.clone());
        let alice = app.login_as(&email).await;
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        let before = select(
            &app.get(&format!("/events/{e}/statistics"), Some(&staff))
                .await
                .body,
            "table.chart-data tr",
        );

        let data = app.get("/account/data.json", Some(&alice)).await;
        assert_eq!(data.status, 200, "{backend}");
        let json: serde_json::Value = serde_json::from_str(&data.body).unwrap();
        assert_eq!(json["account"]["email"], email.as_str());
        assert_eq!(
            json["participation"]["person"]["family_name"],
            "Börse Person 1"
        );
        assert_eq!(
            json["participation"]["meetings"].as_array().unwrap().len(),
            1
        );
        assert_eq!(json["participation"]["requests"][0]["message"], "Hallo");

        let wrong = app
            .post_form("/account/erase", "password=falsch", Some(&alice))
            .await;
        assert_eq!(wrong.status, 401, "{backend}");
        let done = app
            .post_form(
                "/account/erase",
                &format!("password={}", koop_core::testing::TEST_PASSWORD),
                Some(&alice),
            )
            .await;
        assert_eq!(done.status, 303, "{backend}: {}", done.body);
        assert!(
            app.login(&email, koop_core::testing::TEST_PASSWORD)
                .await
                .is_none(),
            "{backend}"
        );
        assert_eq!(
            app.get("/account", Some(&alice)).await.status,
            403,
            "the session ended"
        );

        // The event's figures are the same; the person's name is gone.
        let after = select(
            &app.get(&format!("/events/{e}/statistics"), Some(&staff))
                .await
                .body,
            "table.chart-data tr",
        );
        assert_eq!(before, after, "{backend}");
        let list = app
            .get(&format!("/events/{e}/participants"), Some(&staff))
            .await;
        assert!(!list.body.contains("Börse Person 1"), "{backend}");
        assert!(
            list.body.contains("Börse Firma 1"),
            "{backend}: the organisation stays"
        );
    }
}
