-- What the staff of a co-organising organisation may do at the event (comma-separated
-- task codes: programme, registrations, schedule, on_the_day, follow_up). The owning
-- agency's staff may do everything whatever this says; co-organisers named before
-- this column keep the rights they had, which were all.
ALTER TABLE event_organiser ADD COLUMN tasks TEXT NOT NULL DEFAULT 'programme,registrations,schedule,on_the_day,follow_up';
