//! Accounts and login sessions.

use crate::codec::{now, parse};
use crate::{Conn, DbResult};
use koop_domain::account::{Account, Role};
use koop_domain::ids::{AccountId, AgencyId, EventId, ParticipantId};

/// What a new account needs.
#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    /// Login e-mail.
    pub email: &'a str,
    /// Display name.
    pub display_name: &'a str,
    /// Argon2id PHC string.
    pub password_hash: &'a str,
    /// Role.
    pub role: Role,
    /// Agency.
    pub agency: Option<AgencyId>,
    /// Participant (for participants).
    pub participant: Option<ParticipantId>,
    /// Event (for organisers).
    pub event: Option<EventId>,
    /// UI language.
    pub ui_language: &'a str,
}

/// Inserts an account.
pub async fn insert(conn: &mut Conn, a: &NewAccount<'_>) -> DbResult<AccountId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO account (email, display_name, password_hash, role, agency_id, participant_id, event_id, \
         ui_language, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(a.email)
    .bind(a.display_name)
    .bind(a.password_hash)
    .bind(a.role.as_str())
    .bind(a.agency.map(|x| x.0))
    .bind(a.participant.map(|x| x.0))
    .bind(a.event.map(|x| x.0))
    .bind(a.ui_language)
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(AccountId(id))
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
);

const SELECT: &str = "SELECT a.id, a.email, a.display_name, a.role, a.agency_id, a.participant_id, \
                      a.event_id, a.ui_language FROM account a";

fn account(r: Row) -> DbResult<Account> {
    Ok(Account {
        id: AccountId(r.0),
        email: r.1,
        display_name: r.2,
        role: parse("account.role", Role::parse(&r.3))?,
        agency_id: r.4.map(AgencyId),
        participant_id: r.5.map(ParticipantId),
        event_id: r.6.map(EventId),
        ui_language: r.7,
    })
}

/// An account and its password hash, by e-mail (for login).
pub async fn by_email(conn: &mut Conn, email: &str) -> DbResult<Option<(Account, String)>> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, password_hash FROM account WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&mut *conn)
            .await?;
    match row {
        None => Ok(None),
        Some((id, hash)) => Ok(Some((get(conn, AccountId(id)).await?, hash))),
    }
}

/// An account by id.
pub async fn get(conn: &mut Conn, id: AccountId) -> DbResult<Account> {
    let sql = format!("{SELECT} WHERE a.id = $1");
    account(
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_one(conn)
            .await?,
    )
}

/// The staff and organiser accounts of an agency, by name: who works for it in koop.
pub async fn staff_of(conn: &mut Conn, agency: AgencyId) -> DbResult<Vec<Account>> {
    let sql = format!(
        "{SELECT} WHERE a.agency_id = $1 AND a.role IN ('agency_staff', 'event_organiser') \
         ORDER BY a.display_name, a.id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(agency.0)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(account).collect()
}

/// Stores a login session under the hash of its token.
pub async fn insert_session(
    conn: &mut Conn,
    token_hash: &str,
    account: AccountId,
    expires_at: &str,
) -> DbResult<()> {
    sqlx::query("INSERT INTO web_session (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(account.0)
        .bind(now())
        .bind(expires_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// The account of a live session.
pub async fn session_account(conn: &mut Conn, token_hash: &str) -> DbResult<Option<Account>> {
    let sql = format!(
        "{SELECT} JOIN web_session s ON s.account_id = a.id WHERE s.token_hash = $1 AND s.expires_at > $2"
    );
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .bind(now())
        .fetch_optional(conn)
        .await?;
    row.map(account).transpose()
}

/// Ends a session.
pub async fn delete_session(conn: &mut Conn, token_hash: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM web_session WHERE token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Erases an account: its sessions end, and its e-mail, name and password are
/// replaced, so nobody can log in with it and nothing of the person stays. The row
/// remains, because audit entries refer to it.
pub async fn erase(conn: &mut Conn, id: AccountId) -> DbResult<()> {
    sqlx::query("DELETE FROM web_session WHERE account_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE account SET email = $2, display_name = '', password_hash = '!' WHERE id = $1",
    )
    .bind(id.0)
    .bind(format!("erased-{}@invalid", id.0))
    .execute(conn)
    .await?;
    Ok(())
}
