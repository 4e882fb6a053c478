-- How a participant rated a meeting afterwards (1 to 5), with an optional comment.
-- One rating per participant and meeting; a second one replaces the first.
CREATE TABLE meeting_rating (
    meeting_id BIGINT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES participant(id),
    score BIGINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    rated_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id)
);
