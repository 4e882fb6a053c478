-- Funding calls and the consortium an agency builds for each, to submission and result.
CREATE TABLE funding_call (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    title TEXT NOT NULL,
    programme TEXT NOT NULL DEFAULT '',
    topic_code TEXT NOT NULL DEFAULT '',
    topic_text TEXT NOT NULL,
    deadline TEXT,
    eligible_countries TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    funding_eur REAL,
    created_at TEXT NOT NULL
);
CREATE TABLE call_member (
    call_id INTEGER NOT NULL REFERENCES funding_call(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    role TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    PRIMARY KEY (call_id, org_id)
);
