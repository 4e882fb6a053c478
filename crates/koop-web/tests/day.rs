//! The organisers' day: a check-in and a no-show with one tap each; nobody else can,
//! and a meeting of another event cannot be touched through this one's address.

mod common;

use common::{TestApp, select};
use koop_core::domain::account::Role;
use koop_core::domain::meeting::Priority;
use koop_core::ops::meetings::RequestAnswer;
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_check_in_and_mark_a_no_show_in_one_tap_each() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(2).create().await;
        let other = a.event("Andere").participants(2).create().await;
        let p = &ev.participants;
        let r = core
            .request_meeting(&a.staff, ev.id, p[0], p[1], Priority::Normal, "")
            .await
            .unwrap();
        core.answer_request(&a.staff, ev.id, r, RequestAnswer::Accept)
            .await
            .unwrap();
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let (_, organiser) = a
            .login("org", Role::EventOrganiser, Some(ev.id), None)
            .await;
        let (_, part) = a
            .login("p", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let app = TestApp::new(core.clone());
        let (org, part) = (app.login_as(&organiser).await, app.login_as(&part).await);
        let e = ev.id.0;
        let day = format!("/events/{e}/day?date=2030-03-01");

        let page = app.get(&day, Some(&org)).await;
        assert_eq!(page.status, 200, "{backend}");
        assert_eq!(select(&page.body, "article.meeting").len(), 1, "{backend}");
        assert_eq!(
            select(&page.body, "article.arrival button"),
            vec!["Einchecken"; 2]
        );
        assert_eq!(app.get(&day, Some(&part)).await.status, 403, "{backend}");

        let check_in = format!("/events/{e}/day/check-in");
        let body = format!("participant={}", p[0]);
        assert_eq!(
            app.post_form(&check_in, &body, Some(&part)).await.status,
            403
        );
        assert_eq!(
            app.post_form(&check_in, &body, Some(&org)).await.status,
            303
        );
        let again = app.post_form(&check_in, &body, Some(&org)).await;
        assert_eq!(again.status, 422, "{backend}: checked in already");
        // A participant of another event, through this event's address.
        let foreign = format!("participant={}", other.participants[0]);
        assert_eq!(
            app.post_form(&check_in, &foreign, Some(&org)).await.status,
            404
        );

        let page = app.get(&day, Some(&org)).await;
        assert_eq!(
            select(&page.body, "article.arrival button").len(),
            1,
            "{backend}"
        );
        let action = common::form_action(&page.body, "/day/meetings/");
        assert_eq!(
            app.post_form(&action, "status=no_show", Some(&part))
                .await
                .status,
            403
        );
        assert_eq!(
            app.post_form(&action, "status=maybe", Some(&org))
                .await
                .status,
            422
        );
        assert_eq!(
            app.post_form(&action, "status=no_show", Some(&org))
                .await
                .status,
            303
        );
        let page = app.get(&day, Some(&org)).await;
        assert_eq!(
            select(&page.body, "article.meeting .tag"),
            vec!["nicht erschienen"]
        );
        assert!(
            select(&page.body, "article.meeting button").is_empty(),
            "{backend}"
        );
        // The statistics count what happened.
        let stats = app
            .get(&format!("/events/{e}/statistics"), Some(&org))
            .await;
        assert_eq!(stats.status, 200, "{backend}");
        let rows = select(&stats.body, "figure.chart table.chart-data tr");
        for want in ["eingeplant 1", "nicht erschienen 1", "1 2"] {
            assert!(
                rows.iter().any(|r| r == want),
                "{backend}: {want} in {rows:?}"
            );
        }
        assert_eq!(
            app.get(&format!("/events/{e}/statistics"), Some(&part))
                .await
                .status,
            403
        );
        let wrong = action.replace(
            &format!("/events/{e}/"),
            &format!("/events/{}/", other.id.0),
        );
        assert_eq!(
            app.post_form(&wrong, "status=held", Some(&org))
                .await
                .status,
            404
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participants_see_the_schedule_once_it_is_published_first_as_preliminary() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .participants(2)
            .schedule_draft()
            .create()
            .await;
        let p = &ev.participants;
        let r = core
            .request_meeting(&a.staff, ev.id, p[0], p[1], Priority::Normal, "")
            .await
            .unwrap();
        core.answer_request(&a.staff, ev.id, r, RequestAnswer::Accept)
            .await
            .unwrap();
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let (_, organiser) = a
            .login("org", Role::EventOrganiser, Some(ev.id), None)
            .await;
        let (_, part) = a
            .login("p", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let app = TestApp::new(core.clone());
        let (org, part) = (app.login_as(&organiser).await, app.login_as(&part).await);
        let e = ev.id.0;
        let agenda = format!("/events/{e}/meetings");

        let draft = app.get(&agenda, Some(&part)).await;
        assert!(
            select(&draft.body, "article.meeting").is_empty(),
            "{backend}: a draft is hidden"
        );
        assert!(
            draft.body.contains("erstellt den Zeitplan noch"),
            "{backend}"
        );
        assert_eq!(
            select(&app.get(&agenda, Some(&org)).await.body, "article.meeting").len(),
            1
        );

        let state = format!("/events/{e}/schedule/state");
        assert_eq!(
            app.post_form(&state, "state=final", Some(&part))
                .await
                .status,
            403
        );
        assert_eq!(
            app.post_form(&state, "state=preliminary", Some(&org))
                .await
                .status,
            303
        );
        assert_eq!(
            app.post_form(&state, "state=preliminary", Some(&org))
                .await
                .status,
            409
        );
        let preliminary = app.get(&agenda, Some(&part)).await;
        assert_eq!(
            select(&preliminary.body, "article.meeting").len(),
            1,
            "{backend}"
        );
        assert!(
            preliminary.body.contains("Vorläufiger Zeitplan"),
            "{backend}"
        );
        assert_eq!(
            app.post_form(&state, "state=final", Some(&org))
                .await
                .status,
            303
        );
        let fin = app.get(&agenda, Some(&part)).await;
        assert!(!fin.body.contains("Vorläufiger Zeitplan"), "{backend}");
        let run = app.get(&format!("/events/{e}/schedule"), Some(&org)).await;
        assert_eq!(
            select(&run.body, "#schedule-state"),
            vec!["endgültig veröffentlicht"]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_no_show_slot_is_refilled_from_the_standby_list_and_only_its_two_sides_are_told() {
    for (backend, url) in fresh_databases().await {
        let dir = tempfile::tempdir().unwrap();
        let mailer = koop_core::mail::Mailer::new(
            &koop_core::mail::MailSettings {
                route: koop_core::mail::MailRoute::Folder(dir.path().to_owned()),
                from: "koop <koop@a.test>".into(),
                base_url: "http://koop.test".into(),
            },
            koop_web::mail::composer(),
        )
        .unwrap();
        let core = koop_core::Core::open(&url).await.unwrap().with_mail(mailer);
        let a = TestAgency::create(&core, "a").await;
        // One slot at one table: only one of three accepted requests fits.
        let ev = a
            .event("Börse")
            .participants(4)
            .slots(1)
            .tables(1)
            .create()
            .await;
        let p = &ev.participants;
        let mut requests = Vec::new();
        for (i, j) in [(0, 1), (0, 2), (2, 3)] {
            let r = core
                .request_meeting(&a.staff, ev.id, p[i], p[j], Priority::Normal, "")
                .await
                .unwrap();
            core.answer_request(&a.staff, ev.id, r, RequestAnswer::Accept)
                .await
                .unwrap();
            requests.push(r);
        }
        let report = core
            .schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(report.placed, 1, "{backend}");
        for (k, who) in [(0, "a0"), (1, "a1"), (2, "a2"), (3, "a3")] {
            a.login(who, Role::Participant, Some(ev.id), Some(p[k]))
                .await;
        }
        let options = koop_core::jobs::WorkerOptions::for_this_process();
        while core.run_next_job(&options).await.unwrap() {}
        let mails_before = std::fs::read_dir(dir.path()).unwrap().count();
        let (_, organiser) = a
            .login("org", Role::EventOrganiser, Some(ev.id), None)
            .await;
        let app = TestApp::new(core.clone());
        let org = app.login_as(&organiser).await;
        let e = ev.id.0;
        let day = format!("/events/{e}/day?date=2030-03-01");
        let page = app.get(&day, Some(&org)).await;
        let id = page
            .body
            .split("id=\"meeting-")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
        let standby = format!("/events/{e}/day/meetings/{id}/standby");
        // While the meeting is on, its slot is not free.
        assert_eq!(app.get(&standby, Some(&org)).await.status, 409, "{backend}");
        let marked = app
            .post_form(
                &format!("/events/{e}/day/meetings/{id}"),
                "status=no_show&date=2030-03-01",
                Some(&org),
            )
            .await;
        assert_eq!(marked.status, 303, "{backend}");
        let page = app.get(&day, Some(&org)).await;
        assert!(
            page.body.contains(&format!("href=\"{standby}\"")),
            "{backend}: the no-show offers the standby list"
        );
        let list = app.get(&standby, Some(&org)).await;
        assert_eq!(list.status, 200, "{backend}: {}", list.body);
        let candidates = select(&list.body, "article.standby");
        assert_eq!(candidates.len(), 2, "{backend}: {candidates:?}");
        assert!(
            candidates[0].contains("Börse Firma 1")
                && candidates[0].contains("der erschienene Partner"),
            "{backend}: the partner who sits at the table comes first: {candidates:?}"
        );
        // Whichever request the scheduler placed, the first candidate is the best one.
        let first = list
            .body
            .split("name=\"request\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
        assert!(requests.iter().any(|r| r.0.to_string() == first));
        let pair = select(&list.body, "article.standby strong")[0].clone();
        let placed = app
            .post_form(&standby, &format!("request={first}"), Some(&org))
            .await;
        assert_eq!(placed.status, 303, "{backend}: {}", placed.body);
        let page = app.get(&day, Some(&org)).await;
        let cards = select(&page.body, "article.meeting");
        assert_eq!(cards.len(), 2, "{backend}: {cards:?}");
        let names = pair.replace(" (DE)", "");
        assert!(
            cards.iter().any(|c| c.contains(&names)),
            "{backend}: {names} in {cards:?}"
        );
        // The same request cannot be placed twice, and the no-show cannot take its
        // table back.
        let again = app
            .post_form(&standby, &format!("request={first}"), Some(&org))
            .await;
        assert_eq!(again.status, 409, "{backend}");
        let back = app
            .post_form(
                &format!("/events/{e}/day/meetings/{id}"),
                "status=held&date=2030-03-01",
                Some(&org),
            )
            .await;
        assert_eq!(back.status, 409, "{backend}: {}", back.body);
        // Only the two sides of the new meeting get a mail.
        while core.run_next_job(&options).await.unwrap() {}
        let new: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        assert_eq!(new.len(), mails_before + 2, "{backend}");
        let added = new
            .iter()
            .filter(|m| m.contains("Tisch frei geworden"))
            .count();
        assert_eq!(added, 2, "{backend}");
    }
}
