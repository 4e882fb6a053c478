-- PostgreSQL stores the marketplace's search vectors in this migration. SQLite has no
-- full-text vectors of its own here: koop keeps the event's words in memory instead
-- (koop-core's search index), so this migration changes nothing.
SELECT 1;
