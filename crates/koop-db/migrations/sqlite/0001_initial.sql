-- koop's initial schema (SQLite). The PostgreSQL tree holds the same schema with its
-- own types; the two are kept in step by hand, and the story test runs on both.
-- Conventions: singular table names, `id` keys, dates and times as ISO-8601 text
-- (so one query shape serves both backends, and text order is time order),
-- lists as JSON arrays in text columns, `published_at` set when anonymous visitors may see a record.

CREATE TABLE agency (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    match_key TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    city TEXT NOT NULL,
    nace TEXT NOT NULL DEFAULT '[]',
    size TEXT,
    languages TEXT NOT NULL DEFAULT '[]',
    website TEXT,
    description TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (agency_id, match_key)
);
CREATE INDEX organisation_kind ON organisation (kind);

CREATE TABLE agency_org (
    agency_id INTEGER NOT NULL PRIMARY KEY REFERENCES agency(id),
    org_id INTEGER NOT NULL REFERENCES organisation(id)
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    org_id INTEGER REFERENCES organisation(id),
    match_key TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    function TEXT NOT NULL DEFAULT '',
    email TEXT,
    phone TEXT,
    languages TEXT NOT NULL DEFAULT '[]',
    consent TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (agency_id, match_key)
);

CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    agency_id INTEGER REFERENCES agency(id),
    participant_id INTEGER,
    event_id INTEGER,
    ui_language TEXT NOT NULL DEFAULT 'de',
    created_at TEXT NOT NULL
);

-- Sessions live in the database so that several koop nodes can serve one database.
CREATE TABLE web_session (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- A record of one agency shared with another by an explicit grant.
CREATE TABLE access_grant (
    id INTEGER PRIMARY KEY,
    owner_agency_id INTEGER NOT NULL REFERENCES agency(id),
    grantee_agency_id INTEGER NOT NULL REFERENCES agency(id),
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (grantee_agency_id, subject_kind, subject_id)
);

CREATE TABLE membership (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    group_id INTEGER NOT NULL REFERENCES organisation(id),
    member_id INTEGER NOT NULL REFERENCES organisation(id),
    role TEXT NOT NULL,
    since TEXT,
    UNIQUE (group_id, member_id)
);

CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    signed_on TEXT,
    valid_from TEXT,
    valid_until TEXT,
    scope TEXT NOT NULL DEFAULT '',
    sectors TEXT NOT NULL DEFAULT '[]',
    published_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE agreement_party (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    position INTEGER NOT NULL,
    contribution_eur REAL,
    contribution_note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, org_id)
);

CREATE TABLE instrument (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (agency_id, name)
);

CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    kind TEXT NOT NULL,
    instrument_id INTEGER REFERENCES instrument(id),
    description TEXT NOT NULL
);

CREATE TABLE partner_city (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    home_id INTEGER NOT NULL REFERENCES organisation(id),
    partner_id INTEGER NOT NULL REFERENCES organisation(id),
    since TEXT,
    note TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    UNIQUE (home_id, partner_id)
);

CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL,
    published_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE event_organiser (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, org_id)
);

CREATE TABLE venue (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL,
    time_zone TEXT NOT NULL
);

CREATE TABLE event_session (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    venue_id INTEGER REFERENCES venue(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    slot_minutes INTEGER,
    tables INTEGER
);

CREATE TABLE participant (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (event_id, person_id)
);

CREATE TABLE profile (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    event_id INTEGER REFERENCES event(id),
    participant_id INTEGER REFERENCES participant(id),
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    nace TEXT NOT NULL DEFAULT '[]',
    keywords TEXT NOT NULL DEFAULT '[]',
    countries_sought TEXT NOT NULL DEFAULT '[]',
    languages TEXT NOT NULL DEFAULT '[]',
    deadline TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX profile_event ON profile (event_id);

CREATE TABLE meeting_request (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    requester_id INTEGER NOT NULL REFERENCES participant(id),
    receiver_id INTEGER NOT NULL REFERENCES participant(id),
    priority TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (event_id, requester_id, receiver_id)
);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES meeting_request(id),
    session_id INTEGER REFERENCES event_session(id),
    title TEXT NOT NULL DEFAULT '',
    starts_at TEXT,
    table_label TEXT,
    status TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE meeting_participant (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participant(id),
    PRIMARY KEY (meeting_id, participant_id)
);

CREATE TABLE visit_offer (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    session_id INTEGER REFERENCES event_session(id),
    host_id INTEGER NOT NULL REFERENCES organisation(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL,
    language TEXT NOT NULL
);

CREATE TABLE visit_booking (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES visit_offer(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participant(id),
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (offer_id, participant_id)
);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    instrument_id INTEGER REFERENCES instrument(id),
    partner_city_id INTEGER REFERENCES partner_city(id),
    event_id INTEGER REFERENCES event(id),
    published_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE activity_org (
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    PRIMARY KEY (activity_id, org_id)
);

CREATE TABLE activity_agreement (
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    PRIMARY KEY (activity_id, agreement_id)
);

CREATE TABLE outcome (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    achieved_on TEXT NOT NULL,
    value REAL,
    meeting_id INTEGER REFERENCES meeting(id),
    event_id INTEGER REFERENCES event(id),
    activity_id INTEGER REFERENCES activity(id),
    agreement_id INTEGER REFERENCES agreement(id),
    partner_city_id INTEGER REFERENCES partner_city(id),
    instrument_id INTEGER REFERENCES instrument(id),
    network_id INTEGER REFERENCES organisation(id),
    cluster_id INTEGER REFERENCES organisation(id),
    published_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE outcome_org (
    outcome_id INTEGER NOT NULL REFERENCES outcome(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisation(id),
    PRIMARY KEY (outcome_id, org_id)
);

CREATE TABLE audit_entry (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER REFERENCES agency(id),
    actor_id INTEGER REFERENCES account(id),
    action TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    data TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_kind, subject_id);
