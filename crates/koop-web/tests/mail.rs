//! Mail for each step a participant must know about, as jobs after the change: a
//! request received, an answer, the published schedule with their own meetings, and
//! the organisers' message to a chosen group, each in the recipient's language. Into
//! a folder of files without SMTP, and through a real SMTP server on loopback
//! (aiosmtpd, started by `scripts/with-smtp`).

mod common;

use common::TestApp;
use koop_core::domain::account::Role;
use koop_core::domain::event::ScheduleState;
use koop_core::jobs::WorkerOptions;
use koop_core::mail::{MailRoute, MailSettings, Mailer};
use koop_core::ops::directory::AccountInput;
use koop_core::testing::{TEST_PASSWORD, TestAgency, fresh_databases};
use koop_core::{Actor, Core};
use std::path::Path;

/// Runs every due job, as a node's worker would.
async fn run_jobs(core: &Core) {
    let options = WorkerOptions::for_this_process();
    while core.run_next_job(&options).await.unwrap() {}
}

/// Every mail in `dir` (a folder of `.eml` files, or a Maildir's `new`), decoded
/// enough to read: (recipient, subject, body).
fn mails_in(dir: &Path) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let path = e.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with('.') {
            continue;
        }
        let raw = std::fs::read_to_string(&path).unwrap();
        let parsed = mailparse::parse_mail(raw.as_bytes()).unwrap();
        let header = |name: &str| {
            parsed
                .headers
                .iter()
                .find(|h| h.get_key().eq_ignore_ascii_case(name))
                .map(|h| h.get_value())
                .unwrap_or_default()
        };
        out.push((header("To"), header("Subject"), parsed.get_body().unwrap()));
    }
    out.sort();
    out
}

fn to<'a>(mails: &'a [(String, String, String)], who: &str) -> Vec<&'a (String, String, String)> {
    mails.iter().filter(|m| m.0.contains(who)).collect()
}

async fn exchange_story(
    core: &Core,
    backend: &str,
    read: &dyn Fn() -> Vec<(String, String, String)>,
) {
    let a = TestAgency::create(core, "a").await;
    let ev = a.event("Börse").participants(3).slots(4).create().await;
    // The schedule is a draft until the organisers publish it below.
    core.set_schedule_state(&a.staff, ev.id, ScheduleState::Draft)
        .await
        .unwrap();
    let p = &ev.participants;
    let (_, alice) = a
        .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
        .await;
    // The third participant meets nobody, and is told so.
    a.login("carol", Role::Participant, Some(ev.id), Some(p[2]))
        .await;
    let bob = format!("bob-{backend}@riga.example");
    core.create_account(
        &Actor::system(),
        AccountInput {
            email: bob.clone(),
            display_name: "Bob Bērziņš".into(),
            password: TEST_PASSWORD.into(),
            role: Role::Participant,
            agency: Some(a.id),
            participant: Some(p[1]),
            event: Some(ev.id),
            ui_language: "en".into(),
        },
    )
    .await
    .unwrap();
    let app = TestApp::new(core.clone());
    let (alice_s, bob_s) = (app.login_as(&alice).await, app.login_as(&bob).await);
    let e = ev.id.0;

    let sent = app
        .post_form(
            &format!("/events/{e}/requests"),
            &format!(
                "requester={}&receiver={}&message=Treffen+wir+uns+am+Stand%3F",
                p[0], p[1]
            ),
            Some(&alice_s),
        )
        .await;
    assert_eq!(sent.status, 303, "{backend}: {}", sent.body);
    run_jobs(core).await;
    let mails = read();
    let bobs = to(&mails, &bob);
    assert_eq!(bobs.len(), 1, "{backend}: {mails:?}");
    assert_eq!(
        bobs[0].1, "Börse Firma 1 asks to meet you – Börse",
        "{backend}"
    );
    assert!(bobs[0].2.contains("Hello Bob Bērziņš,"), "{}", bobs[0].2);
    assert!(
        bobs[0].2.contains("> Treffen wir uns am Stand?"),
        "{}",
        bobs[0].2
    );
    assert!(
        bobs[0]
            .2
            .contains(&format!("http://koop.test/events/{e}/inbox")),
        "{}",
        bobs[0].2
    );
    assert!(
        to(&mails, &alice).is_empty(),
        "{backend}: only the receiver is told"
    );

    // Bob accepts in his inbox: Alice is told, in German.
    let inbox = app.get(&format!("/events/{e}/inbox"), Some(&bob_s)).await;
    let action = common::form_action(&inbox.body, "/requests/");
    let accepted = app.post_form(&action, "answer=accept", Some(&bob_s)).await;
    assert_eq!(accepted.status, 303, "{backend}");
    run_jobs(core).await;
    let mails = read();
    let alices = to(&mails, &alice);
    assert_eq!(alices.len(), 1, "{backend}: {mails:?}");
    assert_eq!(
        alices[0].1,
        "Börse Firma 2 hat Ihre Gesprächsanfrage angenommen – Börse"
    );

    // Scheduled and published: each participant gets their own meetings, and only
    // the two who meet have one.
    core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
        .await
        .unwrap();
    core.set_schedule_state(&a.staff, ev.id, ScheduleState::Final)
        .await
        .unwrap();
    run_jobs(core).await;
    let mails = read();
    let final_mail: Vec<_> = mails
        .iter()
        .filter(|m| m.1.contains("final") || m.1.contains("endgültige"))
        .collect();
    assert_eq!(
        final_mail.len(),
        3,
        "{backend}: everyone who takes part, with or without a meeting: {final_mail:?}"
    );
    let bobs = to(&mails, &bob);
    let schedule = bobs.iter().find(|m| m.1.contains("final")).unwrap();
    assert!(
        schedule.2.contains("(Europe/Berlin) · Table") && schedule.2.contains("Börse Firma 1"),
        "{}",
        schedule.2
    );
    let third = final_mail
        .iter()
        .find(|m| !m.0.contains(&bob) && !m.0.contains(&alice))
        .unwrap();
    assert!(third.2.contains("noch keine Termine"), "{}", third.2);

    // The organisers write to those without a profile in Latvia: nobody matches.
    let staff = app.login_as(&a.staff_email).await;
    let none = app
        .post_form(
            &format!("/events/{e}/messages"),
            "participant=&status=&country=LV&subject=Hallo&body=Text",
            Some(&staff),
        )
        .await;
    assert_eq!(none.status, 200, "{backend}: {}", none.body);
    assert!(none.body.contains("passt niemand"), "{backend}");
    let missing = app
        .post_form(
            &format!("/events/{e}/messages"),
            "participant=&status=&country=&subject=",
            Some(&staff),
        )
        .await;
    assert_eq!(missing.status, 422, "{backend}");
    let before = read().len();
    let one = app
        .post_form(
            &format!("/events/{e}/messages"),
            &format!(
                "participant={}&status=&country=&subject=Parken&body=Parken+Sie+bitte+am+Tor+2.",
                p[1]
            ),
            Some(&staff),
        )
        .await;
    assert_eq!(one.status, 200, "{backend}: {}", one.body);
    assert!(one.body.contains("Eine E-Mail ist unterwegs"), "{backend}");
    // A participant may not write to the others.
    let forged = app
        .post_form(
            &format!("/events/{e}/messages"),
            "participant=&status=&country=&subject=Spam&body=Spam",
            Some(&alice_s),
        )
        .await;
    assert_eq!(forged.status, 403, "{backend}");
    run_jobs(core).await;
    let mails = read();
    assert_eq!(mails.len(), before + 1, "{backend}");
    let parking = mails.iter().find(|m| m.1 == "Börse: Parken").unwrap();
    assert!(parking.0.contains(&bob), "{backend}");
    assert!(
        parking.2.contains("Parken Sie bitte am Tor 2."),
        "{}",
        parking.2
    );
}

/// A core on `url` that writes its mail into a fresh folder.
async fn mailing_core(url: &str) -> (tempfile::TempDir, Core) {
    let dir = tempfile::tempdir().unwrap();
    let core = Core::open(url)
        .await
        .unwrap()
        .with_mail(mailer(MailRoute::Folder(dir.path().to_owned())));
    (dir, core)
}

fn mailer(route: MailRoute) -> Mailer {
    Mailer::new(
        &MailSettings {
            route,
            from: "Börse <koop@agency.test>".into(),
            base_url: "http://koop.test".into(),
        },
        koop_web::mail::composer(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_smtp_each_mail_is_a_file_in_the_recipients_language() {
    for (backend, url) in fresh_databases().await {
        let dir = tempfile::tempdir().unwrap();
        let core = Core::open(&url)
            .await
            .unwrap()
            .with_mail(mailer(MailRoute::Folder(dir.path().to_owned())));
        let path = dir.path().to_owned();
        exchange_story(&core, backend, &|| mails_in(&path)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_goes_through_a_real_smtp_server() {
    let (Ok(smtp), Ok(maildir)) = (
        std::env::var("KOOP_TEST_SMTP_URL"),
        std::env::var("KOOP_TEST_MAILDIR"),
    ) else {
        assert_ne!(
            std::env::var("KOOP_REQUIRE_SMTP").as_deref(),
            Ok("1"),
            "KOOP_REQUIRE_SMTP=1 but no SMTP server: run under scripts/with-smtp"
        );
        eprintln!("no SMTP server (scripts/with-smtp starts one); skipped");
        return;
    };
    // One database is enough here: the folder test covers both.
    let (backend, url) = fresh_databases().await.remove(0);
    let core = Core::open(&url)
        .await
        .unwrap()
        .with_mail(mailer(MailRoute::Smtp(smtp)));
    let new = Path::new(&maildir).join("new");
    exchange_story(&core, backend, &|| mails_in(&new)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_publication_only_the_two_sides_of_a_new_or_cancelled_meeting_are_told() {
    use koop_core::domain::meeting::MeetingStatus;
    for (backend, url) in fresh_databases().await {
        let (dir, core) = mailing_core(&url).await;
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(4).slots(4).create().await;
        core.set_schedule_state(&a.staff, ev.id, ScheduleState::Draft)
            .await
            .unwrap();
        let p = &ev.participants;
        let mut emails = Vec::new();
        for (i, name) in ["anna", "ben", "cleo", "dan"].iter().enumerate() {
            emails.push(
                a.login(name, Role::Participant, Some(ev.id), Some(p[i]))
                    .await
                    .1,
            );
        }
        let accepted = async |from: usize, to: usize| a.accepted(&ev, from, to).await;
        accepted(0, 1).await;
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        core.set_schedule_state(&a.staff, ev.id, ScheduleState::Final)
            .await
            .unwrap();
        run_jobs(&core).await;
        let first = a.meetings(&ev).await;
        let before = mails_in(dir.path()).len();

        // A late pair, placed around the published meeting: only Cleo and Dan hear of it.
        accepted(2, 3).await;
        run_jobs(&core).await;
        let answered = mails_in(dir.path()).len();
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        run_jobs(&core).await;
        let mails = mails_in(dir.path());
        let new: Vec<_> = mails
            .iter()
            .filter(|m| m.1.starts_with("Ein neuer Termin in Ihrem Plan"))
            .collect();
        assert_eq!(new.len(), 2, "{backend}: {new:?}");
        assert_eq!(mails.len(), answered + 2, "{backend}: nobody else");
        for (who, partner) in [(&emails[2], "Börse Firma 4"), (&emails[3], "Börse Firma 3")] {
            let mine = new.iter().find(|m| m.0.contains(who.as_str())).unwrap();
            assert!(mine.2.contains(partner), "{backend}: {}", mine.2);
        }
        let now = a.meetings(&ev).await;
        let kept = &now.iter().find(|m| m.id == first[0].id).unwrap();
        assert_eq!(
            (kept.starts_at, kept.table_no),
            (first[0].starts_at, first[0].table_no),
            "{backend}: the published meeting did not move"
        );
        assert!(answered > before, "{backend}: the answer was mailed");

        // Cleo and Dan's meeting moves to a free time: they are told, and only they.
        let late = now.iter().find(|m| m.id != first[0].id).unwrap();
        let to = core
            .reader(&a.staff)
            .await
            .unwrap()
            .free_slots_for_meeting(late.id)
            .await
            .unwrap()
            .remove(0);
        core.move_meeting(&a.staff, ev.id, late.id, to.session, to.starts_at)
            .await
            .unwrap();
        run_jobs(&core).await;
        let mails = mails_in(dir.path());
        let moved: Vec<_> = mails
            .iter()
            .filter(|m| m.1.starts_with("Ein Termin wurde verlegt"))
            .collect();
        assert_eq!(moved.len(), 2, "{backend}: {moved:?}");
        assert!(moved.iter().any(|m| m.0.contains(emails[2].as_str())));
        assert!(moved.iter().any(|m| m.0.contains(emails[3].as_str())));
        let when = to.starts_at.format("%H:%M").to_string();
        assert!(moved[0].2.contains(&when), "{backend}: {}", moved[0].2);

        // Anna and Ben's meeting is cancelled: they are told, and only they.
        core.set_meeting_status(&a.staff, ev.id, first[0].id, MeetingStatus::Cancelled)
            .await
            .unwrap();
        run_jobs(&core).await;
        let after = mails_in(dir.path());
        let cancelled: Vec<_> = after
            .iter()
            .filter(|m| m.1.starts_with("Ein Termin wurde abgesagt"))
            .collect();
        assert_eq!(cancelled.len(), 2, "{backend}: {cancelled:?}");
        assert_eq!(after.len(), mails.len() + 2, "{backend}");
        assert!(cancelled.iter().any(|m| m.0.contains(emails[0].as_str())));
        assert!(cancelled.iter().any(|m| m.0.contains(emails[1].as_str())));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_participant_hears_which_visit_they_got_or_that_they_wait() {
    use koop_core::domain::values::LanguageCode;
    for (backend, url) in fresh_databases().await {
        let (dir, core) = mailing_core(&url).await;
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(2).create().await;
        let mut emails = Vec::new();
        for (i, name) in ["anna", "ben"].iter().enumerate() {
            emails.push(
                a.login(
                    name,
                    Role::Participant,
                    Some(ev.id),
                    Some(ev.participants[i]),
                )
                .await
                .1,
            );
        }
        let de = LanguageCode::parse("de").unwrap();
        let laser = core
            .offer_visit(
                &a.staff,
                ev.id,
                None,
                ev.orgs[0],
                "Besuch: Laserzentrum",
                "",
                1,
                &de,
            )
            .await
            .unwrap();
        for p in &ev.participants {
            core.wish_visits(&a.staff, ev.id, *p, vec![laser])
                .await
                .unwrap();
        }
        core.assign_visits(&a.staff, ev.id).await.unwrap();
        run_jobs(&core).await;
        let mails = mails_in(dir.path());
        let seated: Vec<_> = mails
            .iter()
            .filter(|m| m.1 == "Ihr Firmenbesuch bei Börse")
            .collect();
        let waiting: Vec<_> = mails
            .iter()
            .filter(|m| m.1 == "Ihr Firmenbesuch bei Börse: die Warteliste")
            .collect();
        assert_eq!(
            (seated.len(), waiting.len()),
            (1, 1),
            "{backend}: {mails:?}"
        );
        assert!(
            seated[0].2.contains("Besuch: Laserzentrum"),
            "{}",
            seated[0].2
        );
        // The one seated gives it back: the one waiting hears of the seat.
        let seated_one = if seated[0].0.contains(emails[0].as_str()) {
            0
        } else {
            1
        };
        let booking = core
            .reader(&a.staff)
            .await
            .unwrap()
            .visit_bookings_of(ev.id, ev.participants[seated_one])
            .await
            .unwrap()[0]
            .0;
        core.give_back_visit(&a.staff, ev.id, booking)
            .await
            .unwrap();
        run_jobs(&core).await;
        let after = mails_in(dir.path());
        assert_eq!(after.len(), mails.len() + 1, "{backend}");
        let other = &emails[1 - seated_one];
        assert!(
            after
                .iter()
                .any(|m| m.0.contains(other.as_str()) && m.1 == "Ihr Firmenbesuch bei Börse"),
            "{backend}: {after:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_reminder_waits_for_its_day_and_links_to_the_next_outcome() {
    use koop_core::domain::outcome::{Attribution, OutcomeData, OutcomeKind};
    use koop_core::mail::{Mail, Notice};
    for (backend, url) in fresh_databases().await {
        let (dir, core) = mailing_core(&url).await;
        let a = TestAgency::create(&core, "a").await;
        let org = a.org("Sensorik GmbH", true).await;
        let today = chrono::Utc::now().date_naive();
        let data = |title: &str| OutcomeData {
            kind: OutcomeKind::ContactEstablished,
            title: title.into(),
            achieved_on: today,
            value: None,
            org_ids: vec![org],
            attribution: Attribution::default(),
        };
        // A day that is not after today is refused, and no outcome is written.
        let before = core
            .reader(&Actor::system())
            .await
            .unwrap()
            .outcomes(Default::default())
            .await
            .unwrap()
            .len();
        let refused = core
            .record_outcome_reminding(&a.staff, a.id, data("Kontakt"), false, Some(today))
            .await;
        assert!(refused.is_err(), "{backend}");
        let after = core
            .reader(&Actor::system())
            .await
            .unwrap()
            .outcomes(Default::default())
            .await
            .unwrap()
            .len();
        assert_eq!(after, before, "{backend}: nothing half-written");
        core.record_outcome_reminding(
            &a.staff,
            a.id,
            data("Kontakt zur Sensorik GmbH"),
            false,
            Some(today + chrono::Duration::days(182)),
        )
        .await
        .unwrap();
        // The reminder waits: no mail today.
        run_jobs(&core).await;
        assert!(mails_in(dir.path()).is_empty(), "{backend}: sent too early");
    }
    // The mail itself, as the composer words it on its day.
    let mail = Mail {
        to: "staff@agency.test".into(),
        name: "Staff".into(),
        language: "de".into(),
        notice: Notice::FollowUpDue {
            title: "Kontakt zur Sensorik GmbH".into(),
            outcome_kind: "contact_established".into(),
            achieved_on: chrono::NaiveDate::from_ymd_opt(2026, 6, 3).unwrap(),
            meeting_id: Some(17),
            activity_id: None,
            event_id: Some(4),
        },
    };
    let words = koop_web::mail::composer().compose(&mail, "http://koop.test");
    assert_eq!(words.subject, "Nachfassen: Kontakt zur Sensorik GmbH");
    assert!(words.text.contains("03.06.2026"), "{}", words.text);
    assert!(
        words
            .text
            .contains("http://koop.test/manage/outcomes/new?meeting=17&event=4"),
        "{}",
        words.text
    );
}
