//! Background jobs: a scheduler run is queued at once and run by a worker; a run whose
//! node died is taken up again when its lease runs out; a second request joins the
//! first; on PostgreSQL two workers never claim one job.

use koop_core::domain::job::JobStatus;
use koop_core::domain::meeting::Priority;
use koop_core::jobs::WorkerOptions;
use koop_core::ops::meetings::RequestAnswer;
use koop_core::testing::{TestAgency, TestEvent, fresh_databases};
use koop_core::{Actor, Core};
use std::time::{Duration, Instant};

async fn with_requests(core: &Core, a: &TestAgency, ev: &TestEvent) {
    let p = &ev.participants;
    for (i, j) in [(0, 1), (1, 2), (0, 2)] {
        let r = core
            .request_meeting(&a.staff, ev.id, p[i], p[j], Priority::Normal, "")
            .await
            .unwrap();
        core.answer_request(&a.staff, ev.id, r, RequestAnswer::Accept)
            .await
            .unwrap();
    }
}

fn worker(node: &str, lease_ms: u64) -> WorkerOptions {
    WorkerOptions {
        node: node.into(),
        lease: Duration::from_millis(lease_ms),
        poll: Duration::from_millis(50),
        max_attempts: 3,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduler_run_is_queued_at_once_and_a_worker_finishes_it() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(3).create().await;
        with_requests(&core, &a, &ev).await;
        let started = Instant::now();
        let job = core
            .start_schedule_run(&a.staff, ev.id, Duration::from_secs(5))
            .await
            .unwrap();
        assert!(started.elapsed() < Duration::from_millis(200), "{backend}");
        let again = core
            .start_schedule_run(&a.staff, ev.id, Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(job, again, "{backend}: a second start joins the queued run");
        let mut r = core.reader(&a.staff).await.unwrap();
        assert_eq!(r.job(job).await.unwrap().status, JobStatus::Queued);
        drop(r);
        assert!(core.run_next_job(&worker("n1", 5_000)).await.unwrap());
        assert!(
            !core.run_next_job(&worker("n1", 5_000)).await.unwrap(),
            "{backend}: one job only"
        );
        let mut r = core.reader(&a.staff).await.unwrap();
        let done = r.job(job).await.unwrap();
        assert_eq!(done.status, JobStatus::Done, "{backend}: {done:?}");
        assert_eq!(done.schedule_report().unwrap().placed, 3, "{backend}");
        assert_eq!(r.meetings(ev.id, None).await.unwrap().len(), 3, "{backend}");
        // Other viewers do not see the run.
        let b = TestAgency::create(&core, "b").await;
        let mut other = core.reader(&b.staff).await.unwrap();
        assert!(other.job(job).await.is_err(), "{backend}");
        assert!(
            core.start_schedule_run(&b.staff, ev.id, Duration::from_secs(1))
                .await
                .is_err()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_whose_node_died_is_taken_up_again_when_its_lease_runs_out() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(3).create().await;
        with_requests(&core, &a, &ev).await;
        let job = core
            .start_schedule_run(&a.staff, ev.id, Duration::from_secs(5))
            .await
            .unwrap();
        // A node claims the job and dies before it finishes.
        let dead = koop_core::testing::claim_job_and_die(&core, "dead", Duration::from_millis(800))
            .await
            .unwrap();
        assert_eq!(dead, job);
        let live = worker("live", 5_000);
        assert!(
            !core.run_next_job(&live).await.unwrap(),
            "{backend}: a held lease is respected"
        );
        tokio::time::sleep(Duration::from_millis(1_200)).await;
        assert!(core.run_next_job(&live).await.unwrap(), "{backend}");
        let mut r = core.reader(&a.staff).await.unwrap();
        let view = r.job(job).await.unwrap();
        assert_eq!(view.status, JobStatus::Done, "{backend}");
        assert_eq!(
            view.attempts, 2,
            "{backend}: the second attempt finished it"
        );
        assert_eq!(r.meetings(ev.id, None).await.unwrap().len(), 3, "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn workers_of_two_nodes_share_the_queue_and_run_each_job_once() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        // A second pool on the same database stands for a second node.
        let other = Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let mut events = Vec::new();
        for i in 0..20 {
            let ev = a
                .event(&format!("Börse {i}"))
                .participants(3)
                .create()
                .await;
            with_requests(&core, &a, &ev).await;
            core.start_schedule_run(&a.staff, ev.id, Duration::from_secs(5))
                .await
                .unwrap();
            events.push(ev);
        }
        let w1 = core.start_worker(worker("n1", 5_000));
        let w2 = other.start_worker(worker("n2", 5_000));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let counts = core
                .reader(&Actor::system())
                .await
                .unwrap()
                .job_counts()
                .await
                .unwrap();
            if counts.iter().all(|(s, _)| s == "done") {
                break;
            }
            assert!(Instant::now() < deadline, "{backend}: {counts:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        w1.stop().await;
        w2.stop().await;
        let mut r = core.reader(&Actor::system()).await.unwrap();
        for ev in &events {
            assert_eq!(r.meetings(ev.id, None).await.unwrap().len(), 3, "{backend}");
        }
        let runs = koop_core::testing::job_runs(&core).await.unwrap();
        assert_eq!(runs.len(), events.len(), "{backend}");
        assert!(
            runs.iter().all(|(_, attempts)| *attempts == 1),
            "{backend}: {runs:?}"
        );
        for node in ["n1", "n2"] {
            assert!(
                runs.iter().any(|(n, _)| n.as_deref() == Some(node)),
                "{backend}: {node} ran a share: {runs:?}"
            );
        }
    }
}
