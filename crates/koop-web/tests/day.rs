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
        let action = page
            .body
            .split("action=\"")
            .find(|s| s.contains("/day/meetings/"))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
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
