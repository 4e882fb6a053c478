//! Co-organisers: the owning agency names another agency's organisation as
//! co-organiser and ticks what its staff may do. They then do exactly that (check
//! people in on the day, here) and get 403 for the rest; they cannot widen their own
//! rights or change who organises, and the pages show them only what works.

mod common;

use common::{TestApp, select};
use koop_core::domain::task::{Task, Tasks};
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_co_organiser_does_what_the_owner_granted_and_nothing_more() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let owner = TestAgency::create(&core, "ivg").await;
        let chamber = TestAgency::create(&core, "ihk").await;
        let ev = owner.event("Börse").participants(2).slots(2).create().await;
        let e = ev.id.0;
        let app = TestApp::new(core.clone());
        let owner_web = app.login_as(&owner.staff_email).await;
        let chamber_web = app.login_as(&chamber.staff_email).await;

        // Not yet a co-organiser: the chamber does not manage the event.
        let day = app
            .get(&format!("/events/{e}/day"), Some(&chamber_web))
            .await;
        assert_eq!(day.status, 403, "{backend}");

        // The owner names the chamber; by default it may do everything.
        let mut data = core
            .reader(&owner.staff)
            .await
            .unwrap()
            .event(ev.id)
            .await
            .unwrap()
            .data;
        data.organiser_ids.push(chamber.org);
        core.update_event(&owner.staff, ev.id, data.clone())
            .await
            .unwrap();
        let page = app
            .get(&format!("/events/{e}/co-organisers"), Some(&owner_web))
            .await;
        assert_eq!(page.status, 200, "{backend}: {}", page.body);
        let cards = select(&page.body, "section.co-organiser h2");
        assert_eq!(
            cards,
            vec!["Agentur ivg Ausrichter", "Agentur ihk"],
            "{backend}"
        );
        assert!(
            select(&page.body, "ul.staff li")
                .iter()
                .any(|s| s.contains("staff@ihk.test")),
            "{backend}: the chamber's staff are listed"
        );
        let ticked = select(&page.body, "form.tasks input[checked]");
        assert_eq!(ticked.len(), Task::ALL.len(), "{backend}: all by default");

        // The owner lets the chamber check people in, and nothing else.
        let action = format!("/events/{e}/co-organisers/{}", chamber.org.0);
        let saved = app
            .post_form(&action, "task=on_the_day", Some(&owner_web))
            .await;
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);
        let bad = app
            .post_form(&action, "task=on_the_day&task=everything", Some(&owner_web))
            .await;
        assert_eq!(bad.status, 400, "{backend}");
        assert!(
            bad.body.contains("everything"),
            "{backend}: the code is named"
        );

        let p = ev.participants[0].0;
        let check_in = app
            .post_form(
                &format!("/events/{e}/day/check-in"),
                &format!("participant={p}"),
                Some(&chamber_web),
            )
            .await;
        assert_eq!(check_in.status, 303, "{backend}: {}", check_in.body);
        for (path, what) in [
            (format!("/events/{e}/schedule"), "the optimiser"),
            (format!("/events/{e}/setup"), "the setup"),
            (format!("/events/{e}/registrations"), "the registrations"),
        ] {
            let page = app.get(&path, Some(&chamber_web)).await;
            assert_eq!(page.status, 403, "{backend}: {what}");
        }
        let run = app
            .post_form(&format!("/events/{e}/schedule"), "", Some(&chamber_web))
            .await;
        assert_eq!(run.status, 403, "{backend}: running the optimiser");
        let before = owner.audit_count().await;
        let widen = app
            .post_form(&action, "task=schedule", Some(&chamber_web))
            .await;
        assert_eq!(widen.status, 403, "{backend}: no widening its own rights");
        let mut more = data.clone();
        more.organiser_ids.retain(|o| *o != owner.org);
        assert!(
            core.update_event(&chamber.staff, ev.id, more)
                .await
                .is_err(),
            "{backend}: nor changing who organises"
        );
        assert_eq!(owner.audit_count().await, before, "{backend}");

        // The event page shows the chamber the day's work only.
        let event = app.get(&format!("/events/{e}"), Some(&chamber_web)).await;
        let links = select(&event.body, "main a");
        assert!(
            links.iter().any(|l| l == "Einchecken und Termine abhaken"),
            "{backend}: {links:?}"
        );
        assert!(
            !links
                .iter()
                .any(|l| l == "Einrichten" || l == "letzter Lauf"),
            "{backend}: {links:?}"
        );
        let page = app
            .get(&format!("/events/{e}/co-organisers"), Some(&chamber_web))
            .await;
        assert!(
            select(&page.body, "form.tasks").is_empty(),
            "{backend}: read only"
        );

        // An organisation that does not co-organise is not found.
        let stranger = TestAgency::create(&core, "x").await;
        let none = core
            .set_co_organiser_tasks(&owner.staff, ev.id, stranger.org, Tasks::all())
            .await;
        assert!(
            matches!(none, Err(koop_core::CoreError::NotFound)),
            "{backend}"
        );
    }
}
