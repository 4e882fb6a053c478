//! The job queue: work that runs after the transaction that asked for it commits.
//!
//! A worker claims the oldest due job by setting a lease (`locked_by`, `locked_until`)
//! in one statement; on PostgreSQL the candidate row is chosen `FOR UPDATE SKIP
//! LOCKED`, so workers of several nodes never claim the same job. Every later change
//! of a claimed job is conditional on the lease still being the worker's, so a worker
//! whose lease was taken over cannot overwrite the new owner's result.
//!
//! Times here are RFC 3339 UTC text with milliseconds ([`crate::codec::now_ms`]), compared as text.

use crate::codec::{is_pg, now_ms as now};
use crate::{Conn, DbError, DbResult};
use koop_domain::ids::{AccountId, AgencyId, JobId};
use serde::Serialize;

/// A job to queue.
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    /// The agency whose work it is.
    pub agency: Option<AgencyId>,
    /// What to do, e.g. `schedule_event`.
    pub kind: &'a str,
    /// The record it works on; one unfinished job per kind and subject.
    pub subject: Option<i64>,
    /// Its input, as JSON.
    pub payload: &'a str,
    /// Who asked for it.
    pub requested_by: Option<AccountId>,
}

/// A stored job.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Job {
    /// Id.
    pub id: i64,
    /// The agency.
    pub agency_id: Option<i64>,
    /// What to do.
    pub kind: String,
    /// The record it works on.
    pub subject_id: Option<i64>,
    /// Input as JSON.
    pub payload: String,
    /// Who asked.
    pub requested_by: Option<i64>,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// How often a worker started it.
    pub attempts: i64,
    /// The node that holds it.
    pub locked_by: Option<String>,
    /// Output as JSON, when done.
    pub result: Option<String>,
    /// Why it failed, when failed.
    pub error: Option<String>,
    /// When it was asked for.
    pub created_at: String,
    /// When a worker last started it.
    pub started_at: Option<String>,
    /// When it ended.
    pub finished_at: Option<String>,
}

const COLUMNS: &str = "id, agency_id, kind, subject_id, payload, requested_by, status, attempts, \
                       locked_by, result, error, created_at, started_at, finished_at";

/// Queues a job that waits until `run_after` (an RFC 3339 instant), such as a
/// reminder months ahead; without a subject, so it never joins another job.
pub async fn enqueue_at(conn: &mut Conn, j: &NewJob<'_>, run_after: &str) -> DbResult<JobId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO job (agency_id, kind, subject_id, payload, requested_by, status, run_after, created_at) \
         VALUES ($1, $2, NULL, $3, $4, 'queued', $5, $6) RETURNING id",
    )
    .bind(j.agency.map(|a| a.0))
    .bind(j.kind)
    .bind(j.payload)
    .bind(j.requested_by.map(|a| a.0))
    .bind(run_after)
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    Ok(JobId(id))
}

/// Queues a job; when an unfinished job of the same kind and subject exists, returns
/// that one instead (and `false`). Two nodes queuing at once meet in the unique index:
/// the second insert does nothing and finds the first's job.
pub async fn enqueue(conn: &mut Conn, j: &NewJob<'_>) -> DbResult<(JobId, bool)> {
    let at = now();
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO job (agency_id, kind, subject_id, payload, requested_by, status, run_after, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $6) \
         ON CONFLICT (kind, subject_id) WHERE status IN ('queued', 'running') AND subject_id IS NOT NULL \
         DO NOTHING RETURNING id",
    )
    .bind(j.agency.map(|a| a.0))
    .bind(j.kind)
    .bind(j.subject)
    .bind(j.payload)
    .bind(j.requested_by.map(|a| a.0))
    .bind(&at)
    .fetch_optional(&mut *conn)
    .await
    .map_err(DbError::from)?;
    match (id, j.subject) {
        (Some(id), _) => Ok((JobId(id), true)),
        (None, Some(subject)) => match open_for(conn, j.kind, subject).await? {
            Some(open) => Ok((JobId(open.id), false)),
            None => Err(DbError::Conflict(format!(
                "job {} could not be queued",
                j.kind
            ))),
        },
        (None, None) => Err(DbError::Conflict(format!(
            "job {} could not be queued",
            j.kind
        ))),
    }
}

/// The unfinished job of `kind` on `subject`, if any.
pub async fn open_for(conn: &mut Conn, kind: &str, subject: i64) -> DbResult<Option<Job>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM job WHERE kind = $1 AND subject_id = $2 \
         AND status IN ('queued', 'running') ORDER BY id LIMIT 1"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(kind)
        .bind(subject)
        .fetch_optional(conn)
        .await?)
}

/// The newest job of `kind` on `subject`, if any.
pub async fn latest_for(conn: &mut Conn, kind: &str, subject: i64) -> DbResult<Option<Job>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM job WHERE kind = $1 AND subject_id = $2 ORDER BY id DESC LIMIT 1"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(kind)
        .bind(subject)
        .fetch_optional(conn)
        .await?)
}

/// One job.
pub async fn get(conn: &mut Conn, id: JobId) -> DbResult<Job> {
    let sql = format!("SELECT {COLUMNS} FROM job WHERE id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_one(conn)
        .await?)
}

/// A job a worker may claim, with `$3` the current time. It is stated again on the
/// updated row: on PostgreSQL a claim that waited for another node's claim of the
/// same row re-checks it and claims nothing.
const DUE: &str =
    "((status = 'queued' AND run_after <= $3) OR (status = 'running' AND locked_until < $3))";

/// Claims the oldest due job for `node` until `lease_until`: a queued job whose time
/// has come, or a running one whose lease ran out (its node stopped).
pub async fn claim(conn: &mut Conn, node: &str, lease_until: &str) -> DbResult<Option<Job>> {
    let skip_locked = if is_pg(conn) {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let at = now();
    let sql = format!(
        "UPDATE job SET status = 'running', locked_by = $1, locked_until = $2, \
         attempts = attempts + 1, started_at = $3 WHERE id = (SELECT id FROM job WHERE {DUE} \
         ORDER BY id LIMIT 1{skip_locked}) AND {DUE} RETURNING {COLUMNS}"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(node)
        .bind(lease_until)
        .bind(&at)
        .fetch_optional(conn)
        .await?)
}

/// Extends `node`'s lease on a job; `false` when the node no longer holds it.
pub async fn renew(conn: &mut Conn, id: JobId, node: &str, lease_until: &str) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE job SET locked_until = $3 WHERE id = $1 AND locked_by = $2 AND status = 'running'",
    )
    .bind(id.0)
    .bind(node)
    .bind(lease_until)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a job `node` holds as done with its result; `false` when the node lost it.
/// `locked_by` keeps the node that did the work.
pub async fn finish(conn: &mut Conn, id: JobId, node: &str, result: &str) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE job SET status = 'done', result = $3, error = NULL, finished_at = $4, \
         locked_until = NULL WHERE id = $1 AND locked_by = $2 AND status = 'running'",
    )
    .bind(id.0)
    .bind(node)
    .bind(result)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failure of a job `node` holds: queued again at `retry_at`, or failed for good.
pub async fn fail(
    conn: &mut Conn,
    id: JobId,
    node: &str,
    error: &str,
    retry_at: Option<&str>,
) -> DbResult<bool> {
    let done =
        match retry_at {
            Some(at) => sqlx::query(
                "UPDATE job SET status = 'queued', error = $3, run_after = $4, locked_by = NULL, \
                 locked_until = NULL WHERE id = $1 AND locked_by = $2 AND status = 'running'",
            )
            .bind(id.0)
            .bind(node)
            .bind(error)
            .bind(at)
            .execute(conn)
            .await?,
            None => sqlx::query(
                "UPDATE job SET status = 'failed', error = $3, finished_at = $4, locked_by = NULL, \
                 locked_until = NULL WHERE id = $1 AND locked_by = $2 AND status = 'running'",
            )
            .bind(id.0)
            .bind(node)
            .bind(error)
            .bind(now())
            .execute(conn)
            .await?,
        };
    Ok(done.rows_affected() == 1)
}

/// Jobs per status (for tests and the operator).
pub async fn counts(conn: &mut Conn) -> DbResult<Vec<(String, i64)>> {
    Ok(
        sqlx::query_as("SELECT status, COUNT(*) FROM job GROUP BY status ORDER BY status")
            .fetch_all(conn)
            .await?,
    )
}

/// Every job's node and attempts, in queue order (for tests of the queue).
pub async fn runs(conn: &mut Conn) -> DbResult<Vec<(Option<String>, i64)>> {
    Ok(
        sqlx::query_as("SELECT locked_by, attempts FROM job ORDER BY id")
            .fetch_all(conn)
            .await?,
    )
}
