//! koop processes as an operator runs them: a node killed during a scheduler run, and
//! two nodes sharing one PostgreSQL database and its job queue.

use koop_core::domain::ids::{EventId, JobId};
use koop_core::domain::job::JobStatus;
use koop_core::domain::meeting::Priority;
use koop_core::ops::meetings::RequestAnswer;
use koop_core::testing::{TestAgency, TestEvent, fresh_databases};
use koop_core::{Actor, Core};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Starts `koop serve` on `db` and waits until it listens.
fn start_node(db: &str, lease_seconds: u64) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_koop"))
        .args(["serve", "--db", db, "--bind", "127.0.0.1:0"])
        .env("KOOP_JOB_LEASE_SECONDS", lease_seconds.to_string())
        .env("KOOP_LOG", "warn")
        .env_remove("KOOP_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("koop serve starts");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line.contains("koop listens on") => break,
            Some(Ok(_)) => {}
            _ => panic!("koop serve ended before it listened"),
        }
    }
    // Keep reading, so the node never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    child
}

/// Every pair (i, j), i < j, of the first `n` participants requests and accepts.
async fn requests(core: &Core, a: &TestAgency, ev: &TestEvent, degree: usize) -> usize {
    let p = &ev.participants;
    let mut k = 0;
    for i in 0..p.len() {
        for d in 1..=degree {
            let j = (i * 7 + d * 13) % p.len();
            if i == j {
                continue;
            }
            if let Ok(r) = core
                .request_meeting(&a.staff, ev.id, p[i], p[j], Priority::Normal, "")
                .await
            {
                core.answer_request(&a.staff, ev.id, r, RequestAnswer::Accept)
                    .await
                    .unwrap();
                k += 1;
            }
        }
    }
    k
}

async fn job_status(core: &Core, staff: &Actor, job: JobId) -> (JobStatus, i64) {
    let view = core.reader(staff).await.unwrap().job(job).await.unwrap();
    (view.status, view.attempts)
}

async fn wait_for(core: &Core, staff: &Actor, job: JobId, want: JobStatus, limit: Duration) {
    let deadline = Instant::now() + limit;
    loop {
        let (status, _) = job_status(core, staff, job).await;
        if status == want {
            return;
        }
        assert!(Instant::now() < deadline, "job {job} is still {status:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn meetings(core: &Core, event: EventId) -> usize {
    core.reader(&Actor::system())
        .await
        .unwrap()
        .meetings(event, None)
        .await
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduler_run_killed_with_its_node_finishes_after_a_restart() {
    let (_, url) = fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let a = TestAgency::create(&core, "a").await;
    // Big enough that the solver searches for seconds.
    let ev = a
        .event("Börse")
        .sessions(2)
        .participants(60)
        .slots(12)
        .tables(14)
        .create()
        .await;
    let wanted = requests(&core, &a, &ev, 5).await;
    let job = core
        .start_schedule_run(&a.staff, ev.id, Duration::from_secs(8))
        .await
        .unwrap();

    let mut first = start_node(&url, 2);
    wait_for(
        &core,
        &a.staff,
        job,
        JobStatus::Running,
        Duration::from_secs(30),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    first.kill().unwrap();
    first.wait().unwrap();
    assert_eq!(
        job_status(&core, &a.staff, job).await,
        (JobStatus::Running, 1),
        "the run was going when its node died"
    );
    assert_eq!(
        meetings(&core, ev.id).await,
        0,
        "a killed run wrote nothing"
    );

    let mut second = start_node(&url, 2);
    wait_for(
        &core,
        &a.staff,
        job,
        JobStatus::Done,
        Duration::from_secs(90),
    )
    .await;
    second.kill().unwrap();
    second.wait().unwrap();
    let view = core.reader(&a.staff).await.unwrap().job(job).await.unwrap();
    assert_eq!(view.attempts, 2);
    let report = view.schedule_report().unwrap();
    assert!(report.placed > 0 && report.placed <= wanted, "{report:?}");
    assert_eq!(meetings(&core, ev.id).await, report.placed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_on_one_postgresql_database_share_100_jobs_and_run_none_twice() {
    let Some((_, url)) = fresh_databases()
        .await
        .into_iter()
        .find(|(backend, _)| *backend == "postgres")
    else {
        eprintln!("no PostgreSQL server: skipping the two-node test");
        return;
    };
    let core = Core::open(&url).await.unwrap();
    let a = TestAgency::create(&core, "a").await;
    let mut events = Vec::new();
    for i in 0..100 {
        let ev = a
            .event(&format!("Börse {i}"))
            .participants(2)
            .create()
            .await;
        let n = requests(&core, &a, &ev, 1).await;
        events.push((ev, n));
    }
    let mut nodes = [start_node(&url, 30), start_node(&url, 30)];
    let mut jobs = Vec::new();
    // Queued over about three seconds: each node polls every second, so both find work,
    // rather than the first to poll draining a queue of tiny jobs alone.
    for (ev, _) in &events {
        tokio::time::sleep(Duration::from_millis(30)).await;
        jobs.push(
            core.start_schedule_run(&a.staff, ev.id, Duration::from_secs(5))
                .await
                .unwrap(),
        );
    }
    for job in &jobs {
        wait_for(
            &core,
            &a.staff,
            *job,
            JobStatus::Done,
            Duration::from_secs(120),
        )
        .await;
    }
    for node in &mut nodes {
        node.kill().unwrap();
        node.wait().unwrap();
    }
    let runs = koop_core::testing::job_runs(&core).await.unwrap();
    assert_eq!(runs.len(), 100);
    assert!(
        runs.iter().all(|(_, attempts)| *attempts == 1),
        "a job ran twice: {runs:?}"
    );
    let mut by_node = std::collections::BTreeMap::new();
    for (node, _) in &runs {
        *by_node.entry(node.clone().unwrap_or_default()).or_insert(0) += 1;
    }
    assert_eq!(by_node.len(), 2, "each node ran a share: {by_node:?}");
    for (ev, wanted) in &events {
        assert_eq!(meetings(&core, ev.id).await, *wanted, "event {}", ev.id);
    }
    eprintln!("jobs per node: {by_node:?}");
}
