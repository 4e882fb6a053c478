-- Double bookings become impossible in the database itself, whatever the code does:
-- a table of a session holds one meeting per start time, and a participant is in one
-- meeting per start time. Cancelled meetings free their slot.
--
-- Tables are numbers (1..tables of the session), rendered in the reader's language;
-- the old column held display text ("Tisch 3") and goes.
ALTER TABLE meeting ADD COLUMN table_no INTEGER;
UPDATE meeting SET table_no = CAST(substr(table_label, 7) AS INTEGER)
    WHERE table_label LIKE 'Tisch %';
ALTER TABLE meeting DROP COLUMN table_label;
CREATE UNIQUE INDEX meeting_table_slot ON meeting (session_id, starts_at, table_no)
    WHERE status <> 'cancelled';

-- Each participant row carries the start of its meeting while the meeting holds a slot.
-- Triggers keep the copy, so no insert or status change can leave it stale.
ALTER TABLE meeting_participant ADD COLUMN slot_start TEXT;
UPDATE meeting_participant SET slot_start = (
    SELECT CASE WHEN m.status <> 'cancelled' THEN m.starts_at END
    FROM meeting m WHERE m.id = meeting_participant.meeting_id);
CREATE UNIQUE INDEX meeting_participant_slot ON meeting_participant (participant_id, slot_start)
    WHERE slot_start IS NOT NULL;

CREATE TRIGGER meeting_participant_slot_insert AFTER INSERT ON meeting_participant
BEGIN
    UPDATE meeting_participant SET slot_start = (
        SELECT CASE WHEN m.status <> 'cancelled' THEN m.starts_at END
        FROM meeting m WHERE m.id = NEW.meeting_id)
    WHERE meeting_id = NEW.meeting_id AND participant_id = NEW.participant_id;
END;

CREATE TRIGGER meeting_participant_slot_update AFTER UPDATE OF slot_start ON meeting_participant
WHEN NEW.slot_start IS NOT (
    SELECT CASE WHEN m.status <> 'cancelled' THEN m.starts_at END
    FROM meeting m WHERE m.id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'meeting_participant.slot_start follows its meeting');
END;

CREATE TRIGGER meeting_slot_follows AFTER UPDATE OF status, starts_at ON meeting
BEGIN
    UPDATE meeting_participant SET slot_start =
        CASE WHEN NEW.status <> 'cancelled' THEN NEW.starts_at END
    WHERE meeting_id = NEW.id;
END;
