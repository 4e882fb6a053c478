-- A participant's own time zone, where it is not the venue's (an online mission's
-- partner in Almaty): their local times are shown beside the venue's.
ALTER TABLE participant ADD COLUMN time_zone TEXT;
