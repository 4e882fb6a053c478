//! Integration tests for koop-schedule (one binary, as the style guide asks).

mod blocks;
mod data;
mod fixture;
mod oracle;
mod props;
mod resched;
mod tiny;
