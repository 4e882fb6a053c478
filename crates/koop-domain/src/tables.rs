//! Named tables and stands of a B2B session. A table may carry a name ("Stand 12,
//! Halle 4") and may be fixed to one participant: their stand, where their meetings
//! in the session take place (two stand owners meet at either one's stand) and no one
//! else's do.

use crate::DomainError;
use crate::ids::ParticipantId;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One table of a session that is more than a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedTable {
    /// Its number in the session, from 1.
    pub table_no: i64,
    /// Its name, shown instead of the number where set.
    pub name: String,
    /// The participant whose stand it is.
    pub participant: Option<ParticipantId>,
}

/// A session's named tables and stands, checked: numbers within the session's
/// tables and each used once, a participant with at most one stand. Rows with neither
/// a name nor a participant are left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SessionTables {
    tables: Vec<NamedTable>,
}

impl SessionTables {
    /// Checks `rows` against a session of `count` tables; the error names the row
    /// (from 1) and the field.
    pub fn new(count: i64, rows: Vec<NamedTable>) -> Result<SessionTables, DomainError> {
        let mut tables: Vec<NamedTable> = Vec::new();
        for (i, mut t) in rows.into_iter().enumerate() {
            let row = i + 1;
            t.name = t.name.trim().to_owned();
            if t.name.is_empty() && t.participant.is_none() {
                continue;
            }
            if t.table_no < 1 || t.table_no > count {
                return Err(DomainError::new(
                    "table",
                    "table_out_of_range",
                    format!(
                        "row {row}: table {} is not one of the session's tables 1 to {count}",
                        t.table_no
                    ),
                )
                .with("row", row)
                .with("value", t.table_no)
                .with("max", count));
            }
            if t.name.chars().count() > 100 {
                return Err(DomainError::new(
                    "name",
                    "too_long",
                    format!("row {row}: a table's name has at most 100 characters"),
                )
                .with("max", 100));
            }
            if tables.iter().any(|x| x.table_no == t.table_no) {
                return Err(DomainError::new(
                    "table",
                    "table_twice",
                    format!("row {row}: table {} is named twice", t.table_no),
                )
                .with("row", row)
                .with("value", t.table_no));
            }
            if t.participant.is_some() && tables.iter().any(|x| x.participant == t.participant) {
                return Err(DomainError::new(
                    "participant",
                    "stand_twice",
                    format!("row {row}: this participant has a stand already"),
                )
                .with("row", row));
            }
            tables.push(t);
        }
        tables.sort_by_key(|t| t.table_no);
        Ok(SessionTables { tables })
    }

    /// The named tables, by number.
    pub fn tables(&self) -> &[NamedTable] {
        &self.tables
    }

    /// Each stand: participant → table number.
    pub fn stands(&self) -> HashMap<ParticipantId, i64> {
        self.tables
            .iter()
            .filter_map(|t| t.participant.map(|p| (p, t.table_no)))
            .collect()
    }

    /// Whether table `no` is somebody's stand.
    pub fn is_stand(&self, no: i64) -> bool {
        self.tables
            .iter()
            .any(|t| t.table_no == no && t.participant.is_some())
    }

    /// The stand tables a meeting of `sides` may use: each side's stand.
    pub fn stands_of(&self, sides: &[ParticipantId]) -> Vec<i64> {
        let stands = self.stands();
        sides
            .iter()
            .filter_map(|p| stands.get(p).copied())
            .collect()
    }

    /// Whether a meeting of `sides` may be at table `no`: at a stand of one of its
    /// sides if any side has one (two stand owners meet at either stand), else at a
    /// table that is nobody's stand.
    pub fn allows(&self, sides: &[ParticipantId], no: i64) -> bool {
        let mine = self.stands_of(sides);
        if mine.is_empty() {
            !self.is_stand(no)
        } else {
            mine.contains(&no)
        }
    }

    /// The tables of a session of `count` that are nobody's stand, in order.
    pub fn open_tables(&self, count: i64) -> Vec<i64> {
        (1..=count).filter(|n| !self.is_stand(*n)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(no: i64, name: &str, p: Option<i64>) -> NamedTable {
        NamedTable {
            table_no: no,
            name: name.into(),
            participant: p.map(ParticipantId),
        }
    }

    #[test]
    fn tables_are_checked_and_name_the_row() {
        let ok = SessionTables::new(
            5,
            vec![
                row(4, " Stand IGZ ", Some(7)),
                row(1, "Fenster", None),
                row(2, "", None),
            ],
        )
        .unwrap();
        assert_eq!(ok.tables().len(), 2, "the empty row is left out");
        assert_eq!(ok.tables()[1].name, "Stand IGZ");
        assert_eq!(ok.open_tables(5), vec![1, 2, 3, 5]);
        assert_eq!(ok.stands_of(&[ParticipantId(3), ParticipantId(7)]), vec![4]);
        assert_eq!(ok.stands_of(&[ParticipantId(3)]), Vec::<i64>::new());
        assert!(ok.allows(&[ParticipantId(3), ParticipantId(7)], 4));
        assert!(
            !ok.allows(&[ParticipantId(3), ParticipantId(7)], 1),
            "the owner meets at the stand"
        );
        assert!(
            !ok.allows(&[ParticipantId(3), ParticipantId(8)], 4),
            "others not at it"
        );
        assert!(ok.allows(&[ParticipantId(3), ParticipantId(8)], 1));

        let far = SessionTables::new(5, vec![row(6, "Stand", None)]).unwrap_err();
        assert!(
            far.to_string().contains("row 1") && far.to_string().contains("6"),
            "{far}"
        );
        let twice = SessionTables::new(5, vec![row(1, "A", None), row(1, "B", None)]).unwrap_err();
        assert!(twice.to_string().contains("row 2"), "{twice}");
        let two_stands =
            SessionTables::new(5, vec![row(1, "", Some(7)), row(2, "", Some(7))]).unwrap_err();
        assert_eq!(two_stands.field, "participant");
    }
}
