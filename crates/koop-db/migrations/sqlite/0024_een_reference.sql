-- The Enterprise Europe Network's reference of a partnering profile (BOFR20190312001),
-- so that importing the same EEN file again updates its profiles instead of doubling
-- them, and an export can be read back. Unique per agency; NULL for koop's own profiles.
ALTER TABLE profile ADD COLUMN een_reference TEXT;
CREATE UNIQUE INDEX profile_een_reference ON profile (agency_id, een_reference);
