-- The milestones of a partner-city relation: signed, renewed, extended, dormant, ended.
CREATE TABLE partner_city_event (
    id INTEGER PRIMARY KEY,
    partner_city_id INTEGER NOT NULL REFERENCES partner_city(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX partner_city_event_relation ON partner_city_event(partner_city_id);
