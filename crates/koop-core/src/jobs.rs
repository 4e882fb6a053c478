//! Background jobs: work that runs after the transaction that asked for it commits
//! (scheduler runs, embedding refreshes), by a worker in any koop node.
//!
//! A job is a row in the database, queued in the same transaction as the change that
//! asked for it, so it exists exactly when that change does. A worker claims it with a
//! lease and renews the lease while it runs; when its node dies, the lease runs out and
//! another worker (or the restarted node) takes the job up again. On PostgreSQL the
//! claim skips rows another node is claiming (`FOR UPDATE SKIP LOCKED`), so no job
//! runs twice at once; every later write is conditional on still holding the lease.
//! A job's work must therefore be safe to repeat after a crash: a scheduler run is, as
//! it writes its whole schedule in one transaction and places only requests that are
//! still waiting.

use crate::{Actor, Core, CoreError, CoreResult, policy};
use chrono::{SecondsFormat, Utc};
use koop_domain::ids::{AccountId, EventId, JobId};
use koop_domain::job::{JobKind, JobStatus};
use koop_domain::task::Task;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;

/// A job as pages and the API show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobView {
    /// Id.
    pub id: JobId,
    /// What it does.
    pub kind: JobKind,
    /// Where it stands.
    pub status: JobStatus,
    /// How often a worker started it.
    pub attempts: i64,
    /// Its result, when done.
    pub result: Option<serde_json::Value>,
    /// Why it failed (a stable code), when it failed or waits for a retry.
    pub error: Option<String>,
    /// When it was asked for (RFC 3339).
    pub created_at: String,
    /// When it ended.
    pub finished_at: Option<String>,
}

impl JobView {
    fn from_row(j: koop_db::job::Job) -> CoreResult<JobView> {
        Ok(JobView {
            id: JobId(j.id),
            kind: JobKind::parse(&j.kind)?,
            status: JobStatus::parse(&j.status)?,
            attempts: j.attempts,
            result: j.result.and_then(|r| serde_json::from_str(&r).ok()),
            error: j.error,
            created_at: j.created_at,
            finished_at: j.finished_at,
        })
    }

    /// The scheduler's report, for a finished scheduler run.
    pub fn schedule_report(&self) -> Option<crate::scheduling::ScheduleReport> {
        self.result
            .as_ref()
            .and_then(|r| serde_json::from_value(r.clone()).ok())
    }
}

/// The input of a scheduler run.
#[derive(Debug, Serialize, Deserialize)]
struct SchedulePayload {
    time_limit_ms: u64,
}

/// How a node's worker behaves.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// This node's name in leases; unique per process.
    pub node: String,
    /// How long a claim lasts without renewal; a dead node's jobs wait this long.
    pub lease: Duration,
    /// How often an idle worker looks for due jobs.
    pub poll: Duration,
    /// Attempts before a job that keeps failing is given up.
    pub max_attempts: i64,
}

impl WorkerOptions {
    /// Defaults for a node: a 30-second lease, polled every second.
    pub fn for_this_process() -> WorkerOptions {
        let mut salt = [0u8; 4];
        let _ = getrandom::fill(&mut salt);
        WorkerOptions {
            node: format!("node-{}-{}", std::process::id(), hex::encode(salt)),
            lease: Duration::from_secs(30),
            poll: Duration::from_secs(1),
            max_attempts: 3,
        }
    }
}

/// The running worker of this node; dropping it does not stop it, [`Worker::stop`] does.
pub struct Worker {
    stop: Arc<tokio::sync::Notify>,
    task: tokio::task::JoinHandle<()>,
}

impl Worker {
    /// Stops taking new jobs and waits for the current one to end.
    pub async fn stop(self) {
        self.stop.notify_one();
        let _ = self.task.await;
    }
}

fn at(offset: Duration) -> String {
    let when = Utc::now() + chrono::Duration::from_std(offset).unwrap_or_default();
    // The same form as koop-db's job times, which are compared as text.
    when.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Whether a failure may go away by itself (the database was down), so a retry helps.
fn retryable(e: &CoreError) -> bool {
    matches!(e, CoreError::Internal(_))
}

fn error_code(e: &CoreError) -> String {
    match e {
        CoreError::Invalid(p) => p.first().map_or("invalid_input".into(), |f| {
            format!("invalid_input:{}", f.code)
        }),
        CoreError::NotFound => "not_found".into(),
        CoreError::Forbidden => "forbidden".into(),
        CoreError::BadCredentials => "bad_credentials".into(),
        CoreError::Conflict(_) => "conflict".into(),
        CoreError::TooManyRequests { .. } => "too_many_requests".into(),
        CoreError::Internal(_) => "internal".into(),
    }
}

impl Core {
    /// Asks for a scheduler run of `event`: returns at once with the job that will do it
    /// (the one already queued or running, if any). Only the event's organisers may.
    pub async fn start_schedule_run(
        &self,
        actor: &Actor,
        event: EventId,
        time_limit: Duration,
    ) -> CoreResult<JobId> {
        let payload = serde_json::to_string(&SchedulePayload {
            time_limit_ms: time_limit.as_millis() as u64,
        })
        .map_err(|e| CoreError::Internal(e.to_string()))?;
        let id = self
            .write(actor, "event.schedule_requested", async |tx| {
                let permit = policy::manage_event(tx, actor, event, Task::Schedule).await?;
                let (id, new) = koop_db::job::enqueue(
                    tx,
                    &koop_db::job::NewJob {
                        agency: permit.agency(),
                        kind: JobKind::ScheduleEvent.as_str(),
                        subject: Some(event.0),
                        payload: &payload,
                        requested_by: actor.account_id(),
                    },
                )
                .await?;
                Ok(crate::Change::new(
                    permit,
                    id,
                    "event",
                    event.0,
                    serde_json::json!({ "job_id": id, "joined_running": !new }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(id)
    }

    /// Queues an embedding refresh of `event` in the caller's transaction.
    pub(crate) async fn queue_embedding_refresh(
        &self,
        tx: &mut koop_db::Conn,
        agency: koop_domain::ids::AgencyId,
        event: EventId,
    ) -> CoreResult<()> {
        if self.embedding_model().is_none() {
            return Ok(());
        }
        koop_db::job::enqueue(
            tx,
            &koop_db::job::NewJob {
                agency: Some(agency),
                kind: JobKind::RefreshEmbeddings.as_str(),
                subject: Some(event.0),
                payload: "{}",
                requested_by: None,
            },
        )
        .await?;
        Ok(())
    }

    /// Wakes this node's worker, so a job queued here starts without waiting for a poll.
    pub(crate) fn wake_worker(&self) {
        self.wake.notify_one();
    }

    /// Starts this node's worker.
    pub fn start_worker(&self, options: WorkerOptions) -> Worker {
        let stop = Arc::new(tokio::sync::Notify::new());
        let core = self.clone();
        let halt = stop.clone();
        let task = tokio::spawn(async move {
            let mut last_sweep: Option<std::time::Instant> = None;
            loop {
                if last_sweep.is_none_or(|t| t.elapsed() >= crate::expiry::SWEEP_EVERY) {
                    last_sweep = Some(std::time::Instant::now());
                    if let Err(e) = core.expire_requests().await {
                        tracing::error!(%e, "request expiry");
                    }
                }
                match core.run_next_job(&options).await {
                    Ok(true) => continue,
                    Ok(false) => {}
                    Err(e) => tracing::error!(%e, "job worker"),
                }
                tokio::select! {
                    _ = halt.notified() => break,
                    _ = core.wake.notified() => {}
                    _ = tokio::time::sleep(options.poll) => {}
                }
            }
        });
        Worker { stop, task }
    }

    /// Claims and runs one due job; `false` when none was due.
    pub async fn run_next_job(&self, options: &WorkerOptions) -> CoreResult<bool> {
        let claimed = {
            let mut conn = self.db.conn().await?;
            koop_db::job::claim(&mut conn, &options.node, &at(options.lease)).await?
        };
        let Some(job) = claimed else {
            return Ok(false);
        };
        let id = JobId(job.id);
        tracing::info!(job = %id, kind = %job.kind, attempt = job.attempts, "job started");
        let renewer = self.keep_lease(id, options.clone());
        let outcome = self.execute(&job).await;
        renewer.abort();
        let mut conn = self.db.conn().await?;
        let kept = match &outcome {
            Ok(result) => koop_db::job::finish(&mut conn, id, &options.node, result).await?,
            Err(e) => {
                tracing::warn!(job = %id, %e, "job failed");
                let retry = (retryable(e) && job.attempts < options.max_attempts)
                    .then(|| at(options.poll * 5 * job.attempts as u32));
                koop_db::job::fail(
                    &mut conn,
                    id,
                    &options.node,
                    &error_code(e),
                    retry.as_deref(),
                )
                .await?
            }
        };
        if !kept {
            tracing::warn!(job = %id, "job's lease was taken over; its result is dropped");
        }
        Ok(true)
    }

    /// Renews a job's lease every third of its length until aborted.
    fn keep_lease(&self, id: JobId, options: WorkerOptions) -> tokio::task::JoinHandle<()> {
        let core = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(options.lease / 3).await;
                let Ok(mut conn) = core.db.conn().await else {
                    continue;
                };
                match koop_db::job::renew(&mut conn, id, &options.node, &at(options.lease)).await {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => tracing::warn!(job = %id, %e, "lease renewal failed"),
                }
            }
        })
    }

    /// Does a job's work; returns its result as JSON.
    async fn execute(&self, job: &koop_db::job::Job) -> CoreResult<String> {
        let kind = JobKind::parse(&job.kind)?;
        let event = || job.subject_id.map(EventId).ok_or(CoreError::NotFound);
        let result = match kind {
            JobKind::ScheduleEvent => {
                let input: SchedulePayload = serde_json::from_str(&job.payload)
                    .map_err(|e| CoreError::Internal(format!("job payload: {e}")))?;
                // The run acts for whoever asked for it, with their rights at run time.
                let actor = match job.requested_by {
                    Some(a) => {
                        let mut conn = self.db.conn().await?;
                        Actor::account(koop_db::account::get(&mut conn, AccountId(a)).await?)
                    }
                    None => Actor::system(),
                };
                let limit = Duration::from_millis(input.time_limit_ms);
                let report = self.schedule_event(&actor, event()?, limit).await?;
                serde_json::to_value(report)
            }
            JobKind::RefreshEmbeddings => {
                let n = self.refresh_event_embeddings(event()?).await?;
                Ok(serde_json::json!({ "embedded": n }))
            }
            JobKind::Mail => Ok(self.send_queued_mail(&job.payload).await?),
        };
        result
            .map(|v| v.to_string())
            .map_err(|e| CoreError::Internal(e.to_string()))
    }
}

impl crate::read::Reader {
    /// A job, for those who may see what it works on: a scheduler run or an embedding
    /// refresh for the event's organisers.
    pub async fn job(&mut self, id: JobId) -> CoreResult<JobView> {
        let row = koop_db::job::get(self.conn(), id).await?;
        let event = EventId(row.subject_id.ok_or(CoreError::NotFound)?);
        self.require_manage(event).await?;
        JobView::from_row(row)
    }

    /// The newest scheduler run of an event, for its organisers.
    pub async fn latest_schedule_run(&mut self, event: EventId) -> CoreResult<Option<JobView>> {
        self.require_manage(event).await?;
        koop_db::job::latest_for(self.conn(), JobKind::ScheduleEvent.as_str(), event.0)
            .await?
            .map(JobView::from_row)
            .transpose()
    }

    /// Jobs per status (for tests and operators).
    pub async fn job_counts(&mut self) -> CoreResult<Vec<(String, i64)>> {
        policy::audit_scope(self.viewer())
            .filter(Option::is_none)
            .ok_or(CoreError::Forbidden)?;
        Ok(koop_db::job::counts(self.conn()).await?)
    }
}
