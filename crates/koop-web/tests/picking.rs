//! Where the partner picks the time: the inbox offers the slots both sides have free,
//! accepting at one puts the meeting on both agendas at once, at a free table, and a
//! time that is gone or made up is refused without writing anything.

mod common;

use chrono::NaiveDate;
use common::{TestApp, select};
use koop_core::domain::account::Role;
use koop_core::domain::settings::{EventSettings, SchedulingMode};
use koop_core::ops::meetings::NewMeeting;
use koop_core::testing::{TestAgency, fresh_databases};

/// An event where the partners pick their times: `participants`, three slots at one table.
async fn picking_event(
    url: &str,
    participants: usize,
) -> (koop_core::Core, TestAgency, koop_core::testing::TestEvent) {
    let core = koop_core::Core::open(url).await.unwrap();
    let a = TestAgency::create(&core, "a").await;
    let ev = a
        .event("Börse")
        .participants(participants)
        .slots(3)
        .tables(1)
        .create()
        .await;
    let settings = EventSettings {
        scheduling_mode: SchedulingMode::PartnerPicks,
        ..EventSettings::default()
    };
    core.set_event_settings(&a.staff, ev.id, settings)
        .await
        .unwrap();
    (core, a, ev)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_partner_picks_a_free_time_and_the_meeting_is_on_both_agendas() {
    for (backend, url) in fresh_databases().await {
        let (core, a, ev) = picking_event(&url, 3).await;
        let p = &ev.participants;
        // Bob meets Carol at 9:00 already.
        let at = |h, m| {
            NaiveDate::from_ymd_opt(2030, 3, 1)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        core.place_meeting(
            &a.staff,
            NewMeeting {
                event: ev.id,
                request: None,
                session: Some(ev.sessions[0]),
                title: String::new(),
                starts_at: Some(at(9, 0)),
                table_no: Some(1),
                participants: vec![p[1], p[2]],
            },
        )
        .await
        .unwrap();
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
                &format!("requester={}&receiver={}&message=", p[0], p[1]),
                Some(&alice),
            )
            .await;
        assert_eq!(sent.status, 303, "{backend}: {}", sent.body);

        // Bob is busy at 9:00, so 9:30 and 10:00 are offered, each at table 1.
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob)).await;
        let times = select(&inbox.body, "form.pick option");
        assert_eq!(times.len(), 2, "{backend}: {times:?}");
        assert!(
            times[0].contains("09:30") && times[0].contains("Tisch 1"),
            "{backend}: {times:?}"
        );
        assert!(times[1].contains("10:00"), "{backend}: {times:?}");
        assert_eq!(
            select(&inbox.body, "article.request button"),
            vec![
                "Zu dieser Zeit annehmen",
                "Diese Zeit vorschlagen",
                "Ablehnen"
            ],
            "{backend}: accepting is picking a time"
        );
        let action = common::form_action(&inbox.body, "/requests/");
        let value = inbox
            .body
            .split("<option value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
        let pick = |slot: &str| format!("answer=accept_at&slot={slot}");

        // Made-up and taken times are refused, and nothing is written.
        let before = a.audit_count().await;
        let bad = app.post_form(&action, &pick("lunch"), Some(&bob)).await;
        assert_eq!(bad.status, 400, "{backend}: {}", bad.body);
        assert!(bad.body.contains("lunch"), "{backend}: the value is named");
        let taken = value.replace("T09:30", "T09:00");
        let busy = app.post_form(&action, &pick(&taken), Some(&bob)).await;
        assert_eq!(busy.status, 409, "{backend}: {}", busy.body);
        assert!(
            busy.body.contains("nicht mehr für beide frei"),
            "{backend}: {}",
            busy.body
        );
        // Alice may not pick for Bob.
        let forged = app.post_form(&action, &pick(&value), Some(&alice)).await;
        assert_eq!(forged.status, 403, "{backend}");
        assert_eq!(a.audit_count().await, before, "{backend}: nothing written");

        let placed = app.post_form(&action, &pick(&value), Some(&bob)).await;
        assert_eq!(placed.status, 303, "{backend}: {}", placed.body);
        let again = app.post_form(&action, &pick(&value), Some(&bob)).await;
        assert_eq!(again.status, 409, "{backend}: answered once");

        // Both agendas show it at once, though the organisers published nothing.
        for (who, partner) in [(&alice, "Börse Firma 2"), (&bob, "Börse Firma 1")] {
            let agenda = app.get(&format!("/events/{e}/meetings"), Some(who)).await;
            let cards = select(&agenda.body, "article.meeting");
            let picked: Vec<_> = cards.iter().filter(|c| c.starts_with("09:30")).collect();
            assert_eq!(picked.len(), 1, "{backend}: {cards:?}");
            assert!(picked[0].contains(partner), "{backend}: {cards:?}");
        }
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob)).await;
        assert!(select(&inbox.body, "form.pick").is_empty(), "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_side_proposes_a_time_and_the_other_accepts_at_it_or_proposes_another() {
    for (backend, url) in fresh_databases().await {
        let (core, a, ev) = picking_event(&url, 2).await;
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
                &format!("requester={}&receiver={}&message=", p[0], p[1]),
                Some(&alice),
            )
            .await;
        assert_eq!(sent.status, 303, "{backend}: {}", sent.body);
        let slot = |h: &str| {
            let day = "2030-03-01";
            format!("{}@{day}T{h}", ev.sessions[0].0)
        };

        // The requester may propose, but not accept at a time of its own choosing.
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&alice)).await;
        assert_eq!(
            select(&inbox.body, "article.request form.pick button"),
            vec!["Diese Zeit vorschlagen"],
            "{backend}"
        );
        let action = common::form_action(&inbox.body, "/requests/");
        let send = |who, answer: &str, at: &str| {
            let body = format!("answer={answer}&slot={}&participant={}", slot(at), who);
            (body, action.clone())
        };
        let before = a.audit_count().await;
        let (body, to) = send(p[0], "accept_at", "09:30");
        let forged = app.post_form(&to, &body, Some(&alice)).await;
        assert_eq!(forged.status, 403, "{backend}: {}", forged.body);
        assert_eq!(a.audit_count().await, before, "{backend}: nothing written");
        let (body, to) = send(p[0], "propose", "09:30");
        let proposed = app.post_form(&to, &body, Some(&alice)).await;
        assert_eq!(proposed.status, 303, "{backend}: {}", proposed.body);

        // Bob sees the proposal and proposes 10:00 instead.
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob)).await;
        let said = select(&inbox.body, "article.request p.proposal");
        assert!(
            said.len() == 1 && said[0].contains("09:30") && said[0].contains("Börse Firma 1"),
            "{backend}: {said:?}"
        );
        let (body, to) = send(p[1], "propose", "10:00");
        let counter = app.post_form(&to, &body, Some(&bob)).await;
        assert_eq!(counter.status, 303, "{backend}: {}", counter.body);
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob)).await;
        assert!(
            select(&inbox.body, "article.request p.proposal")[0].contains("Sie haben"),
            "{backend}: Bob's own proposal now"
        );
        assert!(
            select(&inbox.body, "form.proposed").is_empty(),
            "{backend}: nobody accepts their own proposal"
        );

        // Alice's old time is gone: she can accept Bob's 10:00 only.
        let (body, to) = send(p[0], "accept_at", "09:30");
        let stale = app.post_form(&to, &body, Some(&alice)).await;
        assert_eq!(stale.status, 403, "{backend}: {}", stale.body);
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&alice)).await;
        assert_eq!(
            select(&inbox.body, "form.proposed button"),
            vec!["Zur vorgeschlagenen Zeit annehmen"],
            "{backend}"
        );
        let (body, to) = send(p[0], "accept_at", "10:00");
        let accepted = app.post_form(&to, &body, Some(&alice)).await;
        assert_eq!(accepted.status, 303, "{backend}: {}", accepted.body);
        let meetings = a.meetings(&ev).await;
        assert_eq!(meetings.len(), 1, "{backend}");
        assert_eq!(
            meetings[0].starts_at.map(|t| t.format("%H:%M").to_string()),
            Some("10:00".into()),
            "{backend}"
        );
        // Answered, the proposal is gone, and proposing again is a conflict.
        let (body, to) = send(p[1], "propose", "09:30");
        let late = app.post_form(&to, &body, Some(&bob)).await;
        assert_eq!(late.status, 409, "{backend}: {}", late.body);
        let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob)).await;
        assert!(select(&inbox.body, "p.proposal").is_empty(), "{backend}");
    }
}
