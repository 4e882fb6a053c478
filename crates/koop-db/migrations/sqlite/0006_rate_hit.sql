-- Attempts that count against a limit (failed logins per e-mail and per address,
-- meeting requests per participant). In the database, so that every node behind a
-- load balancer counts the same attempts.
CREATE TABLE rate_hit (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX rate_hit_bucket ON rate_hit (bucket, at);
