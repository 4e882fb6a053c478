-- Double bookings become impossible in the database itself, whatever the code does:
-- a table of a session holds one meeting per start time, and a participant is in one
-- meeting per start time. Cancelled meetings free their slot.
--
-- Tables are numbers (1..tables of the session), rendered in the reader's language;
-- the old column held display text ("Tisch 3") and goes.
ALTER TABLE meeting ADD COLUMN table_no BIGINT;
UPDATE meeting SET table_no = CAST(substr(table_label, 7) AS BIGINT)
    WHERE table_label LIKE 'Tisch %';
ALTER TABLE meeting DROP COLUMN table_label;
CREATE UNIQUE INDEX meeting_table_slot ON meeting (session_id, starts_at, table_no)
    WHERE status <> 'cancelled';

-- Each participant row carries the start of its meeting while the meeting holds a slot.
-- Triggers keep the copy, so no insert, update or status change can leave it stale.
ALTER TABLE meeting_participant ADD COLUMN slot_start TEXT;
UPDATE meeting_participant mp SET slot_start = (
    SELECT CASE WHEN m.status <> 'cancelled' THEN m.starts_at END
    FROM meeting m WHERE m.id = mp.meeting_id);
CREATE UNIQUE INDEX meeting_participant_slot ON meeting_participant (participant_id, slot_start)
    WHERE slot_start IS NOT NULL;

CREATE FUNCTION meeting_participant_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN m.status <> 'cancelled' THEN m.starts_at END INTO NEW.slot_start
    FROM meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER meeting_participant_slot BEFORE INSERT OR UPDATE ON meeting_participant
    FOR EACH ROW EXECUTE FUNCTION meeting_participant_slot();

CREATE FUNCTION meeting_slot_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meeting_participant SET slot_start =
        CASE WHEN NEW.status <> 'cancelled' THEN NEW.starts_at END
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER meeting_slot_follows AFTER UPDATE OF status, starts_at ON meeting
    FOR EACH ROW EXECUTE FUNCTION meeting_slot_follows();
