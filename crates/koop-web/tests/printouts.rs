//! The printouts are real PDFs with the right meetings: a participant's agenda and the
//! organisers' table plan with a list per table, read back as text by poppler's
//! `pdftotext` (installed by the test command).

mod common;

use common::{Session, TestApp, text_of_pdf};
use koop_core::domain::account::Role;
use koop_core::testing::{TestAgency, fresh_databases};

async fn get_pdf(app: &TestApp, path: &str, who: Option<&Session>) -> (u16, Vec<u8>) {
    let a = app.get(path, who).await;
    (a.status.as_u16(), a.bytes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agenda_and_the_table_plan_print_the_scheduled_meetings() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .participants(3)
            .slots(4)
            .tables(2)
            .create()
            .await;
        let p = &ev.participants;
        for (i, j) in [(0, 1), (1, 2)] {
            a.accepted(&ev, i, j).await;
        }
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let (_, alice) = a
            .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let app = TestApp::new(core.clone());
        let alice = app.login_as(&alice).await;
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;

        // The agenda page offers the PDF; the PDF is one.
        let page = app
            .get(&format!("/events/{e}/meetings"), Some(&alice))
            .await;
        assert!(
            page.body
                .contains(&format!("href=\"/events/{e}/agenda.pdf\"")),
            "{backend}"
        );
        let (status, pdf) = get_pdf(&app, &format!("/events/{e}/agenda.pdf"), Some(&alice)).await;
        assert_eq!(status, 200, "{backend}");
        assert!(pdf.starts_with(b"%PDF-"), "{backend}");
        assert_eq!(
            get_pdf(&app, &format!("/events/{e}/agenda.pdf"), None)
                .await
                .0,
            403
        );
        let Some(pages) = text_of_pdf(&pdf) else {
            continue;
        };
        let text = pages.join("\n");
        assert!(
            text.contains("Termine · Börse Firma 1"),
            "{backend}: {text}"
        );
        assert!(
            text.contains("Börse Firma 2 (DE)"),
            "{backend}: her partner: {text}"
        );
        assert!(
            !text.contains("Börse Firma 3"),
            "{backend}: not the meeting of the other two: {text}"
        );
        assert!(
            text.contains("Innovationszentrum") && text.contains("(Europe/Berlin)"),
            "{text}"
        );

        // The table plan: both meetings, then a page per table used.
        let (status, plan) =
            get_pdf(&app, &format!("/events/{e}/table-plan.pdf"), Some(&staff)).await;
        assert_eq!(status, 200, "{backend}");
        assert_eq!(
            get_pdf(&app, &format!("/events/{e}/table-plan.pdf"), Some(&alice))
                .await
                .0,
            403,
            "{backend}: participants print their own agenda only"
        );
        let pages = text_of_pdf(&plan).unwrap();
        let first = &pages[0];
        assert!(first.starts_with("Tischplan · Börse"), "{first}");
        assert!(
            first.contains("Börse Firma 1 (DE) · Börse Firma 2 (DE)")
                && first.contains("Börse Firma 2 (DE) · Börse Firma 3 (DE)"),
            "{backend}: {first}"
        );
        let tables: Vec<&String> = pages
            .iter()
            .filter(|p| p.contains("Tisch "))
            .skip(1)
            .collect();
        assert!(!tables.is_empty(), "{backend}: a page per table: {pages:?}");
        // An organiser prints any participant's agenda.
        let (status, hers) = get_pdf(
            &app,
            &format!("/events/{e}/agenda.pdf?participant={}", p[2]),
            Some(&staff),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        let text = text_of_pdf(&hers).unwrap().join("\n");
        assert!(
            text.contains("Termine · Börse Firma 3"),
            "{backend}: {text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_changes_since_the_table_plan_was_printed_list_new_and_cancelled_meetings() {
    use koop_core::domain::meeting::MeetingStatus;
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .participants(4)
            .slots(4)
            .tables(2)
            .create()
            .await;
        let p = &ev.participants;
        let accept = async |i: usize, j: usize| a.accepted(&ev, i, j).await;
        accept(0, 1).await;
        accept(1, 2).await;
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        let changes = format!("/events/{e}/changes");

        // Before any printout the page says to print first.
        let page = app.get(&changes, Some(&staff)).await;
        assert_eq!(page.status, 200, "{backend}");
        assert!(page.body.contains("noch nicht gedruckt"), "{backend}");

        // Printing records the plan and hands it out.
        let printed = app
            .post_form(&format!("/events/{e}/printouts"), "", Some(&staff))
            .await;
        assert_eq!(printed.status, 303, "{backend}: {}", printed.body);
        assert_eq!(
            printed.location.as_deref(),
            Some(format!("/events/{e}/table-plan.pdf").as_str())
        );
        let page = app.get(&changes, Some(&staff)).await;
        assert!(page.body.contains("nichts geändert"), "{backend}");

        // One meeting is cancelled and a late one placed.
        let first = a
            .meetings(&ev)
            .await
            .into_iter()
            .find(|m| m.who().contains("Börse Firma 1"))
            .unwrap();
        core.set_meeting_status(&a.staff, ev.id, first.id, MeetingStatus::Cancelled)
            .await
            .unwrap();
        accept(2, 3).await;
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let page = app.get(&changes, Some(&staff)).await;
        let cards = common::select(&page.body, "article.change");
        assert_eq!(cards.len(), 2, "{backend}: {cards:?}");
        assert!(
            cards
                .iter()
                .any(|c| c.contains("neu") && c.contains("Börse Firma 4")),
            "{backend}: {cards:?}"
        );
        assert!(
            cards
                .iter()
                .any(|c| c.contains("abgesagt") && c.contains("Börse Firma 1")),
            "{backend}: {cards:?}"
        );
        assert!(
            !cards
                .iter()
                .any(|c| c.contains("Börse Firma 2 · Börse Firma 3")),
            "{backend}: the unchanged meeting is not listed: {cards:?}"
        );

        // The same as a PDF; for organisers only.
        let (status, pdf) = get_pdf(&app, &format!("/events/{e}/changes.pdf"), Some(&staff)).await;
        assert_eq!(status, 200, "{backend}");
        let (_, alice) = a
            .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let alice = app.login_as(&alice).await;
        assert_eq!(
            app.get(&changes, Some(&alice)).await.status,
            403,
            "{backend}"
        );
        let forged = app
            .post_form(&format!("/events/{e}/printouts"), "", Some(&alice))
            .await;
        assert_eq!(forged.status, 403, "{backend}");
        let Some(pages) = text_of_pdf(&pdf) else {
            continue;
        };
        let text = pages.join("\n");
        assert!(
            text.starts_with("Geändert seit dem Druck · Börse"),
            "{text}"
        );
        assert!(text.contains("abgesagt") && text.contains("neu"), "{text}");

        // Printed again, the list starts afresh.
        app.post_form(&format!("/events/{e}/printouts"), "", Some(&staff))
            .await;
        let page = app.get(&changes, Some(&staff)).await;
        assert!(
            common::select(&page.body, "article.change").is_empty(),
            "{backend}"
        );
    }
}
