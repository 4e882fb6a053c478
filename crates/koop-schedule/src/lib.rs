//! koop-schedule.
