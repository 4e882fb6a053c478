//! After the event: organisers send the follow-up, each side of a held meeting says
//! what came of it, and the further answer becomes one outcome in the agency's records,
//! attributed to the event and the meeting, that follows later answers.

mod common;

use common::TestApp;
use koop_core::domain::account::Role;
use koop_core::domain::meeting::{MeetingStatus, Priority};
use koop_core::domain::outcome::OutcomeKind;
use koop_core::mail::{MailRoute, MailSettings, Mailer};
use koop_core::ops::meetings::RequestAnswer;
use koop_core::testing::{TestAgency, fresh_databases};
use koop_core::views::OutcomeFilter;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_becomes_an_outcome_of_the_event_and_the_meeting() {
    for (backend, url) in fresh_databases().await {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(
            &MailSettings {
                route: MailRoute::Folder(dir.path().to_owned()),
                from: "koop <koop@a.test>".into(),
                base_url: "http://koop.test".into(),
            },
            koop_web::mail::composer(),
        )
        .unwrap();
        let core = koop_core::Core::open(&url).await.unwrap().with_mail(mailer);
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(3).create().await;
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
        let meeting = core
            .reader(&a.staff)
            .await
            .unwrap()
            .meetings(ev.id, None)
            .await
            .unwrap()[0]
            .id;
        let (_, alice) = a
            .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let (_, bob) = a
            .login("bob", Role::Participant, Some(ev.id), Some(p[1]))
            .await;
        a.login("carol", Role::Participant, Some(ev.id), Some(p[2]))
            .await;
        let app = TestApp::new(core.clone());
        let (alice, bob) = (app.login_as(&alice).await, app.login_as(&bob).await);
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        let answer = |who: i64, stage: &str| format!("participant={who}&stage={stage}&note=");
        let post = format!("/events/{e}/follow-up/{}", meeting.0);

        // Not held yet: no follow-up.
        let early = app
            .post_form(&post, &answer(p[0].0, "in_contact"), Some(&alice))
            .await;
        assert_eq!(early.status, 409, "{backend}");
        core.set_meeting_status(&a.staff, ev.id, meeting, MeetingStatus::Held)
            .await
            .unwrap();

        // The follow-up goes to the two who held a meeting, not to Carol.
        let sent = app
            .post_form(
                &format!("/events/{e}/surveys"),
                "kind=follow_up",
                Some(&staff),
            )
            .await;
        assert_eq!(sent.status, 200, "{backend}: {}", sent.body);
        assert!(
            sent.body.contains("Die Umfrage ging an 2 Teilnehmende"),
            "{backend}"
        );
        let options = koop_core::jobs::WorkerOptions::for_this_process();
        while core.run_next_job(&options).await.unwrap() {}
        let mails: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        assert_eq!(mails.len(), 2, "{backend}");
        assert!(mails.iter().all(|m| m.contains("/follow-up")), "{backend}");
        assert!(!mails.iter().any(|m| m.contains("carol@")), "{backend}");

        let page = app
            .get(&format!("/events/{e}/follow-up"), Some(&alice))
            .await;
        assert_eq!(page.status, 200, "{backend}");
        assert!(page.body.contains("Börse Firma 2 (DE)"), "{backend}");
        // Alice cannot answer for Bob.
        let forged = app
            .post_form(&post, &answer(p[1].0, "agreement_reached"), Some(&alice))
            .await;
        assert_eq!(forged.status, 403, "{backend}");

        let outcomes = async || {
            core.reader(&a.staff)
                .await
                .unwrap()
                .outcomes(OutcomeFilter {
                    event: Some(ev.id),
                    ..OutcomeFilter::default()
                })
                .await
                .unwrap()
        };
        let said = app
            .post_form(&post, &answer(p[0].0, "in_contact"), Some(&alice))
            .await;
        assert_eq!(said.status, 303, "{backend}: {}", said.body);
        let o = outcomes().await;
        assert_eq!(o.len(), 1, "{backend}");
        assert_eq!(o[0].data.kind, OutcomeKind::ContactEstablished);
        assert_eq!(o[0].data.attribution.meeting_id, Some(meeting));
        assert_eq!(o[0].data.attribution.event_id, Some(ev.id));
        assert_eq!(o[0].data.org_ids.len(), 2, "{backend}: both organisations");
        // Bob's further answer moves the same outcome on; Alice's later "nothing" does
        // not take it back while Bob's stands.
        app.post_form(&post, &answer(p[1].0, "agreement_reached"), Some(&bob))
            .await;
        app.post_form(&post, &answer(p[0].0, "no_further_contact"), Some(&alice))
            .await;
        let o2 = outcomes().await;
        assert_eq!(o2.len(), 1, "{backend}");
        assert_eq!(
            (o2[0].id, o2[0].data.kind),
            (o[0].id, OutcomeKind::Contract)
        );
        // When neither side has anything to report, the outcome goes.
        app.post_form(&post, &answer(p[1].0, "no_further_contact"), Some(&bob))
            .await;
        assert!(outcomes().await.is_empty(), "{backend}");
        let bad = app
            .post_form(&post, &answer(p[1].0, "maybe"), Some(&bob))
            .await;
        assert_eq!(bad.status, 422, "{backend}");
    }
}
