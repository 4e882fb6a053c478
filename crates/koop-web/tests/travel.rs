//! Travel time between venues: organisers set it in the event's setup (a bad value is
//! refused beside its field), the times offered to pick leave it between a
//! participant's meetings at two venues, and so does the optimiser.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::TestApp;
use koop_core::domain::event::{SessionData, SessionKind, Venue};
use koop_core::domain::ids::VenueId;
use koop_core::domain::meeting::Priority;
use koop_core::domain::settings::{EventSettings, SchedulingMode};
use koop_core::ops::meetings::NewMeeting;
use koop_core::testing::{TestAgency, fresh_databases};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2030, 3, 1)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// An event of three participants with a B2B session 9:00–10:00 here (30-minute
/// slots) and one 10:00–11:00 at the fair; returns the agency, the event and the two
/// venues.
async fn two_venues(
    core: &koop_core::Core,
    slug: &str,
) -> (TestAgency, koop_core::testing::TestEvent, VenueId, VenueId) {
    let a = TestAgency::create(core, slug).await;
    let ev = a
        .event("Börse")
        .participants(3)
        .slots(2)
        .tables(2)
        .create()
        .await;
    let here = core
        .reader(&a.staff)
        .await
        .unwrap()
        .venues(ev.id)
        .await
        .unwrap()[0]
        .id;
    let fair = core
        .add_venue(
            &a.staff,
            ev.id,
            Venue {
                id: VenueId(0),
                event_id: ev.id,
                name: "Messe".into(),
                address: String::new(),
                city: "Hannover".into(),
                time_zone: "Europe/Berlin".into(),
            },
        )
        .await
        .unwrap();
    core.add_session(
        &a.staff,
        ev.id,
        Some(fair),
        SessionData {
            kind: SessionKind::B2bMeetings,
            title: "Messe".into(),
            starts_at: at(10, 0),
            ends_at: at(11, 0),
            slot_minutes: Some(30),
            tables: Some(2),
            breaks: vec![],
        },
    )
    .await
    .unwrap();
    (a, ev, here, fair)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_travel_time_between_venues_is_left_between_a_participants_meetings() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let (a, ev, here, fair) = two_venues(&core, "a").await;
        let app = TestApp::new(core.clone());
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        let field = format!("travel-{}-{}", here.0.min(fair.0), here.0.max(fair.0));
        let setup = app.get(&format!("/events/{e}/setup"), Some(&staff)).await;
        assert!(
            setup.body.contains(&format!("name=\"{field}\"")),
            "{backend}"
        );
        for bad in ["eine Stunde", "2000"] {
            let refused = app
                .post_form(
                    &format!("/events/{e}/setup/travel"),
                    &format!("{field}={}", bad.replace(' ', "+")),
                    Some(&staff),
                )
                .await;
            assert_eq!(refused.status, 422, "{backend}: {bad}");
            let problems = common::select(
                &refused.body,
                &format!("label:has([name=\"{field}\"]) .field-error"),
            );
            assert_eq!(problems.len(), 1, "{backend}: {bad}: beside its field");
        }
        let saved = app
            .post_form(
                &format!("/events/{e}/setup/travel"),
                &format!("{field}=60"),
                Some(&staff),
            )
            .await;
        assert_eq!(saved.status, 303, "{backend}: {}", saved.body);
        let setup = app.get(&format!("/events/{e}/setup"), Some(&staff)).await;
        assert!(setup.body.contains("value=\"60\""), "{backend}");

        // Anna meets Ben at 9:30 here; an hour to the fair leaves her only 9:00 with Cleo.
        let settings = EventSettings {
            scheduling_mode: SchedulingMode::PartnerPicks,
            ..EventSettings::default()
        };
        core.set_event_settings(&a.staff, ev.id, settings)
            .await
            .unwrap();
        let p = &ev.participants;
        core.place_meeting(
            &a.staff,
            NewMeeting {
                event: ev.id,
                request: None,
                session: Some(ev.sessions[0]),
                title: String::new(),
                starts_at: Some(at(9, 30)),
                table_no: Some(1),
                participants: vec![p[0], p[1]],
            },
        )
        .await
        .unwrap();
        let r = core
            .request_meeting(&a.staff, ev.id, p[2], p[0], Priority::Normal, "")
            .await
            .unwrap();
        let free = || async {
            core.reader(&a.staff)
                .await
                .unwrap()
                .free_slots(r)
                .await
                .unwrap()
                .iter()
                .map(|f| f.starts_at.format("%H:%M").to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(free().await, vec!["09:00"], "{backend}");
        core.set_travel_times(&a.staff, ev.id, vec![])
            .await
            .unwrap();
        assert_eq!(
            free().await,
            vec!["09:00", "10:00", "10:30"],
            "{backend}: without travel time"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_optimiser_leaves_the_travel_time_between_venues() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        for (minutes, placed) in [(60, 2), (0, 3)] {
            let (a, ev, here, fair) = two_venues(&core, &format!("t{minutes}")).await;
            core.set_travel_times(&a.staff, ev.id, vec![(here, fair, minutes)])
                .await
                .unwrap();
            // Everyone wants to meet everyone: three meetings, two each.
            for (i, j) in [(0, 1), (0, 2), (1, 2)] {
                a.accepted(&ev, i, j).await;
            }
            let report = core
                .schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
                .await
                .unwrap();
            assert_eq!(
                report.placed, placed,
                "{backend}: {minutes} min: {report:?}"
            );
            let meetings = a.meetings(&ev).await;
            // With an hour to travel, nobody meets at both venues (the slots are 30
            // minutes apart at most).
            if minutes == 60 {
                for p in &ev.participants {
                    let venues: std::collections::BTreeSet<_> = meetings
                        .iter()
                        .filter(|m| m.attendees.iter().any(|x| x.participant == *p))
                        .map(|m| m.venue.clone().unwrap_or_default().0)
                        .collect();
                    assert!(venues.len() <= 1, "{backend}: {p} at {venues:?}");
                }
            }
        }
    }
}
