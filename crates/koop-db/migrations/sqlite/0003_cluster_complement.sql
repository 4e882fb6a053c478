-- Pairs of clusters (or networks) whose managers declared them complementary: their
-- members should meet, because one side's strengths answer the other's needs.
-- A pair is stored once, with the smaller id first; the declaring agency owns the row.
CREATE TABLE cluster_complement (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    cluster_a INTEGER NOT NULL REFERENCES organisation(id),
    cluster_b INTEGER NOT NULL REFERENCES organisation(id),
    rationale TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (cluster_a < cluster_b),
    UNIQUE (cluster_a, cluster_b)
);
