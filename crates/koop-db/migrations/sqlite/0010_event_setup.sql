-- Registration and matchmaking settings of an event (JSON of koop_domain::settings::
-- EventSettings; missing fields read as defaults), the answers a participant gave to the
-- event's registration questions, and a record of each consent: who agreed to which
-- version of which text, and when.
ALTER TABLE event ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE participant ADD COLUMN answers TEXT NOT NULL DEFAULT '[]';
CREATE TABLE consent_record (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    event_id INTEGER REFERENCES event(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    version INTEGER NOT NULL,
    text_sha256 TEXT NOT NULL,
    given_at TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX consent_record_person ON consent_record (person_id);
