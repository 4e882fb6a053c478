-- Investor and settlement projects: a company that may settle at the office's location,
-- with the partners involved and the dated steps from lead to settlement. The stage is
-- the latest step's; a settled project's jobs and investment become outcomes that point
-- back to it (`outcome.investor_project_id`).
CREATE TABLE investor_project (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    company_id INTEGER NOT NULL REFERENCES organisation(id),
    title TEXT NOT NULL,
    planned_jobs INTEGER,
    planned_investment_eur REAL,
    site TEXT NOT NULL DEFAULT '',
    instrument_id INTEGER REFERENCES instrument(id),
    partner_city_id INTEGER REFERENCES partner_city(id),
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE investor_project_partner (
    project_id INTEGER NOT NULL REFERENCES investor_project(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    role TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    PRIMARY KEY (project_id, org_id)
);
CREATE TABLE investor_project_step (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES investor_project(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    on_date TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX investor_project_step_project ON investor_project_step (project_id, on_date);
ALTER TABLE outcome ADD COLUMN investor_project_id INTEGER REFERENCES investor_project(id);
