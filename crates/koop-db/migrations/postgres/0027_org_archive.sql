-- An organisation the agency no longer works with is archived: it leaves lists and
-- choices, and everything it took part in stays as it was. It can be restored.
ALTER TABLE organisation ADD COLUMN archived_at TEXT;
