//! A script plans the demo trip through the JSON API: the engine's proposals with
//! reasons, confirming a pair, recording and importing local partners (bad input named),
//! and the OpenAPI description lists it all.

mod common;

use common::TestApp;
use koop_core::Core;
use koop_core::testing::fresh_databases;
use serde_json::Value;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_reads_proposals_confirms_a_pair_and_records_local_partners() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/trip");
    let bad = std::fs::read(fixtures.join("local-partners-malformed.csv")).unwrap();
    let good = std::fs::read(fixtures.join("local-partners.csv")).unwrap();
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("leg@koop.example").await;
        let base = format!("/api/v1/events/{}/trip", world.trip.0);
        assert_eq!(
            app.get(&format!("{base}/proposals"), None).await.status,
            403,
            "{backend}"
        );
        let list = json(
            &app.get(&format!("{base}/proposals"), Some(&staff))
                .await
                .body,
        );
        let list = list.as_array().unwrap();
        assert!(!list.is_empty(), "{backend}");
        assert!(
            list.iter()
                .all(|p| !p["reasons"].as_array().unwrap().is_empty()),
            "{backend}"
        );
        let open = list.iter().find(|p| p["confirmed"] == false).unwrap();
        let body = format!(
            r#"{{"pairs": [[{}, {}]]}}"#,
            open["traveller_id"], open["partner_id"]
        );
        let confirmed = app
            .post_json(&format!("{base}/pairs"), &body, Some(&staff), true)
            .await;
        assert_eq!(confirmed.status, 200, "{backend}: {}", confirmed.body);
        assert_eq!(json(&confirmed.body)["new"], 1, "{backend}");
        let again = app
            .post_json(&format!("{base}/pairs"), &body, Some(&staff), true)
            .await;
        assert_eq!(json(&again.body)["new"], 0, "{backend}: confirmed already");

        // A local partner with a time that is not one: refused, naming the field.
        let partner = |from: &str| {
            format!(
                r#"{{"organisation": "ТОО «Алматы Фарм»", "country": "KZ", "family_name": "Сейтов", "given_name": "Марат", "from": "{from}", "until": "2019-09-18T18:00"}}"#
            )
        };
        let bad_time = app
            .post_json(
                &format!("{base}/local-partners"),
                &partner("18.09.2019 14 Uhr"),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(bad_time.status, 400, "{backend}: {}", bad_time.body);
        assert!(bad_time.body.contains("\"from\""), "{backend}");
        let added = app
            .post_json(
                &format!("{base}/local-partners"),
                &partner("2019-09-18T14:00"),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(added.status, 200, "{backend}: {}", added.body);

        // A file with a bad row: every problem by line, nothing written.
        let refused = app
            .post_bytes(
                &format!("{base}/local-partners/import"),
                "text/csv",
                bad.clone(),
                &staff,
            )
            .await;
        assert_eq!(refused.status, 422, "{backend}: {}", refused.body);
        assert!(
            refused.body.contains("unknown_station") && refused.body.contains("\"line\":3"),
            "{backend}: {}",
            refused.body
        );
        let imported = app
            .post_bytes(
                &format!("{base}/local-partners/import"),
                "text/csv",
                good.clone(),
                &staff,
            )
            .await;
        assert_eq!(imported.status, 200, "{backend}: {}", imported.body);
        assert_eq!(json(&imported.body)["created"], 2, "{backend}");

        let other = app.login_demo("img@koop.example").await;
        assert_eq!(
            app.get(&format!("{base}/proposals"), Some(&other))
                .await
                .status,
            403,
            "{backend}"
        );
        let spec = json(&app.get("/api/openapi.json", None).await.body);
        for path in [
            "/api/v1/events/{id}/trip/proposals",
            "/api/v1/events/{id}/trip/pairs",
            "/api/v1/events/{id}/trip/local-partners",
            "/api/v1/events/{id}/trip/local-partners/import",
            "/api/v1/events/{id}/meetings/{meeting}/reopen",
        ] {
            assert!(spec["paths"][path].is_object(), "{backend}: {path}");
        }
    }
}
