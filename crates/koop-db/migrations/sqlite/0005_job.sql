-- Work after a commit (scheduler runs, embedding refreshes, later mail and documents)
-- is a job here, run by a worker in any koop node. A running job holds a lease that its
-- worker renews; a job whose lease ran out (its node died) is taken up again.
CREATE TABLE job (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER REFERENCES agency(id),
    kind TEXT NOT NULL,
    -- The record the job works on (an event for scheduler runs), for deduplication
    -- and for showing it on that record's pages.
    subject_id INTEGER,
    payload TEXT NOT NULL DEFAULT '{}',
    requested_by INTEGER REFERENCES account(id),
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    run_after TEXT NOT NULL,
    locked_by TEXT,
    locked_until TEXT,
    result TEXT,
    error TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT
);
CREATE INDEX job_due ON job (status, run_after);
-- One unfinished job of a kind per subject: a second "run the scheduler" joins the first.
CREATE UNIQUE INDEX job_open_per_subject ON job (kind, subject_id)
    WHERE status IN ('queued', 'running') AND subject_id IS NOT NULL;
