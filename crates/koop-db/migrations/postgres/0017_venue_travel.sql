-- Travel time between two venues of an event, in minutes, the same both ways (stored
-- once per pair, the smaller venue id first): the scheduler and the free-slot offers
-- leave that much time between a participant's meetings at the two venues.
CREATE TABLE venue_travel (
    event_id BIGINT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    venue_a BIGINT NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    venue_b BIGINT NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    minutes BIGINT NOT NULL,
    PRIMARY KEY (venue_a, venue_b)
);
