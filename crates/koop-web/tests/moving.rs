//! Organisers move a scheduled meeting by hand: only times at which everyone in it is
//! free and a table is left are offered, anything else is refused without a write, and
//! the "changed since printed" list shows the move.

mod common;

use common::{TestApp, select};
use koop_core::domain::account::Role;
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_moves_a_meeting_to_a_time_everyone_in_it_has_free() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .participants(3)
            .slots(3)
            .tables(1)
            .create()
            .await;
        a.accepted(&ev, 0, 1).await;
        a.accepted(&ev, 1, 2).await;
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        app.post_form(&format!("/events/{e}/printouts"), "", Some(&staff))
            .await;
        let meetings = a.meetings(&ev).await;
        assert_eq!(meetings.len(), 2, "{backend}");
        let first = meetings
            .iter()
            .find(|m| m.who().contains("Börse Firma 1"))
            .unwrap();
        let other = meetings.iter().find(|m| m.id != first.id).unwrap();

        let agenda = app
            .get(&format!("/events/{e}/meetings"), Some(&staff))
            .await;
        assert_eq!(
            select(&agenda.body, "article.meeting a.button").len(),
            2,
            "{backend}: each meeting can be moved"
        );
        // Firma 2 is in both meetings, so only the third slot is free for either.
        let page = app
            .get(
                &format!("/events/{e}/meetings/{}/move", first.id),
                Some(&staff),
            )
            .await;
        assert_eq!(page.status, 200, "{backend}");
        let offered = select(&page.body, "select[name=slot] option");
        assert_eq!(offered.len(), 1, "{backend}: {offered:?}");
        assert!(offered[0].contains("10:00"), "{backend}: {offered:?}");
        let value = page
            .body
            .split("<option value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
        let action = format!("/events/{e}/meetings/{}/move", first.id);

        // Refused, and nothing written: a made-up time, a time its people are busy,
        // and anyone but the organisers.
        let (_, alice) = a
            .login(
                "alice",
                Role::Participant,
                Some(ev.id),
                Some(ev.participants[0]),
            )
            .await;
        let alice = app.login_as(&alice).await;
        let before = a.audit_count().await;
        let bad = app.post_form(&action, "slot=tomorrow", Some(&staff)).await;
        assert_eq!(bad.status, 400, "{backend}");
        let busy_at = other.starts_at.unwrap().format("%Y-%m-%dT%H:%M");
        let busy = app
            .post_form(
                &action,
                &format!("slot={}@{busy_at}", ev.sessions[0]),
                Some(&staff),
            )
            .await;
        assert_eq!(busy.status, 409, "{backend}: {}", busy.body);
        assert!(busy.body.contains("schon verplant"), "{backend}");
        let forged = app
            .post_form(&action, &format!("slot={value}"), Some(&alice))
            .await;
        assert_eq!(forged.status, 403, "{backend}");
        assert_eq!(
            app.get(&action, Some(&alice)).await.status,
            403,
            "{backend}"
        );
        assert_eq!(app.get(&action, None).await.status, 403, "{backend}");
        assert_eq!(a.audit_count().await, before, "{backend}: nothing written");

        let moved = app
            .post_form(&action, &format!("slot={value}"), Some(&staff))
            .await;
        assert_eq!(moved.status, 303, "{backend}: {}", moved.body);
        let now = a.meetings(&ev).await;
        let at = now.iter().find(|m| m.id == first.id).unwrap();
        assert_eq!(
            at.starts_at.unwrap().format("%H:%M").to_string(),
            "10:00",
            "{backend}"
        );
        let changes = app.get(&format!("/events/{e}/changes"), Some(&staff)).await;
        let cards = select(&changes.body, "article.change");
        assert_eq!(cards.len(), 1, "{backend}: {cards:?}");
        assert!(cards[0].contains("verlegt (war"), "{backend}: {cards:?}");
    }
}
