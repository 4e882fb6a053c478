-- The follow-up months after an event: each participant says what came of each meeting
-- they held. The best answer of a meeting's two sides becomes one outcome in the
-- agency's records, attributed to the event and the meeting (`follow_up_outcome_id`).
CREATE TABLE meeting_follow_up (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participant(id),
    stage TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id)
);
ALTER TABLE meeting ADD COLUMN follow_up_outcome_id INTEGER REFERENCES outcome(id);
