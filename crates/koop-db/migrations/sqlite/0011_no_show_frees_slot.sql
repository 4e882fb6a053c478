-- A no-show frees its slot: the table and the partner who came may take a meeting from
-- the standby list at that time. Cancelled and no-show meetings hold no slot; the
-- meeting stays, so statistics still count the no-show.
DROP INDEX meeting_table_slot;
CREATE UNIQUE INDEX meeting_table_slot ON meeting (session_id, starts_at, table_no)
    WHERE status NOT IN ('cancelled', 'no_show');

DROP TRIGGER meeting_participant_slot_insert;
DROP TRIGGER meeting_participant_slot_update;
DROP TRIGGER meeting_slot_follows;

UPDATE meeting_participant SET slot_start = (
    SELECT CASE WHEN m.status NOT IN ('cancelled', 'no_show') THEN m.starts_at END
    FROM meeting m WHERE m.id = meeting_participant.meeting_id);

CREATE TRIGGER meeting_participant_slot_insert AFTER INSERT ON meeting_participant
BEGIN
    UPDATE meeting_participant SET slot_start = (
        SELECT CASE WHEN m.status NOT IN ('cancelled', 'no_show') THEN m.starts_at END
        FROM meeting m WHERE m.id = NEW.meeting_id)
    WHERE meeting_id = NEW.meeting_id AND participant_id = NEW.participant_id;
END;

CREATE TRIGGER meeting_participant_slot_update AFTER UPDATE OF slot_start ON meeting_participant
WHEN NEW.slot_start IS NOT (
    SELECT CASE WHEN m.status NOT IN ('cancelled', 'no_show') THEN m.starts_at END
    FROM meeting m WHERE m.id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'meeting_participant.slot_start follows its meeting');
END;

CREATE TRIGGER meeting_slot_follows AFTER UPDATE OF status, starts_at ON meeting
BEGIN
    UPDATE meeting_participant SET slot_start =
        CASE WHEN NEW.status NOT IN ('cancelled', 'no_show') THEN NEW.starts_at END
    WHERE meeting_id = NEW.id;
END;
