//! Background jobs: what they do and where they stand.

use crate::text_enum;

text_enum!(
    /// What a job does.
    JobKind, "kind" {
        /// Runs the meeting scheduler for an event and writes its schedule.
        ScheduleEvent = "schedule_event",
        /// Computes missing or stale profile embeddings of an event.
        RefreshEmbeddings = "refresh_embeddings",
        /// Sends one e-mail.
        Mail = "mail",
    }
);

text_enum!(
    /// Where a job stands.
    JobStatus, "status" {
        /// Waiting for a worker.
        Queued = "queued",
        /// A worker runs it.
        Running = "running",
        /// Finished with a result.
        Done = "done",
        /// Gave up.
        Failed = "failed",
    }
);

impl JobStatus {
    /// Whether the job has not ended yet.
    pub fn is_open(self) -> bool {
        matches!(self, JobStatus::Queued | JobStatus::Running)
    }
}
