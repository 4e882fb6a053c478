-- A table of a B2B session with a name ("Stand 12, Halle 4"), and optionally fixed to
-- a participant (their stand): all of that participant's meetings in the session are
-- at it, and no other meeting is. Tables without a row are plain numbered ones.
CREATE TABLE session_table (
    session_id BIGINT NOT NULL REFERENCES event_session(id) ON DELETE CASCADE,
    table_no BIGINT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    participant_id BIGINT REFERENCES participant(id) ON DELETE SET NULL,
    PRIMARY KEY (session_id, table_no)
);
CREATE UNIQUE INDEX session_table_stand ON session_table (session_id, participant_id)
    WHERE participant_id IS NOT NULL;
