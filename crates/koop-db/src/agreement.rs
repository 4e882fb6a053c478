//! Cooperation agreements and their parties.

use crate::codec::{list, now, opt_date, parse, parse_list, parse_opt_date, published};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::agreement::{Agreement, AgreementData, AgreementKind, AgreementParty};
use koop_domain::ids::{AgencyId, AgreementId, OrgId};
use serde::Serialize;

/// A party with its name, as pages show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyView {
    /// The party.
    pub party: AgreementParty,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    title: String,
    kind: String,
    signed_on: Option<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    scope: String,
    sectors: String,
    published_at: Option<String>,
}

const COLUMNS: &str = "a.id, a.agency_id, a.title, a.kind, a.signed_on, a.valid_from, \
                       a.valid_until, a.scope, a.sectors, a.published_at";

impl Row {
    fn into_domain(self, parties: Vec<AgreementParty>) -> DbResult<Agreement> {
        Ok(Agreement {
            id: AgreementId(self.id),
            agency_id: AgencyId(self.agency_id),
            data: AgreementData {
                title: self.title,
                kind: parse("agreement.kind", AgreementKind::parse(&self.kind))?,
                signed_on: parse_opt_date("agreement.signed_on", self.signed_on.as_deref())?,
                valid_from: parse_opt_date("agreement.valid_from", self.valid_from.as_deref())?,
                valid_until: parse_opt_date("agreement.valid_until", self.valid_until.as_deref())?,
                scope: self.scope,
                sectors: parse_list("agreement.sectors", &self.sectors)?,
                parties,
            },
            published: self.published_at.is_some(),
        })
    }
}

/// Inserts an agreement with its parties.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    data: &AgreementData,
    publish: bool,
) -> DbResult<AgreementId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO agreement (agency_id, title, kind, signed_on, valid_from, valid_until, scope, \
         sectors, published_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(agency.0)
    .bind(&data.title)
    .bind(data.kind.as_str())
    .bind(opt_date(data.signed_on))
    .bind(opt_date(data.valid_from))
    .bind(opt_date(data.valid_until))
    .bind(&data.scope)
    .bind(list(&data.sectors))
    .bind(published(publish))
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    for (pos, p) in data.parties.iter().enumerate() {
        sqlx::query(
            "INSERT INTO agreement_party (agreement_id, org_id, position, contribution_eur, contribution_note) \
             VALUES ($1, $2, $3, CAST($4 AS DOUBLE PRECISION), $5)",
        )
        .bind(id)
        .bind(p.org_id.0)
        .bind(pos as i64)
        .bind(crate::codec::float(p.contribution_eur))
        .bind(&p.contribution_note)
        .execute(&mut *conn)
        .await?;
    }
    Ok(AgreementId(id))
}

async fn parties(conn: &mut Conn, id: i64) -> DbResult<Vec<PartyView>> {
    let rows: Vec<(i64, Option<f64>, String, String, String)> = sqlx::query_as(
        "SELECT p.org_id, p.contribution_eur, p.contribution_note, o.name, o.kind \
         FROM agreement_party p JOIN organisation o ON o.id = p.org_id \
         WHERE p.agreement_id = $1 ORDER BY p.position",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(org, eur, note, name, kind)| PartyView {
            party: AgreementParty {
                org_id: OrgId(org),
                contribution_eur: eur,
                contribution_note: note,
            },
            name,
            kind,
        })
        .collect())
}

/// One agreement with named parties, if the viewer may see it.
pub async fn get(
    conn: &mut Conn,
    viewer: Viewer,
    id: AgreementId,
) -> DbResult<(Agreement, Vec<PartyView>)> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM agreement a WHERE a.id = $1 AND {}",
        clause("a", "agreement", true, 2)
    );
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .bind(a)
        .bind(m)
        .fetch_one(&mut *conn)
        .await?;
    let views = parties(conn, row.id).await?;
    let agreement = row.into_domain(views.iter().map(|v| v.party.clone()).collect())?;
    Ok((agreement, views))
}

/// Agreements the viewer may see, optionally only those `party` is a party to.
pub async fn list_visible(
    conn: &mut Conn,
    viewer: Viewer,
    party: Option<OrgId>,
) -> DbResult<Vec<(Agreement, Vec<PartyView>)>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM agreement a WHERE {} AND ($3 < 0 OR EXISTS (\
         SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.org_id = $3)) \
         ORDER BY a.valid_from, a.title",
        clause("a", "agreement", true, 1)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .bind(party.map_or(-1, |p| p.0))
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let views = parties(conn, row.id).await?;
        out.push((
            row.into_domain(views.iter().map(|v| v.party.clone()).collect())?,
            views,
        ));
    }
    Ok(out)
}
