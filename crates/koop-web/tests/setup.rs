//! An organiser sets an event up in the browser's forms (event, settings, venue,
//! session), opens registration, and a company registers with consent; the event's
//! request rules (limit, automatic acceptance, expiry) hold.

mod common;

use common::{TestApp, select};
use koop_core::domain::event::ParticipantStatus;
use koop_core::domain::meeting::{Priority, RequestStatus};
use koop_core::domain::settings::{EventSettings, RequestMode};
use koop_core::testing::{TestAgency, fresh_databases};
use koop_core::{Actor, CoreError};

fn field(html: &str, name: &str) -> Vec<String> {
    select(html, &format!("label:has([name=\"{name}\"]) .field-error"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_sets_up_an_event_and_a_company_registers_with_consent() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let app = TestApp::new(core.clone());
        let staff = app.login_as(&a.staff_email).await;

        let form = app.get("/manage/events/new", Some(&staff)).await;
        assert_eq!(form.status, 200, "{backend}");
        assert!(
            form.body
                .contains(&format!("value=\"{}\" selected", a.org.0)),
            "{backend}: the agency is the organiser by default"
        );
        // A bad date comes back beside its field, with the title kept.
        let refused = app
            .post_form(
                "/manage/events/new",
                &format!(
                    "title=Kooperationsb%C3%B6rse+Barleben&kind=cooperation_exchange&start_on=2027-04-20&end_on=20.04.2027&organisers={}",
                    a.org.0
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(refused.status, 422, "{backend}");
        assert_eq!(
            field(&refused.body, "end_on"),
            vec!["Letzter Tag: „20.04.2027“ ist kein Datum."],
            "{backend}"
        );
        assert!(
            refused
                .body
                .contains("value=\"Kooperationsbörse Barleben\"")
        );
        let created = app
            .post_form(
                "/manage/events/new",
                &format!(
                    "title=Kooperationsb%C3%B6rse+Barleben&kind=cooperation_exchange&start_on=2027-04-20&end_on=2027-04-22&organisers={}",
                    a.org.0
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(created.status, 303, "{backend}: {}", created.body);
        let events = core
            .reader(&a.staff)
            .await
            .unwrap()
            .events(None)
            .await
            .unwrap();
        let ev = events
            .iter()
            .find(|e| e.data.title == "Kooperationsbörse Barleben")
            .expect("created");
        let e = ev.id.0;
        assert!(!ev.published, "a new event starts unpublished");

        // Registration cannot open without terms.
        let refused = app
            .post_form(
                &format!("/events/{e}/setup/settings"),
                "registration_open=on&terms=&questions=&request_mode=partner_accepts&scheduling_mode=optimiser&request_limit=0&request_expiry_days=",
                Some(&staff),
            )
            .await;
        assert_eq!(refused.status, 422, "{backend}");
        assert_eq!(
            field(&refused.body, "terms").len(),
            1,
            "{backend}: {:?}",
            select(&refused.body, ".field-error, .alert")
        );
        assert_eq!(
            field(&refused.body, "request_limit"),
            vec!["Gesprächswünsche je Teilnehmer, höchstens: von 1 bis 1000."],
            "{backend}"
        );
        let saved = app
            .post_form(
                &format!("/events/{e}/setup/settings"),
                "registration_open=on&terms=Ihre+Angaben+werden+f%C3%BCr+die+B%C3%B6rse+gespeichert.&questions=Was+suchen+Sie%3F%0AWie+haben+Sie+von+uns+erfahren%3F&request_mode=partner_accepts&scheduling_mode=optimiser&request_limit=2&request_expiry_days=7",
                Some(&staff),
            )
            .await;
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);
        let venue = app
            .post_form(
                &format!("/events/{e}/setup/venues"),
                "name=IGZ+Barleben&city=Barleben&time_zone=Europe%2FBerlin",
                Some(&staff),
            )
            .await;
        assert_eq!(venue.status, 303, "{backend}: {}", venue.body);
        let bad_zone = app
            .post_form(
                &format!("/events/{e}/setup/venues"),
                "name=Messe&city=Hannover&time_zone=Berlin",
                Some(&staff),
            )
            .await;
        assert_eq!(bad_zone.status, 422, "{backend}");
        assert_eq!(field(&bad_zone.body, "time_zone").len(), 1, "{backend}");
        let r = &mut core.reader(&a.staff).await.unwrap();
        let venue_id = r.venues(ev.id).await.unwrap()[0].id.0;
        let session = app
            .post_form(
                &format!("/events/{e}/setup/sessions"),
                &format!(
                    "title=Kooperationsgespr%C3%A4che&kind=b2b_meetings&venue={venue_id}&starts_at=2027-04-20T10%3A00&ends_at=2027-04-20T13%3A00&slot_minutes=20&tables=12&breaks=11%3A00-11%3A20"
                ),
                Some(&staff),
            )
            .await;
        assert_eq!(session.status, 303, "{backend}: {}", session.body);
        let long_slot = app
            .post_form(
                &format!("/events/{e}/setup/sessions"),
                "title=Zu+lang&kind=b2b_meetings&starts_at=2027-04-20T10%3A00&ends_at=2027-04-20T11%3A00&slot_minutes=90&tables=3",
                Some(&staff),
            )
            .await;
        assert_eq!(long_slot.status, 422, "{backend}");
        assert_eq!(field(&long_slot.body, "slot_minutes").len(), 1, "{backend}");
        // Breaks that cannot be read or lie outside the session are refused beside the field.
        for breaks in ["Kaffee", "09%3A00-09%3A30", "11%3A20-11%3A00"] {
            let refused = app
                .post_form(
                    &format!("/events/{e}/setup/sessions"),
                    &format!("title=Mit+Pause&kind=b2b_meetings&starts_at=2027-04-20T10%3A00&ends_at=2027-04-20T13%3A00&slot_minutes=20&tables=3&breaks={breaks}"),
                    Some(&staff),
                )
                .await;
            assert_eq!(refused.status, 422, "{backend}: {breaks}");
            assert_eq!(
                field(&refused.body, "breaks").len(),
                1,
                "{backend}: {breaks}"
            );
        }
        let sessions = r.sessions(ev.id).await.unwrap();
        assert_eq!(sessions.len(), 1, "{backend}");
        // Nine 20-minute slots from 10:00 to 13:00, but for the one in the coffee break.
        assert_eq!(sessions[0].data.slot_count(), 8);
        assert!(
            !sessions[0]
                .data
                .slot_starts()
                .iter()
                .any(|t| t.format("%H:%M").to_string() == "11:00"),
            "{backend}"
        );
        assert_eq!(sessions[0].data.tables, Some(12));
        // A venue in use cannot go.
        let in_use = app
            .post_form(
                &format!("/events/{e}/setup/venues/{venue_id}/remove"),
                "",
                Some(&staff),
            )
            .await;
        assert_eq!(in_use.status, 422, "{backend}");
        let page = app.get(&format!("/events/{e}/setup"), Some(&staff)).await;
        assert_eq!(page.status, 200, "{backend}");
        assert!(page.body.contains("Fassung der Teilnahmebedingungen: 1"));

        // Publish, so that companies find the form.
        core.publish_event(&a.staff, ev.id, true).await.unwrap();
        let form = app.get(&format!("/events/{e}/register"), None).await;
        assert_eq!(form.status, 200, "{backend}");
        assert!(
            form.body
                .contains("Ihre Angaben werden für die Börse gespeichert.")
        );
        assert_eq!(select(&form.body, "textarea[name^=answer_]").len(), 2);
        // Without consent and with an unanswered question, nothing is written.
        let body = "org_name=Metallbau+Riga+SIA&kind=company&country=LV&city=Riga&given_name=Ilze&family_name=Ozola&email=ilze%40metallbau.lv&password=lange-genug-2027&languages=lv%2C+en&answer_1=Partner+f%C3%BCr+Blechbearbeitung&answer_2=&terms_version=1&ui_language=en";
        let refused = app
            .post_form(&format!("/events/{e}/register"), body, None)
            .await;
        assert_eq!(refused.status, 422, "{backend}");
        assert_eq!(field(&refused.body, "consent").len(), 1, "{backend}");
        assert_eq!(field(&refused.body, "answer_2").len(), 1, "{backend}");
        assert!(
            !refused.body.contains("lange-genug-2027"),
            "the password is not sent back"
        );
        assert!(refused.body.contains("value=\"Metallbau Riga SIA\""));
        let r = &mut core.reader(&a.staff).await.unwrap();
        assert!(r.participants(ev.id).await.unwrap().is_empty(), "{backend}");

        let body = body.replace("answer_2=", "answer_2=Newsletter") + "&consent=on";
        let done = app
            .post_form(&format!("/events/{e}/register"), &body, None)
            .await;
        assert_eq!(done.status, 303, "{backend}: {}", done.body);
        let ilze = app.login("ilze@metallbau.lv", "lange-genug-2027").await;
        assert!(ilze.is_some(), "{backend}: the registrant can log in");
        let again = app
            .post_form(&format!("/events/{e}/register"), &body, None)
            .await;
        assert_eq!(again.status, 422, "{backend}: the same e-mail twice");

        let list = app
            .get(&format!("/events/{e}/registrations"), Some(&staff))
            .await;
        assert_eq!(list.status, 200, "{backend}");
        let cards = select(&list.body, "#registrations li.card");
        assert_eq!(cards.len(), 1, "{backend}");
        assert!(cards[0].contains("Metallbau Riga SIA") && cards[0].contains("Ilze Ozola"));
        assert!(cards[0].contains("Partner für Blechbearbeitung"));
        assert!(cards[0].contains("noch kein Profil"));
        let p = r.participants(ev.id).await.unwrap()[0].id;
        let confirmed = app
            .post_form(
                &format!("/events/{e}/registrations/{}/confirm", p.0),
                "",
                Some(&staff),
            )
            .await;
        assert_eq!(confirmed.status, 303, "{backend}");
        let r = &mut core.reader(&a.staff).await.unwrap();
        let me = r.participant(p).await.unwrap();
        assert_eq!(me.status, Some(ParticipantStatus::Confirmed), "{backend}");
        let consents = koop_core::testing::consents_of(&core, me.person_id.unwrap())
            .await
            .unwrap();
        assert_eq!(consents.len(), 1, "{backend}");
        assert_eq!(consents[0].version, 1);

        // Changed terms get a new version, and an old form is refused.
        let mut settings = ev_settings(&core, &a.staff, ev.id).await;
        settings.terms.push_str(" Fotos werden veröffentlicht.");
        let changed = core
            .set_event_settings(&a.staff, ev.id, settings)
            .await
            .unwrap();
        assert_eq!(changed.terms_version, 2);
        let stale = body
            .replace("ilze%40metallbau.lv", "juris%40metallbau.lv")
            .replace("given_name=Ilze", "given_name=Juris");
        let old = app
            .post_form(&format!("/events/{e}/register"), &stale, None)
            .await;
        assert_eq!(old.status, 422, "{backend}");
        assert!(
            select(&old.body, ".alert")
                .iter()
                .any(|a| a.starts_with("Die Teilnahmebedingungen haben sich geändert")),
            "{backend}: {:?}",
            select(&old.body, ".alert")
        );
    }
}

async fn ev_settings(
    core: &koop_core::Core,
    staff: &Actor,
    ev: koop_core::domain::ids::EventId,
) -> EventSettings {
    core.reader(staff)
        .await
        .unwrap()
        .event(ev)
        .await
        .unwrap()
        .settings
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_events_request_rules_limit_accept_automatically_and_expire() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(4).create().await;
        let p = &ev.participants;
        let mut settings = ev_settings(&core, &a.staff, ev.id).await;
        settings.request_limit = Some(2);
        settings.request_mode = RequestMode::Automatic;
        core.set_event_settings(&a.staff, ev.id, settings.clone())
            .await
            .unwrap();
        let ask =
            |to: usize| core.request_meeting(&a.staff, ev.id, p[0], p[to], Priority::Normal, "");
        let first = ask(1).await.unwrap();
        ask(2).await.unwrap();
        match ask(3).await {
            Err(CoreError::Conflict(e)) => assert_eq!(e.code, "request_limit", "{backend}"),
            other => panic!("{backend}: the third request got {other:?}"),
        }
        let r = &mut core.reader(&a.staff).await.unwrap();
        let (_, status, _, _) = r.request(first).await.unwrap();
        assert_eq!(
            status,
            RequestStatus::Accepted,
            "{backend}: accepted at once"
        );

        // Back to answers by the partner, with an expiry: a request waits, and a
        // sweep leaves it alone until it is older than the expiry.
        settings.request_mode = RequestMode::PartnerAccepts;
        settings.request_limit = None;
        settings.request_expiry_days = Some(3);
        core.set_event_settings(&a.staff, ev.id, settings)
            .await
            .unwrap();
        let waiting = core
            .request_meeting(&a.staff, ev.id, p[1], p[2], Priority::Normal, "")
            .await
            .unwrap();
        assert_eq!(core.expire_requests().await.unwrap(), 0, "{backend}");
        koop_core::testing::age_request(&core, waiting, 4)
            .await
            .unwrap();
        assert_eq!(core.expire_requests().await.unwrap(), 1, "{backend}");
        let r = &mut core.reader(&a.staff).await.unwrap();
        let (_, status, _, _) = r.request(waiting).await.unwrap();
        assert_eq!(status, RequestStatus::Expired, "{backend}");
        let answered = core
            .answer_request(
                &a.staff,
                ev.id,
                waiting,
                koop_core::ops::meetings::RequestAnswer::Accept,
            )
            .await;
        assert!(
            matches!(answered, Err(CoreError::Conflict(_))),
            "{backend}: an expired request cannot be accepted"
        );
    }
}
