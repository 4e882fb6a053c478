-- Each printout the organisers made of an event's meetings, with the meetings as they
-- stood then (JSON), so that a "changed since printed" list can tell what moved, what
-- is new and what was cancelled since the paper on the tables was printed.
CREATE TABLE printout (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    printed_at TEXT NOT NULL,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    snapshot TEXT NOT NULL
);
CREATE INDEX printout_event ON printout (event_id, kind, id);
