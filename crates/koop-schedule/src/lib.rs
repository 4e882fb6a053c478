//! koop-schedule: the B2B meeting scheduler, as a pure library.
//!
//! Give it a [`Problem`] (participants, sessions and slots, tables, the meetings
//! to place with their rules) and [`SolveOptions`] (time limit, seed, cancel
//! flag); [`solve`] returns an [`Outcome`]: a slot and table per meeting, the
//! meetings that could not be placed and why, breaks per participant, a proven
//! lower bound on breaks and an honest [`Status`].
//!
//! # Layout
//!
//! - [`model`]: the problem and schedule types; [`check`]: structural checks.
//! - [`dzn`], [`json`]: readers (and a writer) for the published benchmark's
//!   `.dzn` files and koop's JSON format. They take `&str`; files are the
//!   caller's business.
//! - [`validate`]: the independent validator, which every test and benchmark
//!   runs on every schedule.
//! - `sat`: the exact method (a SAT encoding solved with CaDiCaL, core-guided
//!   minimisation of breaks).
//! - [`solve`](mod@solve): the entry point that picks a method and reports.
//!
//! The library does no I/O and starts no threads. For a given problem and
//! seed the result is the same on every run, unless the time limit (or the
//! cancel flag) cuts the search: the solvers count conflicts and moves, not
//! seconds, so only the wall-clock cut-off depends on the machine. The method is described in prose in
//! `docs/algorithms/scheduler.md`.

#![deny(missing_docs)]

pub mod bench;
pub mod check;
pub mod domain;
pub mod dzn;
pub mod generate;
mod heuristic;
pub mod json;
mod lns;
pub mod model;
pub mod reschedule;
mod sat;
pub mod solve;
pub mod unplaced;
pub mod validate;

pub use check::ProblemError;
pub use dzn::{DznError, parse_dzn};
pub use json::{JsonError, ScheduleFile, parse_problem_json, parse_schedule_json, problem_to_json};
pub use model::{DayPart, Meeting, Participant, Placement, Problem, Schedule, Session, Slot};
pub use reschedule::{Change, Rescheduled, reschedule};
pub use solve::{Outcome, SolveOptions, Status, solve};
pub use unplaced::{Unplaced, UnplacedCode};
pub use validate::{Validation, count_breaks, validate};
