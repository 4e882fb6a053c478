//! Integration tests for koop-schedule (one binary, as the style guide asks).

mod data;
mod oracle;
mod props;
mod resched;
mod tiny;
