-- A no-show frees its slot: the table and the partner who came may take a meeting from
-- the standby list at that time. Cancelled and no-show meetings hold no slot; the
-- meeting stays, so statistics still count the no-show.
DROP INDEX meeting_table_slot;
CREATE UNIQUE INDEX meeting_table_slot ON meeting (session_id, starts_at, table_no)
    WHERE status NOT IN ('cancelled', 'no_show');

CREATE OR REPLACE FUNCTION meeting_participant_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN m.status NOT IN ('cancelled', 'no_show') THEN m.starts_at END
    INTO NEW.slot_start
    FROM meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION meeting_slot_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meeting_participant SET slot_start =
        CASE WHEN NEW.status NOT IN ('cancelled', 'no_show') THEN NEW.starts_at END
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END
$$;

UPDATE meeting_participant mp SET slot_start = (
    SELECT CASE WHEN m.status NOT IN ('cancelled', 'no_show') THEN m.starts_at END
    FROM meeting m WHERE m.id = mp.meeting_id);
