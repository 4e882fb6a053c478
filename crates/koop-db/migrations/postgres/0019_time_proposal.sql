-- A time one side of an open request proposes (events where the partners pick their
-- times): the other side accepts the request at it, or proposes another. The newest
-- proposal replaces the one before; it is cleared when the request is answered.
ALTER TABLE meeting_request ADD COLUMN proposed_session_id BIGINT REFERENCES event_session(id);
ALTER TABLE meeting_request ADD COLUMN proposed_at TEXT;
ALTER TABLE meeting_request ADD COLUMN proposed_by BIGINT REFERENCES participant(id);
