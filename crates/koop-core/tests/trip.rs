//! The demo's delegation trip: every entrepreneur's pre-arranged meetings with local
//! partners at the stations, placed by the scheduler around the group programme (with
//! the way back from across town), inside each local partner's hours, and the MoU
//! signed on the way.

use chrono::Duration;
use koop_core::domain::event::{ParticipantRole, SessionKind};
use koop_core::{Actor, Core};
use koop_demo as demo;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_entrepreneur_meets_local_partners_at_both_stations_around_the_programme() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = demo::load(&core).await.unwrap();
        let mut r = core.reader(&Actor::system()).await.unwrap();
        let trip = world.trip;
        let people = r.participants(trip).await.unwrap();
        let role_of = |id| people.iter().find(|p| p.id == id).map(|p| p.role);
        let sessions = r.sessions(trip).await.unwrap();
        let venues = r.venues(trip).await.unwrap();
        let programme: Vec<_> = sessions
            .iter()
            .filter(|x| x.data.kind != SessionKind::B2bMeetings)
            .collect();
        let presence = r.presence(trip).await.unwrap();
        let entrepreneurs: Vec<_> = people
            .iter()
            .filter(|p| p.role == ParticipantRole::Entrepreneur)
            .collect();
        assert_eq!(entrepreneurs.len(), 17, "{backend}");
        for e in &entrepreneurs {
            let mine = r.meetings(trip, Some(e.id)).await.unwrap();
            let b2b: Vec<_> = mine
                .iter()
                .filter(|m| {
                    m.attendees.len() == 2
                        && m.attendees
                            .iter()
                            .any(|a| role_of(a.participant) == Some(ParticipantRole::LocalPartner))
                })
                .collect();
            let at_station = |name: &str| {
                b2b.iter()
                    .filter(|m| m.venue.as_ref().is_some_and(|v| v.0.contains(name)))
                    .count()
            };
            assert!(
                at_station("Almaty") >= 1,
                "{backend}: {} in Almaty",
                e.org_name
            );
            assert!(
                at_station("Taschkent") >= 1,
                "{backend}: {} in Tashkent",
                e.org_name
            );
            // The official meetings are on the itinerary too.
            assert!(
                mine.iter().any(|m| m.title.contains("Botschafter")),
                "{backend}: {}",
                e.org_name
            );
            for m in &b2b {
                let start = m.starts_at.unwrap();
                let end = start + Duration::minutes(m.minutes.unwrap());
                // Never during the group programme, nor before the way back from it
                // (at least 20 minutes across town at each station).
                for x in &programme {
                    assert!(
                        end <= x.data.starts_at || start >= x.data.ends_at + Duration::minutes(20),
                        "{backend}: {} at {start} collides with {}",
                        e.org_name,
                        x.data.title
                    );
                }
                // Inside the local partner's hours, at its station.
                let partner = m
                    .attendees
                    .iter()
                    .find(|a| a.participant != e.id)
                    .unwrap()
                    .participant;
                let venue = venues
                    .iter()
                    .find(|v| Some(&v.name) == m.venue.as_ref().map(|v| &v.0))
                    .map(|v| v.id);
                assert!(
                    koop_core::domain::event::present(&presence[&partner], venue, start, end),
                    "{backend}: {start} outside the partner's hours"
                );
            }
        }
        // The engine proposes local partners at each station for each entrepreneur, each
        // with a reason; the ones the demo's agency confirmed are marked.
        let proposals = core
            .trip_proposals(&Actor::system(), trip, 3)
            .await
            .unwrap();
        // Only partners with a reason are proposed (a software house finds none among
        // farms and machine builders; the agency picks for it by hand).
        assert!(proposals.iter().all(|p| !p.reasons.is_empty()), "{backend}");
        let covered = entrepreneurs
            .iter()
            .filter(|e| proposals.iter().any(|p| p.traveller == e.id))
            .count();
        assert!(covered >= 12, "{backend}: {covered} of 17 get proposals");
        let taken = proposals.iter().filter(|p| p.confirmed).count();
        assert!(
            taken >= entrepreneurs.len(),
            "{backend}: {taken} proposals confirmed"
        );
        assert!(
            matches!(
                core.trip_proposals(&Actor::anonymous(), trip, 3).await,
                Err(koop_core::CoreError::Forbidden)
            ),
            "{backend}: organisers only"
        );
        // The MoU with the national chamber, signed on the way.
        let agreements = r.agreements(None).await.unwrap();
        assert!(
            agreements
                .iter()
                .any(|(a, _)| a.data.title.contains("Атамекен")
                    && a.data.signed_on.map(|d| d.to_string()) == Some("2019-09-16".into())),
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_online_missions_meetings_lie_within_both_sides_working_hours() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = demo::load(&core).await.unwrap();
        let mut r = core.reader(&Actor::system()).await.unwrap();
        let online = world.online;
        let people = r.participants(online).await.unwrap();
        let zones: std::collections::BTreeSet<String> = people
            .iter()
            .map(|p| {
                p.time_zone
                    .clone()
                    .unwrap_or_else(|| "Europe/Berlin".into())
            })
            .collect();
        assert!(zones.len() >= 4, "{backend}: {zones:?}");
        let meetings = r.meetings(online, None).await.unwrap();
        assert_eq!(meetings.len(), 12, "{backend}: every pair placed");
        for m in &meetings {
            let start = m.starts_at.unwrap();
            let end = start + Duration::minutes(m.minutes.unwrap());
            for a in &m.attendees {
                let p = people.iter().find(|p| p.id == a.participant).unwrap();
                // Working hours on each side's own clock: 8–17 in Berlin, 9–18 abroad.
                let zone = p.time_zone.as_deref().unwrap_or("Europe/Berlin");
                let local = |t| koop_core::zones::convert(t, "Europe/Berlin", zone).unwrap();
                let (from, until) = if p.time_zone.is_some() {
                    (9, 18)
                } else {
                    (8, 17)
                };
                let day = local(start).date();
                assert!(
                    local(start) >= day.and_hms_opt(from, 0, 0).unwrap()
                        && local(end) <= day.and_hms_opt(until, 0, 0).unwrap(),
                    "{backend}: {} at {} local ({zone})",
                    p.org_name,
                    local(start)
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_cancelled_on_the_ground_is_placed_again_and_nothing_else_moves() {
    use koop_core::domain::meeting::MeetingStatus;
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = demo::load(&core).await.unwrap();
        let sys = Actor::system();
        // The demo trip's meetings were held; the online mission's are still ahead.
        let trip = world.online;
        let meetings = |core: &Core| {
            let core = core.clone();
            async move {
                core.reader(&Actor::system())
                    .await
                    .unwrap()
                    .meetings(trip, None)
                    .await
                    .unwrap()
            }
        };
        let before = meetings(&core).await;
        let victim = before.iter().find(|m| m.attendees.len() == 2).unwrap();
        // Not cancelled yet: refused.
        assert!(
            core.reopen_cancelled(&sys, trip, victim.id).await.is_err(),
            "{backend}"
        );
        core.set_meeting_status(&sys, trip, victim.id, MeetingStatus::Cancelled)
            .await
            .unwrap();
        core.reopen_cancelled(&sys, trip, victim.id).await.unwrap();
        let report = core
            .schedule_event(&sys, trip, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(report.placed, 1, "{backend}: {report:?}");
        let after = meetings(&core).await;
        // Every other meeting stays where it was.
        for m in before.iter().filter(|m| m.id != victim.id) {
            let same = after.iter().find(|x| x.id == m.id).unwrap();
            assert_eq!(
                (same.starts_at, same.table_no),
                (m.starts_at, m.table_no),
                "{backend}"
            );
        }
        let again: Vec<_> = after
            .iter()
            .filter(|m| m.id != victim.id && m.attendees == victim.attendees)
            .collect();
        assert_eq!(again.len(), 1, "{backend}: the pair meets again");
        assert_eq!(again[0].status, MeetingStatus::Scheduled, "{backend}");
        // Twice is refused: the pair is back with the scheduler already.
        assert!(
            core.reopen_cancelled(&sys, trip, victim.id).await.is_err(),
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_trips_follow_ups_count_in_the_funnel_per_trip_and_per_station() {
    use koop_core::dashboard::FunnelScope;
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = demo::load(&core).await.unwrap();
        let mut r = core.reader(&Actor::system()).await.unwrap();
        let board = koop_core::dashboard::dashboard(&mut r, world.leg)
            .await
            .unwrap();
        let row = |f: &dyn Fn(&FunnelScope) -> bool| {
            board
                .funnel
                .iter()
                .find(|x| f(&x.scope))
                .map(|x| x.counts)
                .unwrap_or_else(|| panic!("{backend}: no such row in {:?}", board.funnel))
        };
        let trip = row(&|s| matches!(s, FunnelScope::Event(e, _) if *e == world.trip));
        assert_eq!(trip[1], 44, "{backend}: the held B2B meetings");
        assert_eq!(
            trip[2], 2,
            "{backend}: negotiations and a follow-up meeting"
        );
        assert_eq!(trip[4], 1, "{backend}: the order");
        let almaty = row(
            &|s| matches!(s, FunnelScope::Station(e, v) if *e == world.trip && v.contains("Almaty")),
        );
        assert_eq!(
            almaty[1], 17,
            "{backend}: every entrepreneur met one partner in Almaty"
        );
        assert_eq!(
            (almaty[2], almaty[4]),
            (1, 1),
            "{backend}: Suhl's follow-up and the order"
        );
        let tashkent = row(
            &|s| matches!(s, FunnelScope::Station(e, v) if *e == world.trip && v.contains("Taschkent")),
        );
        assert_eq!(tashkent[2], 1, "{backend}: the negotiations");
        // The follow-ups count towards the agency's instrument for trips.
        let instruments = r.instruments(world.leg).await.unwrap();
        let missions = instruments
            .iter()
            .find(|i| i.name == "Unternehmerreisen")
            .unwrap();
        let outcomes = r.outcomes(Default::default()).await.unwrap();
        let of_trip: Vec<_> = outcomes
            .iter()
            .filter(|o| {
                o.data.attribution.event_id == Some(world.trip)
                    && o.data.attribution.meeting_id.is_some()
            })
            .collect();
        assert_eq!(of_trip.len(), 3, "{backend}");
        assert!(
            of_trip
                .iter()
                .all(|o| o.data.attribution.instrument_id == Some(missions.id)),
            "{backend}"
        );
        // The stations follow their trip's row.
        let at = |f: &dyn Fn(&FunnelScope) -> bool| {
            board.funnel.iter().position(|x| f(&x.scope)).unwrap()
        };
        assert!(
            at(&|s| matches!(s, FunnelScope::Event(e, _) if *e == world.trip))
                < at(&|s| matches!(s, FunnelScope::Station(e, _) if *e == world.trip)),
            "{backend}"
        );
    }
}
