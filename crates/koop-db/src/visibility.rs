//! The tenant filter every read goes through.
//!
//! A record is visible to a viewer when it is published, when it belongs to the viewer's
//! agency, when it was granted to that agency, or when the viewer is a platform admin.
//! The filter is one SQL fragment with two parameters, bound from [`Viewer`], so a query
//! cannot read another tenant's rows by forgetting a condition.

use crate::{Conn, DbResult};
use koop_domain::account::Viewer;

/// The two bind values that represent a viewer: (agency id, mode).
/// Mode 0 = the public's view (anonymous visitors, participants and organisers, whose
/// wider rights are per event and decided in koop-core's policy), 1 = agency staff,
/// 2 = platform.
pub fn binds(viewer: Viewer) -> (i64, i64) {
    match viewer {
        Viewer::Anonymous | Viewer::Participant { .. } | Viewer::Organiser { .. } => (-1, 0),
        Viewer::Staff(a) => (a.0, 1),
        Viewer::Platform => (-1, 2),
    }
}

/// The condition that `alias` (a table with `id`, `agency_id` and, if `publishable`,
/// `published_at`) is visible. `p` is the number of the first of the two parameters.
pub fn clause(alias: &str, subject_kind: &str, publishable: bool, p: usize) -> String {
    let published = if publishable {
        format!("{alias}.published_at IS NOT NULL OR ")
    } else {
        String::new()
    };
    format!(
        "({published}${m} = 2 OR (${m} = 1 AND ({alias}.agency_id = ${a} OR EXISTS (\
         SELECT 1 FROM access_grant g WHERE g.subject_kind = '{subject_kind}' \
         AND g.subject_id = {alias}.id AND g.grantee_agency_id = ${a}))))",
        a = p,
        m = p + 1,
    )
}

/// The rows of an agency's working records in `table` (never published: calls, ideas,
/// settlement projects) that the viewer may see, as `columns` of alias `t`, by `order`.
pub(crate) async fn agency_rows<R>(
    conn: &mut Conn,
    viewer: Viewer,
    table: &'static str,
    columns: &str,
    order: &str,
) -> DbResult<Vec<R>>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {columns} FROM {table} t WHERE {} ORDER BY {order}",
        clause("t", table, false, 1)
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .fetch_all(&mut *conn)
        .await?)
}

/// One row of such a table, if the viewer may see it.
pub(crate) async fn agency_row<R>(
    conn: &mut Conn,
    viewer: Viewer,
    table: &'static str,
    columns: &str,
    id: i64,
) -> DbResult<R>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {columns} FROM {table} t WHERE t.id = $1 AND {}",
        clause("t", table, false, 2)
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .bind(a)
        .bind(m)
        .fetch_one(&mut *conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use koop_domain::ids::AgencyId;

    #[test]
    fn anonymous_viewers_match_no_agency() {
        assert_eq!(binds(Viewer::Anonymous), (-1, 0));
        assert_eq!(binds(Viewer::Staff(AgencyId(7))), (7, 1));
        let participant = Viewer::Participant {
            event: koop_domain::ids::EventId(1),
            participant: koop_domain::ids::ParticipantId(2),
        };
        assert_eq!(binds(participant), (-1, 0));
        let c = clause("o", "organisation", true, 3);
        assert!(c.contains("o.published_at IS NOT NULL"));
        assert!(c.contains("$3") && c.contains("$4"));
        assert!(!clause("p", "person", false, 1).contains("published_at"));
    }
}
