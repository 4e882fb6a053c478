//! Opening the database: the backend is chosen by the URL scheme.

use crate::{DbError, DbResult};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Transaction};
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database koop runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite (the default).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// A connection pool to koop's database.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects to `sqlite://PATH` (created when missing) or `postgres://…`.
    pub async fn connect(url: &str) -> DbResult<Db> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(DbError::Conflict(format!(
                "unsupported database URL '{}': use sqlite://PATH or postgres://…",
                redact(url)
            )));
        };
        let url = match backend {
            // `mode=rwc` creates the file when missing.
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 16 })
            .acquire_timeout(Duration::from_secs(30));
        let options = if backend == Backend::Sqlite {
            // Foreign keys are per connection in SQLite; WAL lets readers run beside a writer,
            // and busy_timeout makes a second writer wait instead of failing.
            options.after_connect(|conn, _| {
                Box::pin(async move {
                    use sqlx::Executor;
                    conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;")
                        .await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options.connect(&url).await?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        Ok(Db { pool, backend })
    }

    /// Applies the migrations of this backend that have not been applied yet.
    pub async fn migrate(&self) -> DbResult<()> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction; koop-core runs each operation in one.
    ///
    /// On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`): a deferred
    /// transaction that read first and then writes fails with "database is locked" when
    /// another writer committed meanwhile, instead of waiting its turn. PostgreSQL
    /// writers wait on row locks, and conditional updates decide who wins.
    pub async fn begin(&self) -> DbResult<Transaction<'static, Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// A pooled connection for reads.
    pub async fn conn(&self) -> DbResult<sqlx::pool::PoolConnection<Any>> {
        Ok(self.pool.acquire().await?)
    }

    /// Every (table, column) of koop's schema, sorted, without sqlx's own table: for
    /// the test that the two backends' migrations describe the same schema.
    pub async fn columns(&self) -> DbResult<Vec<(String, String)>> {
        let mut out: Vec<(String, String)> =
            match self.backend {
                Backend::Postgres => sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = 'public'",
                )
                .fetch_all(&self.pool)
                .await?,
                Backend::Sqlite => {
                    sqlx::query_as(
                        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
                    )
                    .fetch_all(&self.pool)
                    .await?
                }
            };
        out.retain(|(t, _)| t != "_sqlx_migrations");
        out.sort();
        Ok(out)
    }

    /// Closes the pool.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Hides the password of a database URL in messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}://{user}:***{}", &url[..s], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Creates an empty database `name` on the PostgreSQL server at `admin_url` and returns
/// its URL. Test support: every test gets a database of its own.
pub async fn create_postgres_database(admin_url: &str, name: &str) -> DbResult<String> {
    install_default_drivers();
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(DbError::Conflict(format!("invalid database name '{name}'")));
    }
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(admin_url)
        .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await?;
    pool.close().await;
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
    Ok(format!("{base}/{name}"))
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_hidden_in_urls() {
        assert_eq!(
            redact("postgres://koop:secret@db:5432/koop"),
            "postgres://koop:***@db:5432/koop"
        );
        assert_eq!(redact("sqlite://koop.db"), "sqlite://koop.db");
    }
}
