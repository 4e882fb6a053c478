//! Integration tests of koop-match: one binary, one module per area.

mod cordis;
mod fixture;
mod recommend;
