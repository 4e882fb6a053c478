//! The agency workspace in the JSON API, on the demo: the council report and the
//! dashboard as data, a settlement recorded and settled by a script, an outcome with a
//! bad kind named, and the partners suggested for the demo's funding call, each with
//! reasons and a score that is the sum of its contributions.

mod common;

use common::TestApp;
use koop_core::Core;
use koop_core::testing::fresh_databases;
use serde_json::Value;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_reads_the_report_and_keeps_the_agencys_records() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("magdeburg@koop.example").await;

        let report = app
            .get(
                "/api/v1/agencies/magdeburg/report?from=2009&to=2011",
                Some(&staff),
            )
            .await;
        assert_eq!(report.status, 200, "{backend}: {}", report.body);
        let r = json(&report.body);
        assert_eq!(r["from"], "2009-01-01");
        assert_eq!(
            r["partner_cities"].as_array().unwrap().len(),
            3,
            "{backend}"
        );
        let latvian = &r["settlements"][0];
        assert_eq!(latvian["country"], "LV", "{backend}");
        assert_eq!(latvian["steps"].as_array().unwrap().len(), 6, "{backend}");
        assert_eq!(latvian["steps"][3]["on"], "2011-07-12", "{backend}");
        let jobs = r["totals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"] == "jobs")
            .unwrap();
        assert_eq!(jobs["value"], 14.0, "{backend}");
        let job_goal = r["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["kind"] == "jobs")
            .unwrap();
        assert_eq!(job_goal["years"][1]["year"], 2011, "{backend}: {job_goal}");
        assert_eq!(job_goal["years"][1]["target"], 20.0, "{backend}");
        assert_eq!(job_goal["years"][1]["achieved"], 8.0, "{backend}");
        let bad = app
            .get(
                "/api/v1/agencies/magdeburg/report?from=2011&to=2009",
                Some(&staff),
            )
            .await;
        assert_eq!(bad.status, 400, "{backend}");
        assert_eq!(json(&bad.body)["problems"][0]["field"], "to", "{backend}");

        // A settlement recorded and settled by a script counts in the report.
        let hafen = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .orgs(&koop_core::views::OrgFilter {
                name_contains: Some("Magdeburger Hafen".into()),
                ..Default::default()
            })
            .await
            .unwrap()[0]
            .id
            .0;
        let made = app
            .post_json(
                "/api/v1/settlements",
                &format!(
                    r#"{{"company_id": {hafen}, "title": "Logistikzentrum", "planned_jobs": 30,
                        "first_step": {{"stage": "lead", "on": "2012-01-10", "note": "Anfrage"}}}}"#
                ),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(made.status, 200, "{backend}: {}", made.body);
        let id = json(&made.body)["id"].as_i64().unwrap();
        let bad_stage = app
            .post_json(
                &format!("/api/v1/settlements/{id}/steps"),
                r#"{"stage": "opened", "on": "2012-05-01", "note": "x"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(bad_stage.status, 422, "{backend}: {}", bad_stage.body);
        assert_eq!(json(&bad_stage.body)["problems"][0]["field"], "stage");
        let settled = app
            .post_json(
                &format!("/api/v1/settlements/{id}/steps"),
                r#"{"stage": "settled", "on": "2012-05-01", "note": "Halle bezogen"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(settled.status, 200, "{backend}: {}", settled.body);
        let r = json(
            &app.get(
                "/api/v1/agencies/magdeburg/report?from=2012&to=2012",
                Some(&staff),
            )
            .await
            .body,
        );
        let jobs = r["totals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"] == "jobs")
            .unwrap();
        assert_eq!(jobs["value"], 30.0, "{backend}: {r}");

        // An outcome of an unknown kind is named; without the form token it is refused.
        let odd = app
            .post_json(
                "/api/v1/outcomes",
                r#"{"kind": "handshake", "title": "x", "achieved_on": "2012-01-01"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(odd.status, 422, "{backend}: {}", odd.body);
        assert_eq!(json(&odd.body)["problems"][0]["field"], "kind");
        let tokenless = app
            .post_json(
                "/api/v1/outcomes",
                r#"{"kind": "mou", "title": "x", "achieved_on": "2012-01-01"}"#,
                Some(&staff),
                false,
            )
            .await;
        assert_eq!(tokenless.status, 403, "{backend}");

        // An activity with its co-exhibitors, their leads, and a goal's target.
        let made = app
            .post_json(
                "/api/v1/activities",
                &format!(
                    r#"{{"kind": "trade_fair_stand", "title": "Gemeinschaftsstand Hafen", "start_on": "2012-04-23",
                        "end_on": "2012-04-27", "org_ids": [{hafen}], "publish": true}}"#
                ),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(made.status, 200, "{backend}: {}", made.body);
        let activity = json(&made.body)["id"].as_i64().unwrap();
        let leads = app
            .post_json(
                &format!("/api/v1/activities/{activity}/leads"),
                &format!(r#"{{"org_id": {hafen}, "leads": 12}}"#),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(leads.status, 200, "{backend}: {}", leads.body);
        let page = app.get(&format!("/activities/{activity}"), None).await;
        assert!(page.body.contains("12 Leads"), "{backend}");
        let backwards = app
            .post_json(
                "/api/v1/activities",
                r#"{"kind": "conference", "title": "X", "start_on": "2012-04-23", "end_on": "2012-04-01"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(backwards.status, 422, "{backend}");
        assert_eq!(json(&backwards.body)["problems"][0]["field"], "end_on");
        let goal = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .goals(koop_core::domain::ids::AgencyId(
                core.reader(&koop_core::Actor::system())
                    .await
                    .unwrap()
                    .agencies()
                    .await
                    .unwrap()
                    .iter()
                    .find(|a| a.slug == "magdeburg")
                    .unwrap()
                    .id,
            ))
            .await
            .unwrap()[1]
            .id
            .0;
        let target = app
            .post_json(
                &format!("/api/v1/goals/{goal}/targets"),
                r#"{"year": 2012, "target": 40}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(target.status, 200, "{backend}: {}", target.body);

        // The dashboard: IMG's four agreements in the ledger, for IMG's staff.
        let img = app.login_demo("img@koop.example").await;
        let d = json(
            &app.get("/api/v1/agencies/img/dashboard", Some(&img))
                .await
                .body,
        );
        assert_eq!(d["ledger"].as_array().unwrap().len(), 4, "{backend}");
        assert_eq!(d["ledger"][0]["public_eur"], 60000.0, "{backend}");
        let years: Vec<(String, f64)> = d["ledger_sums"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["scope"] == "year")
            .map(|x| {
                (
                    x["label"].as_str().unwrap().to_owned(),
                    x["public_eur"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            years,
            [
                ("2004".to_owned(), 120000.0),
                ("2005".into(), 60000.0),
                ("2009".into(), 60000.0)
            ],
            "{backend}"
        );
        let public = json(&app.get("/api/v1/agencies/img/dashboard", None).await.body);
        assert!(public["ledger"].as_array().unwrap().is_empty(), "{backend}");
        assert!(
            public["ledger_sums"].as_array().unwrap().is_empty(),
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_call_gets_partners_with_reasons_in_the_api() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("cluster@koop.example").await;
        let calls = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .calls()
            .await
            .unwrap();
        let id = calls[0].id.0;
        let s = app
            .get(&format!("/api/v1/calls/{id}/suggestions"), Some(&staff))
            .await;
        assert_eq!(s.status, 200, "{backend}: {}", s.body);
        let list = json(&s.body);
        let list = list.as_array().unwrap();
        assert!(list.len() >= 5, "{backend}");
        for x in list {
            assert!(
                !x["reasons"].as_array().unwrap().is_empty(),
                "{backend}: {x}"
            );
            let sum = x["topic"].as_f64().unwrap() + x["cooperation"].as_f64().unwrap();
            assert!(
                (x["score"].as_f64().unwrap() - sum).abs() < 1e-5,
                "{backend}: {x}"
            );
        }
        let first = list[0]["org_id"].as_i64().unwrap();
        let added = app
            .post_json(
                &format!("/api/v1/calls/{id}/members"),
                &format!(r#"{{"org_id": {first}, "role": "Partner"}}"#),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(added.status, 200, "{backend}: {}", added.body);
        let again = json(
            &app.get(&format!("/api/v1/calls/{id}/suggestions"), Some(&staff))
                .await
                .body,
        );
        assert!(
            again
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x["org_id"] != first),
            "{backend}: a member is not suggested again"
        );
        // Another agency's staff do not find it.
        let other = app.login_demo("img@koop.example").await;
        let theirs = app
            .get(&format!("/api/v1/calls/{id}/suggestions"), Some(&other))
            .await;
        assert_eq!(theirs.status, 404, "{backend}");
        // The OpenAPI description lists the workspace.
        let spec = json(&app.get("/api/openapi.json", None).await.body);
        for path in [
            "/api/v1/agencies/{slug}/report",
            "/api/v1/agencies/{slug}/dashboard",
            "/api/v1/calls/{id}/suggestions",
            "/api/v1/settlements",
            "/api/v1/outcomes",
        ] {
            assert!(spec["paths"][path].is_object(), "{backend}: {path}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn project_ideas_are_kept_and_get_partners_in_the_api() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("cluster@koop.example").await;
        let ideas = json(&app.get("/api/v1/ideas", Some(&staff)).await.body);
        let ideas = ideas.as_array().unwrap();
        assert_eq!(ideas.len(), 3, "{backend}: {ideas:?}");
        let sensors = ideas
            .iter()
            .find(|i| i["title"].as_str().unwrap().starts_with("Sensorik"))
            .unwrap();
        assert_eq!(sensors["status"], "formed", "{backend}");
        let roles: Vec<&str> = sensors["orgs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["role"].as_str().unwrap())
            .collect();
        assert_eq!(
            roles,
            ["owner", "cluster", "cluster", "partner", "partner"],
            "{backend}"
        );
        let owner = sensors["orgs"][0]["org_id"].as_i64().unwrap();
        let cluster = sensors["orgs"][2]["org_id"].as_i64().unwrap();
        // No owner: refused, naming the field; nothing is written.
        let refused = app
            .post_json(
                "/api/v1/ideas",
                r#"{"title": "Idee", "owner_ids": []}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(refused.status, 400, "{backend}: {}", refused.body);
        assert!(refused.body.contains("owner_ids"), "{backend}");
        let made = app
            .post_json(
                "/api/v1/ideas",
                &format!(
                    r#"{{"title": "Enzyme im Sensor", "summary": "Fermentation und Sensorik", "owner_ids": [{owner}], "cluster_ids": [{cluster}]}}"#
                ),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(made.status, 200, "{backend}: {}", made.body);
        let id = json(&made.body)["id"].as_i64().unwrap();
        let s = json(
            &app.get(&format!("/api/v1/ideas/{id}/suggestions"), Some(&staff))
                .await
                .body,
        );
        let s = s.as_array().unwrap();
        assert!(!s.is_empty(), "{backend}");
        assert!(
            s.iter()
                .all(|x| !x["reasons"].as_array().unwrap().is_empty()),
            "{backend}"
        );
        let first = s[0]["org_id"].as_i64().unwrap();
        let bad_role = app
            .post_json(
                &format!("/api/v1/ideas/{id}/orgs"),
                &format!(r#"{{"org_id": {first}, "role": "sponsor"}}"#),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(bad_role.status, 422, "{backend}: {}", bad_role.body);
        assert!(bad_role.body.contains("sponsor"), "{backend}");
        let joined = app
            .post_json(
                &format!("/api/v1/ideas/{id}/orgs"),
                &format!(r#"{{"org_id": {first}, "role": "partner"}}"#),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(joined.status, 200, "{backend}: {}", joined.body);
        let set = app
            .post_json(
                &format!("/api/v1/ideas/{id}/status"),
                r#"{"status": "seeking"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(set.status, 200, "{backend}: {}", set.body);
        let ideas = json(&app.get("/api/v1/ideas", Some(&staff)).await.body);
        let new = ideas
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone();
        assert_eq!(new["status"], "seeking", "{backend}");
        assert_eq!(new["orgs"].as_array().unwrap().len(), 3, "{backend}: {new}");
        let removed = app
            .post_json(
                &format!("/api/v1/ideas/{id}/orgs/remove"),
                &format!(r#"{{"org_id": {first}, "role": "partner"}}"#),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(removed.status, 200, "{backend}: {}", removed.body);
        let twice = app
            .post_json(
                &format!("/api/v1/ideas/{id}/orgs/remove"),
                &format!(r#"{{"org_id": {first}, "role": "partner"}}"#),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(twice.status, 422, "{backend}: {}", twice.body);
        let other = app.login_demo("img@koop.example").await;
        let theirs = json(&app.get("/api/v1/ideas", Some(&other)).await.body);
        assert!(theirs.as_array().unwrap().is_empty(), "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_ends_a_membership_and_an_end_before_the_start_is_refused() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("cluster@koop.example").await;
        let mut r = core.reader(&koop_core::Actor::system()).await.unwrap();
        let mika = r
            .orgs(&koop_core::views::OrgFilter {
                name_contains: Some("MiKA".into()),
                ..Default::default()
            })
            .await
            .unwrap()[0]
            .id;
        let m = r.memberships(mika).await.unwrap()[0].id.0;
        let path = format!("/api/v1/memberships/{m}");
        let backwards = app
            .post_json(
                &path,
                r#"{"role": "member", "since": "2016-01-01", "until": "2015-01-01"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(backwards.status, 422, "{backend}: {}", backwards.body);
        assert!(
            backwards.body.contains("\"until\""),
            "{backend}: {}",
            backwards.body
        );
        let ended = app
            .post_json(
                &path,
                r#"{"role": "partner", "since": "2012-01-01", "until": "2020-12-31"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(ended.status, 200, "{backend}: {}", ended.body);
        assert_eq!(json(&ended.body)["id"], mika.0, "{backend}");
        let after = r
            .membership(koop_core::domain::ids::MembershipId(m))
            .await
            .unwrap();
        assert_eq!(after.until.unwrap().to_string(), "2020-12-31", "{backend}");
        assert!(
            r.memberships_in("network")
                .await
                .unwrap()
                .iter()
                .all(|x| x.id.0 != m),
            "{backend}: no longer a current member"
        );
        let other = app.login_demo("img@koop.example").await;
        let foreign = app
            .post_json(&path, r#"{"role": "member"}"#, Some(&other), true)
            .await;
        assert_eq!(foreign.status, 403, "{backend}: {}", foreign.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_reads_and_grows_a_partner_citys_history() {
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let cities = json(&app.get("/api/v1/partner-cities", None).await.body);
        let harbin = cities
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c.to_string().contains("Harbin"))
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let path = format!("/api/v1/partner-cities/{harbin}/history");
        let h = json(&app.get(&path, None).await.body);
        assert_eq!(h["status"], "active", "{backend}");
        let kinds: Vec<&str> = h["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["agreed", "extended"], "{backend}");
        let staff = app.login_demo("magdeburg@koop.example").await;
        let bad = app
            .post_json(
                &path,
                r#"{"on": "2012-02-30", "kind": "ended"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(bad.status, 400, "{backend}: {}", bad.body);
        assert!(bad.body.contains("2012-02-30"), "{backend}: {}", bad.body);
        let ended = app
            .post_json(
                &path,
                r#"{"on": "2013-01-31", "kind": "ended", "note": "Ausgelaufen"}"#,
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(ended.status, 200, "{backend}: {}", ended.body);
        let h = json(&app.get(&path, None).await.body);
        assert_eq!(h["status"], "ended", "{backend}");
        // Not the office's own city: refused, naming the field.
        let mut r = core.reader(&koop_core::Actor::system()).await.unwrap();
        let mine = r
            .partner_city(koop_core::domain::ids::PartnerCityId(harbin))
            .await
            .unwrap();
        let img = app.login_demo("img@koop.example").await;
        let foreign = app
            .post_json(
                "/api/v1/partner-cities",
                &format!(
                    r#"{{"home_id": {}, "partner_id": {}}}"#,
                    mine.relation.home_id.0, mine.relation.partner_id.0
                ),
                Some(&img),
                true,
            )
            .await;
        assert_eq!(foreign.status, 422, "{backend}: {}", foreign.body);
        assert!(
            foreign.body.contains("\"home\""),
            "{backend}: {}",
            foreign.body
        );
        let theirs = app
            .post_json(
                &path,
                r#"{"on": "2013-02-01", "kind": "resumed"}"#,
                Some(&img),
                true,
            )
            .await;
        assert_eq!(theirs.status, 403, "{backend}: {}", theirs.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_imports_a_file_archives_an_organisation_and_asks_for_a_reminder() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/een");
    let good = std::fs::read(fixtures.join("profiles.csv")).unwrap();
    let bad = std::fs::read(fixtures.join("profiles-malformed.csv")).unwrap();
    for (backend, url) in fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let staff = app.login_demo("img@koop.example").await;
        // A malformed file: every problem by line and column, nothing written.
        let refused = app
            .post_bytes(
                "/api/v1/import/een-profiles",
                "text/csv",
                bad.clone(),
                &staff,
            )
            .await;
        assert_eq!(refused.status, 422, "{backend}: {}", refused.body);
        let problems = json(&refused.body);
        let text = problems.to_string();
        assert!(
            text.contains("XO") && text.contains("Polen"),
            "{backend}: {text}"
        );
        let imported = app
            .post_bytes(
                "/api/v1/import/een-profiles",
                "text/csv",
                good.clone(),
                &staff,
            )
            .await;
        assert_eq!(imported.status, 200, "{backend}: {}", imported.body);
        let r = json(&imported.body);
        assert!(r["created"].as_u64().unwrap() >= 2, "{backend}: {r}");
        // The same file again creates nothing new.
        let again = json(
            &app.post_bytes(
                "/api/v1/import/een-profiles",
                "text/csv",
                good.clone(),
                &staff,
            )
            .await
            .body,
        );
        assert_eq!(again["created"], 0, "{backend}: {again}");
        let unknown = app
            .post_bytes("/api/v1/import/people", "text/csv", good.clone(), &staff)
            .await;
        assert_eq!(unknown.status, 400, "{backend}: {}", unknown.body);

        // Archive an organisation and restore it.
        let orgs = json(&app.get("/api/v1/organisations", Some(&staff)).await.body);
        let some = orgs.as_array().unwrap()[0]["id"].as_i64().unwrap();
        let path = format!("/api/v1/organisations/{some}/archive");
        let archived = app
            .post_json(&path, r#"{"archived": true}"#, Some(&staff), true)
            .await;
        assert_eq!(archived.status, 200, "{backend}: {}", archived.body);
        let mut r = core.reader(&koop_core::Actor::system()).await.unwrap();
        assert!(
            r.is_archived(koop_core::domain::ids::OrgId(some))
                .await
                .unwrap(),
            "{backend}"
        );
        let other = app.login_demo("magdeburg@koop.example").await;
        let foreign = app
            .post_json(&path, r#"{"archived": false}"#, Some(&other), true)
            .await;
        assert!(
            [403, 404].contains(&foreign.status.as_u16()),
            "{backend}: {}",
            foreign.body
        );

        // An outcome with a reminder in the past is refused, naming the field.
        let past = app
            .post_json(
                "/api/v1/outcomes",
                &format!(
                    r#"{{"kind": "contact_established", "title": "Kontakt", "achieved_on": "2026-01-10", "org_ids": [{some}], "remind_on": "2020-01-01"}}"#
                ),
                Some(&staff),
                true,
            )
            .await;
        assert_eq!(past.status, 422, "{backend}: {}", past.body);
        assert!(past.body.contains("remind_on"), "{backend}: {}", past.body);
        let reminded = app
            .post_json(
                "/api/v1/outcomes",
                &format!(
                    r#"{{"kind": "contact_established", "title": "Kontakt", "achieved_on": "2026-01-10", "org_ids": [{some}], "remind_on": "2099-07-10"}}"#
                ),
                Some(&staff),
                true,
            )
            .await;
        // This koop sends no mail, so it cannot promise a reminder: refused, and the
        // outcome is not written without it.
        assert_eq!(reminded.status, 409, "{backend}: {}", reminded.body);
        assert!(reminded.body.contains("mail_not_configured"), "{backend}");
        let outcomes = r.outcomes(Default::default()).await.unwrap();
        assert!(
            outcomes
                .iter()
                .all(|o| o.data.achieved_on.to_string() != "2026-01-10"),
            "{backend}: nothing half-written"
        );
    }
}
