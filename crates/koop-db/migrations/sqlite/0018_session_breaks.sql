-- A session's breaks (JSON list of {from, to} wall-clock times), which no meeting slot overlaps.
ALTER TABLE event_session ADD COLUMN breaks TEXT NOT NULL DEFAULT '[]';
