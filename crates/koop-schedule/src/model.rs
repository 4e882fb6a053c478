//! The scheduling problem and its answer, as plain data.
//!
//! Everything is indexed by position: participant `p` is `problem.participants[p]`,
//! slot `s` is `problem.slots[s]`, meeting `m` is `problem.meetings[m]`.
//! Indices keep the solver and the validator simple and fast; names are kept
//! only for messages and output.
//!
//! The model is deliberately richer than the published benchmark (which has one
//! venue, one day, no priorities): the `.dzn` reader maps onto a subset of it.

use serde::{Deserialize, Serialize};

/// Morning or afternoon: a slot belongs to one, and a meeting or participant
/// may be restricted to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    /// Before the lunch break.
    Morning,
    /// After the lunch break.
    Afternoon,
}

/// A person or organisation that takes part in meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Display name, used in messages and output only.
    pub name: String,
    /// Slots in which this participant cannot meet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<usize>,
    /// When set, all of this participant's meetings must be in this part of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<DayPart>,
}

/// A block of consecutive slots on one day at one venue.
///
/// Breaks are counted inside a session only: the lunch gap between a morning and
/// an afternoon session, or the night between two days, is not a break.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Display name ("Day 1 morning").
    pub name: String,
    /// Index into [`Problem::venues`].
    #[serde(default)]
    pub venue: usize,
}

/// One time slot in which a meeting can be held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// Index into [`Problem::sessions`]. The slots of one session are consecutive
    /// in [`Problem::slots`].
    pub session: usize,
    /// Day number (any integer; only equality and order matter).
    pub day: u32,
    /// Start, in minutes from the start of the day.
    pub start: u32,
    /// Length in minutes.
    pub duration: u32,
    /// Morning or afternoon.
    pub part: DayPart,
    /// How many meetings this slot can hold at once.
    pub tables: u32,
}

/// A meeting to place: two or more participants at one table in one slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The participants (at least two, all different).
    pub participants: Vec<usize>,
    /// Higher is more important. Used only when not every meeting can be placed.
    #[serde(default = "default_priority")]
    pub priority: u32,
    /// When set, the meeting must be held in this slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_slot: Option<usize>,
    /// Slots this meeting must not use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbidden_slots: Vec<usize>,
    /// Meetings that must be held in a strictly earlier slot than this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<usize>,
    /// When set, the meeting must be in this part of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<DayPart>,
}

fn default_priority() -> u32 {
    1
}

/// A complete problem instance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Venue names. At least one.
    pub venues: Vec<String>,
    /// `travel[a][b]`: minutes needed to get from venue `a` to venue `b`.
    /// Empty means zero everywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub travel: Vec<Vec<u32>>,
    /// The sessions, in time order.
    pub sessions: Vec<Session>,
    /// The slots, in time order (by day, then start).
    pub slots: Vec<Slot>,
    /// Everyone who meets.
    pub participants: Vec<Participant>,
    /// The meetings to place.
    pub meetings: Vec<Meeting>,
    /// Fairness bound `d`: every participant's break count minus the smallest
    /// break count of any participant must be at most `d`. `None` = no bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fairness: Option<u32>,
    /// When true, every meeting must be placed (the published benchmark): if that
    /// is impossible the answer is `infeasible`. When false, meetings are placed
    /// by priority and the rest are reported as unplaced with a reason.
    #[serde(default)]
    pub require_all: bool,
}

/// Where one meeting is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placement {
    /// Slot index.
    pub slot: usize,
    /// Table number within the slot, from 0.
    pub table: u32,
}

/// A schedule: for each meeting (same index as [`Problem::meetings`]) its
/// placement, or `None` when it is not held.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// One entry per meeting.
    pub placements: Vec<Option<Placement>>,
}

impl Schedule {
    /// A schedule from a slot per meeting, numbering the tables of each slot
    /// in meeting order.
    pub fn from_slots(slots: &[Option<usize>], n_slots: usize) -> Self {
        let mut next_table = vec![0u32; n_slots];
        let placements = slots
            .iter()
            .map(|s| {
                s.map(|slot| {
                    let table = next_table[slot];
                    next_table[slot] += 1;
                    Placement { slot, table }
                })
            })
            .collect();
        Schedule { placements }
    }

    /// The slot of each meeting.
    pub fn slots(&self) -> Vec<Option<usize>> {
        self.placements.iter().map(|p| p.map(|p| p.slot)).collect()
    }

    /// How many meetings are placed.
    pub fn placed(&self) -> usize {
        self.placements.iter().filter(|p| p.is_some()).count()
    }
}

impl Problem {
    /// The meetings of each participant.
    pub fn meetings_of(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.participants.len()];
        for (m, meeting) in self.meetings.iter().enumerate() {
            for &p in &meeting.participants {
                if let Some(list) = out.get_mut(p) {
                    list.push(m);
                }
            }
        }
        out
    }

    /// Travel minutes from venue `a` to venue `b` (0 when no table is given).
    pub fn travel_minutes(&self, a: usize, b: usize) -> u32 {
        self.travel
            .get(a)
            .and_then(|row| row.get(b))
            .copied()
            .unwrap_or(0)
    }

    /// Whether one participant can attend a meeting in slot `a` and another in
    /// slot `b` (`a != b`): the slots must not overlap in time, and when the
    /// venues differ the gap between them must cover the travel time.
    pub fn compatible_slots(&self, a: usize, b: usize) -> bool {
        let (sa, sb) = (&self.slots[a], &self.slots[b]);
        if sa.day != sb.day {
            return true;
        }
        let (first, second) = if (sa.start, a) <= (sb.start, b) {
            (sa, sb)
        } else {
            (sb, sa)
        };
        let venue = |s: &Slot| self.sessions.get(s.session).map_or(0, |x| x.venue);
        let travel = if venue(first) == venue(second) {
            0
        } else {
            self.travel_minutes(venue(first), venue(second))
        };
        first.start + first.duration + travel <= second.start
    }

    /// Whether slot `a` is strictly earlier than slot `b` (for precedences).
    pub fn earlier(&self, a: usize, b: usize) -> bool {
        let (sa, sb) = (&self.slots[a], &self.slots[b]);
        (sa.day, sa.start) < (sb.day, sb.start)
    }

    /// Whether the problem has any pair of slots that one participant cannot
    /// both use (parallel sessions or travel). The benchmark has none, which
    /// lets the solver skip those constraints.
    pub fn has_slot_conflicts(&self) -> bool {
        let n = self.slots.len();
        (0..n).any(|a| (a + 1..n).any(|b| !self.compatible_slots(a, b)))
    }
}
