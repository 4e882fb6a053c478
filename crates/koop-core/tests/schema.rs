//! The SQLite and the PostgreSQL migrations describe the same tables and columns.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_have_the_same_tables_and_columns() {
    let dbs = koop_core::testing::fresh_databases().await;
    let mut schemas = Vec::new();
    for (backend, url) in &dbs {
        let cols = koop_core::testing::schema_columns(url).await.unwrap();
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
