-- Secrets of this installation, shared by every node: the key that derives each
-- participant's calendar-feed token (so a feed URL needs no per-participant row and
-- can be shown again at any time). Created on first use.
CREATE TABLE instance_secret (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);
