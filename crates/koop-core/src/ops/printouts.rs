//! What the organisers printed, and what changed since: printing the table plan keeps
//! the meetings as they stood (time, table, status, who), so that the desk can print a
//! short list of what is new, what moved and what was cancelled, instead of every page
//! again.

use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use chrono::NaiveDateTime;
use koop_db::meeting::MeetingView;
use koop_domain::ids::{EventId, MeetingId};
use koop_domain::meeting::MeetingStatus;
use koop_domain::task::Task;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The printout the changes are counted from.
pub const TABLE_PLAN: &str = "table_plan";

/// A meeting as it was printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Printed {
    /// The meeting.
    pub id: MeetingId,
    /// Its start.
    pub starts_at: Option<NaiveDateTime>,
    /// Its table.
    pub table_no: Option<i64>,
    /// Its session's title.
    pub session: Option<String>,
    /// Who met, by organisation.
    pub who: String,
}

impl Printed {
    fn of(m: &MeetingView) -> Self {
        Printed {
            id: m.id,
            starts_at: m.starts_at,
            table_no: m.table_no,
            session: m.session.clone(),
            who: m.who(),
        }
    }
}

/// What changed at tables since the table plan was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangesSincePrint {
    /// When it was printed (RFC 3339).
    pub printed_at: String,
    /// Meetings at a table that were not on it.
    pub added: Vec<MeetingView>,
    /// Meetings at another time or table than printed: (as printed, now).
    pub moved: Vec<(Printed, MeetingView)>,
    /// Printed meetings that are cancelled now, or gone.
    pub cancelled: Vec<Printed>,
}

impl ChangesSincePrint {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.moved.is_empty() && self.cancelled.is_empty()
    }
}

/// Meetings that hold a table: what the table plan prints.
fn at_tables(meetings: &[MeetingView]) -> impl Iterator<Item = &MeetingView> {
    meetings.iter().filter(|m| {
        m.table_no.is_some() && m.starts_at.is_some() && m.status != MeetingStatus::Cancelled
    })
}

fn compare(printed: Vec<Printed>, now: &[MeetingView], printed_at: String) -> ChangesSincePrint {
    let mut out = ChangesSincePrint {
        printed_at,
        added: vec![],
        moved: vec![],
        cancelled: vec![],
    };
    for m in at_tables(now) {
        match printed.iter().find(|p| p.id == m.id) {
            None => out.added.push(m.clone()),
            Some(p) if (p.starts_at, p.table_no) != (m.starts_at, m.table_no) => {
                out.moved.push((p.clone(), m.clone()))
            }
            Some(_) => {}
        }
    }
    for p in printed {
        if !at_tables(now).any(|m| m.id == p.id) {
            out.cancelled.push(p);
        }
    }
    out.added.sort_by_key(|m| (m.starts_at, m.table_no));
    out.moved.sort_by_key(|(_, m)| (m.starts_at, m.table_no));
    out.cancelled.sort_by_key(|p| (p.starts_at, p.table_no));
    out
}

impl Core {
    /// Records that the table plan is being printed, with the meetings as they are;
    /// organisers only.
    pub async fn record_printout(&self, actor: &Actor, event: EventId) -> CoreResult<i64> {
        self.write(actor, "printout.made", async |tx| {
            let permit = policy::manage_event(tx, actor, event, Task::OnTheDay).await?;
            let meetings = koop_db::meeting::meetings(tx, event, None).await?;
            let printed: Vec<Printed> = at_tables(&meetings).map(Printed::of).collect();
            let snapshot = serde_json::to_string(&printed)
                .map_err(|e| CoreError::Internal(format!("printout snapshot: {e}")))?;
            let id =
                koop_db::printout::insert(tx, event, TABLE_PLAN, actor.account_id(), &snapshot)
                    .await?;
            Ok(Change::new(
                permit,
                id,
                "printout",
                id,
                json!({ "kind": TABLE_PLAN, "meetings": printed.len() }),
            ))
        })
        .await
    }
}

impl crate::read::Reader {
    /// What changed at the tables since the table plan was last printed, or `None` when
    /// it never was; organisers only.
    pub async fn changes_since_print(
        &mut self,
        event: EventId,
    ) -> CoreResult<Option<ChangesSincePrint>> {
        self.require_manage(event).await?;
        let Some((printed_at, snapshot)) =
            koop_db::printout::latest(self.conn(), event, TABLE_PLAN).await?
        else {
            return Ok(None);
        };
        let printed: Vec<Printed> = serde_json::from_str(&snapshot)
            .map_err(|e| CoreError::Internal(format!("printout snapshot: {e}")))?;
        let now = koop_db::meeting::meetings(self.conn(), event, None).await?;
        Ok(Some(compare(printed, &now, printed_at)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koop_domain::ids::ParticipantId;

    fn meeting(id: i64, hour: u32, table: i64, status: MeetingStatus) -> MeetingView {
        MeetingView {
            id: MeetingId(id),
            title: String::new(),
            starts_at: chrono::NaiveDate::from_ymd_opt(2027, 6, 8)
                .and_then(|d| d.and_hms_opt(hour, 0, 0)),
            minutes: Some(20),
            table_no: Some(table),
            table_name: None,
            status,
            session: Some("B2B".into()),
            venue: None,
            attendees: vec![koop_db::meeting::Attendee {
                participant: ParticipantId(id),
                org_id: koop_domain::ids::OrgId(id),
                org_name: format!("Firma {id}"),
                country: "DE".into(),
            }],
        }
    }

    #[test]
    fn new_moved_and_cancelled_meetings_are_told_apart_from_unchanged_ones() {
        use MeetingStatus::*;
        let printed: Vec<Printed> = [
            meeting(1, 10, 1, Scheduled),
            meeting(2, 10, 2, Scheduled),
            meeting(3, 11, 1, Scheduled),
            meeting(4, 11, 2, Scheduled),
        ]
        .iter()
        .map(Printed::of)
        .collect();
        let now = vec![
            meeting(1, 10, 1, Held),      // unchanged (a status on the day is no change)
            meeting(2, 12, 2, Scheduled), // moved
            meeting(3, 11, 1, Cancelled), // cancelled
            meeting(5, 11, 1, Scheduled), // new, at the freed table
        ];
        let c = compare(printed, &now, "t".into());
        assert_eq!(c.added.iter().map(|m| m.id.0).collect::<Vec<_>>(), [5]);
        assert_eq!(c.moved.iter().map(|m| m.0.id.0).collect::<Vec<_>>(), [2]);
        assert_eq!(
            c.cancelled.iter().map(|m| m.id.0).collect::<Vec<_>>(),
            [3, 4],
            "cancelled, and gone"
        );
    }
}
