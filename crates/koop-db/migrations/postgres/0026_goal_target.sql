-- What an agency aims for per goal and year (settlements, jobs, EU funding in EUR),
-- so that the dashboard and the council report set what was achieved against it.
CREATE TABLE goal_target (
    goal_id BIGINT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (goal_id, year)
);
