//! State changes that race: two answers to one request, a decline or a hand-placed
//! meeting during a scheduler run, four scheduler runs at once. On SQLite and on
//! PostgreSQL, which interleave differently (SQLite serialises writers, PostgreSQL
//! lets the second writer find the row changed).

use koop_core::domain::ids::{EventId, MeetingRequestId, ParticipantId};
use koop_core::domain::meeting::{MeetingStatus, Priority, RequestStatus};
use koop_core::ops::meetings::{NewMeeting, RequestAnswer};
use koop_core::testing::{TestAgency, TestEvent, fresh_databases};
use koop_core::{Actor, Core, CoreError};
use std::collections::HashSet;
use std::time::Duration;

/// Every pair (i, j) with i < j of the event's participants requests and accepts.
async fn accepted_pairs(core: &Core, staff: &Actor, ev: &TestEvent) -> Vec<MeetingRequestId> {
    let mut out = Vec::new();
    let p = &ev.participants;
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            let r = core
                .request_meeting(staff, ev.id, p[i], p[j], Priority::Normal, "")
                .await
                .unwrap();
            core.answer_request(staff, ev.id, r, RequestAnswer::Accept)
                .await
                .unwrap();
            out.push(r);
        }
    }
    out
}

/// Asserts that no participant and no table is booked twice at one time, and returns
/// how many meetings each request has.
async fn bookings(core: &Core, event: EventId, backend: &str) -> Vec<(MeetingRequestId, usize)> {
    let mut r = core.reader(&Actor::system()).await.unwrap();
    let placed = r.placed_meetings(event).await.unwrap();
    let mut seats = HashSet::new();
    let mut tables = HashSet::new();
    for m in &placed {
        for p in &m.participants {
            assert!(
                seats.insert((*p, m.starts_at)),
                "{backend}: participant {p} is booked twice at {}",
                m.starts_at
            );
        }
        assert!(
            tables.insert((m.session, m.starts_at, m.table_no)),
            "{backend}: table {:?} is booked twice at {}",
            m.table_no,
            m.starts_at
        );
    }
    let mut per_request = std::collections::BTreeMap::new();
    for m in &placed {
        if let Some(q) = m.request {
            *per_request.entry(q).or_insert(0) += 1;
        }
    }
    per_request.into_iter().collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_answers_to_one_request_at_once_give_one_success_and_one_conflict() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(12).create().await;
        let p = &ev.participants;
        for round in 0..6 {
            let r = core
                .request_meeting(&a.staff, ev.id, p[0], p[round + 1], Priority::Normal, "")
                .await
                .unwrap();
            // The receiver accepts on the phone while an organiser accepts for them.
            let answer = |core: Core, staff: Actor| {
                tokio::spawn(async move {
                    core.answer_request(&staff, ev.id, r, RequestAnswer::Accept)
                        .await
                })
            };
            let first = answer(core.clone(), a.staff.clone());
            let second = answer(core.clone(), a.staff.clone());
            let results = [first.await.unwrap(), second.await.unwrap()];
            let wins: Vec<_> = results.iter().filter_map(|x| x.as_ref().ok()).collect();
            assert_eq!(wins.len(), 1, "{backend} round {round}: {results:?}");
            assert!(
                results
                    .iter()
                    .any(|x| matches!(x, Err(CoreError::Conflict(_)))),
                "{backend} round {round}: the loser gets a conflict, got {results:?}"
            );
            let stored = core
                .reader(&a.staff)
                .await
                .unwrap()
                .request(r)
                .await
                .unwrap()
                .1;
            assert_eq!(&stored, wins[0], "{backend}: the winner's answer is stored");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_declined_during_a_scheduler_run_stays_unscheduled() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(4).slots(6).create().await;
        let requests = accepted_pairs(&core, &a.staff, &ev).await;
        let plan = core
            .plan_schedule(&a.staff, ev.id, Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(plan.meetings().len(), requests.len(), "{backend}");
        // While the solver ran, the receiver of the first request changed their mind.
        core.answer_request(&a.staff, ev.id, requests[0], RequestAnswer::Decline)
            .await
            .unwrap();
        let report = core.apply_schedule(&a.staff, plan).await.unwrap();
        assert_eq!(report.placed, requests.len() - 1, "{backend}");
        let booked = bookings(&core, ev.id, backend).await;
        assert!(
            !booked.iter().any(|(q, _)| *q == requests[0]),
            "{backend}: the declined request got a meeting"
        );
        let mut r = core.reader(&a.staff).await.unwrap();
        assert_eq!(
            r.request(requests[0]).await.unwrap().1,
            RequestStatus::Declined,
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_placed_by_hand_during_a_run_is_not_double_booked() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(4).slots(6).create().await;
        let requests = accepted_pairs(&core, &a.staff, &ev).await;
        let plan = core
            .plan_schedule(&a.staff, ev.id, Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(plan.meetings().len(), requests.len(), "{backend}");
        // The organiser places one request by hand at the slot and table the solver
        // chose for another request of the same participant.
        let target = plan.meetings()[0].clone();
        let other = plan
            .meetings()
            .iter()
            .find(|m| {
                m.request != target.request
                    && m.participants
                        .iter()
                        .any(|p| target.participants.contains(p))
            })
            .cloned()
            .unwrap();
        core.place_meeting(
            &a.staff,
            NewMeeting {
                starts_at: target.starts_at,
                session: target.session,
                table_no: target.table_no,
                ..other.clone()
            },
        )
        .await
        .unwrap();
        let report = core.apply_schedule(&a.staff, plan).await.unwrap();
        assert!(
            report
                .unplaced
                .iter()
                .any(|(q, _)| Some(*q) == target.request),
            "{backend}: the run reports the meeting whose slot was taken: {report:?}"
        );
        for (q, n) in bookings(&core, ev.id, backend).await {
            assert_eq!(n, 1, "{backend}: request {q} booked {n} times");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_scheduler_runs_at_once_book_every_meeting_once() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .sessions(2)
            .participants(6)
            .slots(6)
            .tables(3)
            .create()
            .await;
        let requests = accepted_pairs(&core, &a.staff, &ev).await;
        let runs: Vec<_> = (0..4)
            .map(|_| {
                let (core, staff) = (core.clone(), a.staff.clone());
                tokio::spawn(async move {
                    core.schedule_event(&staff, ev.id, Duration::from_secs(5))
                        .await
                })
            })
            .collect();
        let mut placed = 0;
        for run in runs {
            placed += run.await.unwrap().unwrap().placed;
        }
        let booked = bookings(&core, ev.id, backend).await;
        assert_eq!(
            booked.len(),
            requests.len(),
            "{backend}: every request placed"
        );
        assert!(booked.iter().all(|(_, n)| *n == 1), "{backend}: {booked:?}");
        assert_eq!(placed, requests.len(), "{backend}: the runs' counts add up");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_a_participant_or_a_table_twice_at_one_time() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(4).create().await;
        let p = &ev.participants;
        let at = |who: Vec<ParticipantId>, table: i64| NewMeeting {
            event: ev.id,
            request: None,
            session: Some(ev.sessions[0]),
            title: String::new(),
            starts_at: chrono::NaiveDate::from_ymd_opt(2030, 3, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0),
            table_no: Some(table),
            participants: who,
        };
        let first = core
            .place_meeting(&a.staff, at(vec![p[0], p[1]], 1))
            .await
            .unwrap();
        let twice = core.place_meeting(&a.staff, at(vec![p[0], p[2]], 2)).await;
        assert!(
            matches!(twice, Err(CoreError::Conflict(_))),
            "{backend}: {twice:?}"
        );
        let table = core.place_meeting(&a.staff, at(vec![p[2], p[3]], 1)).await;
        assert!(
            matches!(table, Err(CoreError::Conflict(_))),
            "{backend}: {table:?}"
        );
        let no_table = core.place_meeting(&a.staff, at(vec![p[2], p[3]], 9)).await;
        assert!(
            matches!(no_table, Err(CoreError::Invalid(_))),
            "{backend}: {no_table:?}"
        );
        // A cancelled meeting frees its participants and its table.
        core.set_meeting_status(&a.staff, ev.id, first, MeetingStatus::Cancelled)
            .await
            .unwrap();
        core.place_meeting(&a.staff, at(vec![p[0], p[2]], 1))
            .await
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_partners_picking_the_same_time_never_double_book_a_participant_or_a_table() {
    use koop_core::domain::settings::{EventSettings, SchedulingMode};
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        // One table: two meetings at one time can never both be placed.
        let ev = a
            .event("Börse")
            .participants(6)
            .slots(2)
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
        let p = &ev.participants;
        let ask = async |from: usize, to: usize| {
            core.request_meeting(&a.staff, ev.id, p[from], p[to], Priority::Normal, "")
                .await
                .unwrap()
        };
        // The same receiver twice (a participant), then two pairs (the table).
        for pairs in [[(0, 1), (2, 1)], [(3, 4), (5, 0)]] {
            let (r1, r2) = (
                ask(pairs[0].0, pairs[0].1).await,
                ask(pairs[1].0, pairs[1].1).await,
            );
            let first = core
                .reader(&a.staff)
                .await
                .unwrap()
                .free_slots(r1)
                .await
                .unwrap();
            let slot = first[0].clone();
            let (x, y) = tokio::join!(
                core.accept_at(&a.staff, ev.id, r1, slot.session, slot.starts_at),
                core.accept_at(&a.staff, ev.id, r2, slot.session, slot.starts_at),
            );
            let won = [&x, &y].iter().filter(|r| r.is_ok()).count();
            assert_eq!(won, 1, "{backend}: {x:?} {y:?}");
            let lost = if x.is_ok() { y } else { x };
            assert!(
                matches!(lost, Err(CoreError::Conflict(_))),
                "{backend}: {lost:?}"
            );
            bookings(&core, ev.id, backend).await;
            // Clear the slot for the next round.
            for m in core
                .reader(&a.staff)
                .await
                .unwrap()
                .meetings(ev.id, None)
                .await
                .unwrap()
            {
                if m.status == MeetingStatus::Cancelled {
                    continue;
                }
                core.set_meeting_status(&a.staff, ev.id, m.id, MeetingStatus::Cancelled)
                    .await
                    .unwrap();
            }
        }
    }
}
