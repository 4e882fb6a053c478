//! Named tables and stands: the organisers fix a table to a participant, and the
//! scheduler, the free times to move to and the agenda keep that participant's
//! meetings at their stand and everyone else's away from it. A bad row is named and
//! writes nothing; stands that would break meetings already placed are refused.

mod common;

use common::{TestApp, select};
use koop_core::domain::account::Role;
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stand_owner_meets_at_the_stand_and_nobody_else_does() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .participants(4)
            .slots(3)
            .tables(2)
            .create()
            .await;
        let p = &ev.participants;
        let (e, session) = (ev.id.0, ev.sessions[0].0);
        let app = TestApp::new(core.clone());
        let staff = app.login_as(&a.staff_email).await;
        let page = format!("/events/{e}/setup/sessions/{session}/tables");
        let shown = app.get(&page, Some(&staff)).await;
        assert_eq!(shown.status, 200, "{backend}: {}", shown.body);
        assert_eq!(
            select(&shown.body, "fieldset.table-row").len(),
            3,
            "{backend}: blank rows"
        );

        // A table that the session does not have is named with its row.
        let before = a.audit_count().await;
        let bad = app
            .post_form(
                &page,
                &format!(
                    "table=2&name=Stand+IGZ&participant={}&table=5&name=Fenster&participant=",
                    p[0]
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}");
        let said = select(&bad.body, "p.alert").join(" ");
        assert!(
            said.contains("Zeile 2") && said.contains('5'),
            "{backend}: {said}"
        );
        assert_eq!(a.audit_count().await, before, "{backend}: nothing written");

        let saved = app
            .post_form(
                &page,
                &format!(
                    "table=2&name=Stand+IGZ&participant={}&table=&name=&participant=",
                    p[0]
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);

        // Four meetings, two of the stand owner; one open table left per slot.
        for (x, y) in [(0, 1), (0, 2), (1, 3), (2, 3)] {
            a.accepted(&ev, x, y).await;
        }
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let meetings = a.meetings(&ev).await;
        assert_eq!(meetings.len(), 4, "{backend}: all placed");
        for m in &meetings {
            let owner = m.attendees.iter().any(|x| x.participant == p[0]);
            let at = m.table_no.unwrap();
            assert_eq!(at == 2, owner, "{backend}: {m:?}");
        }

        // A meeting of others may move only to the open table.
        let other = meetings.iter().find(|m| m.table_no == Some(1)).unwrap();
        let mut r = core.reader(&a.staff).await.unwrap();
        let free = r.free_slots_for_meeting(other.id).await.unwrap();
        assert!(free.iter().all(|f| f.table == 1), "{backend}: {free:?}");
        drop(r);

        // The owner's agenda names the stand.
        let (_, owner) = a
            .login("igz", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let owner = app.login_as(&owner).await;
        let agenda = app
            .get(&format!("/events/{e}/meetings"), Some(&owner))
            .await;
        let cards = select(&agenda.body, "article.meeting");
        assert_eq!(cards.len(), 2, "{backend}");
        assert!(
            cards.iter().all(|c| c.contains("Tisch 2 · Stand IGZ")),
            "{backend}: {cards:?}"
        );

        // Giving the stand to someone else now would break the owner's meetings.
        let before = a.audit_count().await;
        let moved = app
            .post_form(
                &page,
                &format!("table=2&name=Stand&participant={}", p[3]),
                Some(&staff),
            )
            .await;
        assert_eq!(moved.status, 422, "{backend}: {}", moved.body);
        assert!(
            moved.body.contains("passen nicht zu den Ständen"),
            "{backend}"
        );
        assert_eq!(a.audit_count().await, before, "{backend}");
    }
}
