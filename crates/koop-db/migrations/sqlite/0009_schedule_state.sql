-- How far an event's meeting schedule is published to its participants: draft (only
-- organisers see it), preliminary, final. Events that exist already keep showing their
-- schedules; new events start as drafts.
ALTER TABLE event ADD COLUMN schedule_state TEXT NOT NULL DEFAULT 'final';
