//! The SQLite and the PostgreSQL migrations describe the same tables and columns, but
//! for PostgreSQL's stored full-text vectors (SQLite's search keeps its words in memory).

/// Columns only PostgreSQL has, and why: its own full-text search (migration 0014).
const POSTGRES_ONLY: [(&str, &str); 2] =
    [("profile", "search_simple"), ("profile", "search_stemmed")];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_have_the_same_tables_and_columns() {
    let dbs = koop_core::testing::fresh_databases().await;
    let mut schemas = Vec::new();
    for (backend, url) in &dbs {
        let mut cols = koop_core::testing::schema_columns(url).await.unwrap();
        let before = cols.len();
        cols.retain(|(t, c)| !POSTGRES_ONLY.contains(&(t.as_str(), c.as_str())));
        let expected = if *backend == "postgres" {
            POSTGRES_ONLY.len()
        } else {
            0
        };
        assert_eq!(
            before - cols.len(),
            expected,
            "{backend}: the search vectors"
        );
        assert!(cols.len() > 150, "{backend}: {} columns", cols.len());
        assert!(
            cols.contains(&("job".into(), "locked_until".into())),
            "{backend}"
        );
        schemas.push((backend, cols));
    }
    if let [(a, first), (b, second)] = &schemas[..] {
        let only_a: Vec<_> = first.iter().filter(|c| !second.contains(c)).collect();
        let only_b: Vec<_> = second.iter().filter(|c| !first.contains(c)).collect();
        assert!(only_a.is_empty(), "only in {a}: {only_a:?}");
        assert!(only_b.is_empty(), "only in {b}: {only_b:?}");
    }
}
