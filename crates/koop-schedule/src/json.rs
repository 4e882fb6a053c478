//! koop's own JSON formats: the instance (a serialised [`Problem`], documented in
//! `docs/formats/schedule-json.md`) and the schedule file that
//! `koop schedule --output` writes and `--verify` reads.

use serde::{Deserialize, Serialize};

use crate::model::{Placement, Problem, Schedule};
use crate::solve::{Outcome, Status};
use crate::unplaced::Unplaced;

/// A JSON document that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// Not valid JSON, or a field of the wrong type (serde names line and column).
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde's message, naming the field or value.
        message: String,
    },
    /// Well-formed, but an index or the time structure is wrong.
    #[error(transparent)]
    Problem(#[from] crate::check::ProblemError),
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

/// Parses and checks a JSON instance.
pub fn parse_problem_json(text: &str) -> Result<Problem, JsonError> {
    let problem: Problem = serde_json::from_str(text)?;
    problem.check()?;
    Ok(problem)
}

/// Serialises an instance (pretty-printed).
pub fn problem_to_json(problem: &Problem) -> String {
    serde_json::to_string_pretty(problem).unwrap_or_default()
}

/// One placed meeting in a schedule file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedMeeting {
    /// Meeting index in the instance.
    pub meeting: usize,
    /// Its participants (for readers of the file; `--verify` ignores it).
    #[serde(default)]
    pub participants: Vec<usize>,
    /// Slot index.
    pub slot: usize,
    /// Table number within the slot, from 0.
    pub table: u32,
}

/// The schedule file: the placements plus the solver's claims about them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleFile {
    /// Status claimed by the solver.
    pub status: Status,
    /// Total breaks.
    pub breaks: u32,
    /// Proven lower bound on breaks.
    pub lower_bound_breaks: u32,
    /// Breaks per participant.
    #[serde(default)]
    pub breaks_per_participant: Vec<u32>,
    /// Every placed meeting.
    pub meetings: Vec<PlacedMeeting>,
    /// Every meeting not placed, with the reason.
    #[serde(default)]
    pub unplaced: Vec<Unplaced>,
}

impl ScheduleFile {
    /// The file for an outcome.
    pub fn from_outcome(problem: &Problem, outcome: &Outcome) -> Self {
        let meetings = outcome
            .schedule
            .iter()
            .flat_map(|s| s.placements.iter().enumerate())
            .filter_map(|(m, p)| {
                p.map(|p| PlacedMeeting {
                    meeting: m,
                    participants: problem.meetings[m].participants.clone(),
                    slot: p.slot,
                    table: p.table,
                })
            })
            .collect();
        ScheduleFile {
            status: outcome.status,
            breaks: outcome.breaks,
            lower_bound_breaks: outcome.lower_bound_breaks,
            breaks_per_participant: outcome.breaks_per_participant.clone(),
            meetings,
            unplaced: outcome.unplaced.clone(),
        }
    }

    /// The schedule for `n_meetings` meetings. A meeting listed twice or out
    /// of range is an error naming it.
    pub fn to_schedule(&self, n_meetings: usize) -> Result<Schedule, String> {
        let mut placements = vec![None; n_meetings];
        for (i, pm) in self.meetings.iter().enumerate() {
            let Some(entry) = placements.get_mut(pm.meeting) else {
                return Err(format!(
                    "meetings[{i}].meeting: meeting {} does not exist (the instance has {n_meetings})",
                    pm.meeting
                ));
            };
            if entry.is_some() {
                return Err(format!(
                    "meetings[{i}].meeting: meeting {} is listed twice",
                    pm.meeting
                ));
            }
            *entry = Some(Placement {
                slot: pm.slot,
                table: pm.table,
            });
        }
        Ok(Schedule { placements })
    }
}

/// Parses a schedule file.
pub fn parse_schedule_json(text: &str) -> Result<ScheduleFile, JsonError> {
    Ok(serde_json::from_str(text)?)
}
