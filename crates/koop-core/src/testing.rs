//! Fresh databases for tests: SQLite always, PostgreSQL when `KOOP_TEST_POSTGRES_URL`
//! names a server (the test command starts one). With `KOOP_REQUIRE_POSTGRES=1` a
//! missing server is an error rather than a skip, so CI cannot pass without PostgreSQL.

use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// URLs of fresh, empty databases, one per backend under test, with their labels.
pub async fn fresh_databases() -> Vec<(&'static str, String)> {
    let path = std::env::temp_dir().join(format!("{}.db", unique("koop_test")));
    let mut out = vec![("sqlite", format!("sqlite://{}", path.display()))];
    match std::env::var("KOOP_TEST_POSTGRES_URL") {
        Ok(admin) if !admin.is_empty() => {
            let url = koop_db::create_postgres_database(&admin, &unique("koop_t"))
                .await
                .unwrap_or_else(|e| panic!("cannot create a test database on {admin}: {e}"));
            out.push(("postgres", url));
        }
        _ if std::env::var("KOOP_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("KOOP_REQUIRE_POSTGRES=1 but KOOP_TEST_POSTGRES_URL is not set")
        }
        _ => eprintln!("note: KOOP_TEST_POSTGRES_URL is not set; this test runs on SQLite only"),
    }
    out
}
