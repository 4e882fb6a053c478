-- Where and when a participant can meet: a trip's local partner at its station, in its
-- hours. A participant without rows meets wherever the event has slots.
CREATE TABLE participant_presence (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    venue_id INTEGER REFERENCES venue(id) ON DELETE CASCADE,
    starts_at TEXT,
    ends_at TEXT
);
CREATE INDEX participant_presence_participant ON participant_presence(participant_id);
