-- A duplicate merged into another organisation keeps its row, so that its old id, its
-- audit entries and links to it still resolve; it points to the one it became, and
-- lists and choices leave it out. Everything that referred to it now refers to the other.
ALTER TABLE organisation ADD COLUMN merged_into_id BIGINT REFERENCES organisation(id);
