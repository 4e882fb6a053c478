//! People (contacts). People are never published: only their agency sees them.

use crate::codec::{list, now, parse, parse_list};
use crate::visibility::{binds, clause};
use crate::{Conn, DbResult};
use koop_domain::account::Viewer;
use koop_domain::ids::{AgencyId, OrgId, PersonId};
use koop_domain::person::{Consent, Person, PersonData};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    agency_id: i64,
    org_id: Option<i64>,
    given_name: String,
    family_name: String,
    function: String,
    email: Option<String>,
    phone: Option<String>,
    languages: String,
    consent: String,
}

const COLUMNS: &str = "p.id, p.agency_id, p.org_id, p.given_name, p.family_name, p.function, \
                       p.email, p.phone, p.languages, p.consent";

impl Row {
    fn into_domain(self) -> DbResult<Person> {
        Ok(Person {
            id: PersonId(self.id),
            agency_id: AgencyId(self.agency_id),
            org_id: self.org_id.map(OrgId),
            data: PersonData {
                given_name: self.given_name,
                family_name: self.family_name,
                function: self.function,
                email: self.email,
                phone: self.phone,
                languages: parse_list("person.languages", &self.languages)?,
                consent: parse("person.consent", Consent::parse(&self.consent))?,
            },
        })
    }
}

/// The key that identifies a person within an agency on re-import: the e-mail when
/// known, otherwise the name at the organisation.
pub fn match_key(data: &PersonData, org: Option<OrgId>) -> String {
    match &data.email {
        Some(e) => e.to_lowercase(),
        None => format!(
            "{} {}|{}",
            data.given_name.to_lowercase(),
            data.family_name.to_lowercase(),
            org.map_or(0, |o| o.0)
        ),
    }
}

/// Inserts a person.
pub async fn insert(
    conn: &mut Conn,
    agency: AgencyId,
    org: Option<OrgId>,
    data: &PersonData,
) -> DbResult<PersonId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO person (agency_id, org_id, match_key, given_name, family_name, function, \
         email, phone, languages, consent, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(agency.0)
    .bind(org.map(|o| o.0))
    .bind(match_key(data, org))
    .bind(&data.given_name)
    .bind(&data.family_name)
    .bind(&data.function)
    .bind(data.email.as_deref())
    .bind(data.phone.as_deref())
    .bind(list(&data.languages))
    .bind(data.consent.as_str())
    .bind(now())
    .fetch_one(conn)
    .await?;
    Ok(PersonId(id))
}

/// Updates a person.
pub async fn update(
    conn: &mut Conn,
    id: PersonId,
    org: Option<OrgId>,
    data: &PersonData,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE person SET org_id = $2, match_key = $3, given_name = $4, family_name = $5, \
         function = $6, email = $7, phone = $8, languages = $9, consent = $10 WHERE id = $1",
    )
    .bind(id.0)
    .bind(org.map(|o| o.0))
    .bind(match_key(data, org))
    .bind(&data.given_name)
    .bind(&data.family_name)
    .bind(&data.function)
    .bind(data.email.as_deref())
    .bind(data.phone.as_deref())
    .bind(list(&data.languages))
    .bind(data.consent.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// Finds a person of `agency` by match key (for imports).
pub async fn find_by_key(
    conn: &mut Conn,
    agency: AgencyId,
    key: &str,
) -> DbResult<Option<PersonId>> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM person WHERE agency_id = $1 AND match_key = $2")
            .bind(agency.0)
            .bind(key)
            .fetch_optional(conn)
            .await?;
    Ok(id.map(PersonId))
}

/// One person, if the viewer may see them.
pub async fn get(conn: &mut Conn, viewer: Viewer, id: PersonId) -> DbResult<Person> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM person p WHERE p.id = $1 AND {}",
        clause("p", "person", false, 2)
    );
    sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .bind(a)
        .bind(m)
        .fetch_one(conn)
        .await?
        .into_domain()
}

/// People the viewer may see, optionally only those of one organisation.
pub async fn list_visible(
    conn: &mut Conn,
    viewer: Viewer,
    org: Option<OrgId>,
) -> DbResult<Vec<Person>> {
    let (a, m) = binds(viewer);
    let sql = format!(
        "SELECT {COLUMNS} FROM person p WHERE {} AND ($3 < 0 OR p.org_id = $3) \
         ORDER BY p.family_name, p.given_name",
        clause("p", "person", false, 1)
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(a)
        .bind(m)
        .bind(org.map_or(-1, |o| o.0))
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(Row::into_domain).collect()
}

/// Erases a person's personal data: names, e-mail, phone and function are emptied and
/// consent is withdrawn. Their organisation's meetings stay, so an event's figures
/// still add up.
pub async fn erase(conn: &mut Conn, id: PersonId) -> DbResult<()> {
    sqlx::query(
        "UPDATE person SET given_name = '', family_name = '', email = NULL, phone = NULL, \
         function = '', consent = 'withdrawn', match_key = $2 WHERE id = $1",
    )
    .bind(id.0)
    .bind(format!("erased:{}", id.0))
    .execute(conn)
    .await?;
    Ok(())
}

/// A person with their agency, whoever asks (for their own data and its erasure).
pub async fn get_own(conn: &mut Conn, id: PersonId) -> DbResult<Person> {
    get(conn, koop_domain::account::Viewer::Platform, id).await
}
