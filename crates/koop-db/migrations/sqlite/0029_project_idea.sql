-- Cross-cluster project ideas: owners, the clusters each spans, partners who joined.
CREATE TABLE project_idea (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE idea_org (
    idea_id INTEGER NOT NULL REFERENCES project_idea(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (idea_id, org_id, role)
);
