//! The exchange's workflow in the JSON API: a participant searches, requests a
//! meeting and the partner accepts; the organiser runs the optimiser as a job,
//! publishes, checks people in and marks the meeting held; the figures count it.
//! Bad input and foreign ids get JSON problems that name the field, and a POST
//! without the session's token is refused.

mod common;

use common::TestApp;
use koop_core::domain::account::Role;
use koop_core::testing::{TestAgency, fresh_databases};
use serde_json::Value;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_runs_the_exchange_through_the_api() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a
            .event("Börse")
            .participants(2)
            .slots(2)
            .tables(1)
            .schedule_draft()
            .create()
            .await;
        let other = a.event("Andere").participants(1).create().await;
        let p = &ev.participants;
        let e = ev.id.0;
        let (_, alice) = a
            .login("alice", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let (_, bob) = a
            .login("bob", Role::Participant, Some(ev.id), Some(p[1]))
            .await;
        let app = TestApp::new(core.clone());
        let (alice, bob) = (app.login_as(&alice).await, app.login_as(&bob).await);
        let staff = app.login_as(&a.staff_email).await;

        let market = app
            .get(&format!("/api/v1/events/{e}/profiles"), Some(&alice))
            .await;
        assert_eq!(market.status, 200, "{backend}: {}", market.body);
        assert!(json(&market.body)["total"].is_number(), "{backend}");
        let bad = app
            .get(
                &format!("/api/v1/events/{e}/profiles?kind=XX"),
                Some(&alice),
            )
            .await;
        assert_eq!(bad.status, 422, "{backend}: {}", bad.body);
        assert_eq!(json(&bad.body)["problems"][0]["field"], "kind", "{backend}");

        // A request: malformed, without the token, to a stranger, then right.
        let path = format!("/api/v1/events/{e}/requests");
        let before = a.audit_count().await;
        let broken = app
            .post_json(&path, "{\"receiver\": \"bob\"}", Some(&alice), true)
            .await;
        assert_eq!(broken.status, 400, "{backend}: {}", broken.body);
        assert_eq!(
            json(&broken.body)["problems"][0]["field"],
            "body",
            "{backend}"
        );
        let body = format!("{{\"receiver\": {}, \"message\": \"Laser parts?\"}}", p[1]);
        let tokenless = app.post_json(&path, &body, Some(&alice), false).await;
        assert_eq!(tokenless.status, 403, "{backend}");
        let stranger = format!("{{\"receiver\": {}}}", other.participants[0]);
        let foreign = app.post_json(&path, &stranger, Some(&alice), true).await;
        assert_eq!(foreign.status, 404, "{backend}: {}", foreign.body);
        assert_eq!(a.audit_count().await, before, "{backend}: nothing written");
        let sent = app.post_json(&path, &body, Some(&alice), true).await;
        assert_eq!(sent.status, 201, "{backend}: {}", sent.body);
        let request = json(&sent.body)["id"].as_i64().unwrap();

        let inbox = json(&app.get(&path, Some(&bob)).await.body);
        assert_eq!(inbox[0]["id"], request, "{backend}");
        assert_eq!(inbox[0]["sent"], false, "{backend}");
        assert_eq!(inbox[0]["message"], "Laser parts?", "{backend}");
        let answer = format!("/api/v1/events/{e}/requests/{request}/answer");
        let wrong = app
            .post_json(&answer, "{\"answer\": \"maybe\"}", Some(&bob), true)
            .await;
        assert_eq!(wrong.status, 400, "{backend}");
        assert!(
            wrong.body.contains("maybe"),
            "{backend}: the value is named"
        );
        let not_hers = app
            .post_json(&answer, "{\"answer\": \"accept\"}", Some(&alice), true)
            .await;
        assert_eq!(not_hers.status, 403, "{backend}: only the receiver accepts");
        let yes = app
            .post_json(&answer, "{\"answer\": \"accept\"}", Some(&bob), true)
            .await;
        assert_eq!(yes.status, 200, "{backend}: {}", yes.body);
        assert_eq!(json(&yes.body)["status"], "accepted", "{backend}");

        // The organiser's side: participants may not run it.
        let runs = format!("/api/v1/events/{e}/schedule-runs");
        assert_eq!(
            app.post_json(&runs, "", Some(&alice), true).await.status,
            403,
            "{backend}"
        );
        let started = app.post_json(&runs, "", Some(&staff), true).await;
        assert_eq!(started.status, 202, "{backend}: {}", started.body);
        assert!(
            ["queued", "running"].contains(&json(&started.body)["status"].as_str().unwrap()),
            "{backend}: {}",
            started.body
        );
        // No worker runs in this test: do the job's work, then read the run.
        let options = koop_core::jobs::WorkerOptions::for_this_process();
        while core.run_next_job(&options).await.unwrap() {}
        let run = json(&app.get(&format!("{runs}/latest"), Some(&staff)).await.body);
        assert_eq!(run["status"], "done", "{backend}: {run}");
        assert_eq!(run["placed"], 1, "{backend}: {run}");

        let agenda = format!("/api/v1/events/{e}/meetings");
        assert_eq!(
            json(&app.get(&agenda, Some(&alice)).await.body),
            Value::Array(vec![]),
            "{backend}: not yet published"
        );
        let state = format!("/api/v1/events/{e}/schedule/state");
        let bad_state = app
            .post_json(&state, "{\"state\": \"done\"}", Some(&staff), true)
            .await;
        assert_eq!(bad_state.status, 422, "{backend}: {}", bad_state.body);
        let published = app
            .post_json(&state, "{\"state\": \"final\"}", Some(&staff), true)
            .await;
        assert_eq!(published.status, 200, "{backend}: {}", published.body);
        let mine = json(&app.get(&agenda, Some(&alice)).await.body);
        assert_eq!(mine.as_array().unwrap().len(), 1, "{backend}: {mine}");
        assert_eq!(mine[0]["table"], 1, "{backend}");
        assert_eq!(
            mine[0]["participants"].as_array().unwrap().len(),
            2,
            "{backend}"
        );
        let meeting = mine[0]["id"].as_i64().unwrap();

        let check_in = format!("/api/v1/events/{e}/participants/{}/check-in", p[0]);
        let arrived = app.post_json(&check_in, "", Some(&staff), true).await;
        assert_eq!(arrived.status, 200, "{backend}: {}", arrived.body);
        assert_eq!(json(&arrived.body)["status"], "attended", "{backend}");
        let held = format!("/api/v1/events/{e}/meetings/{meeting}/status");
        let done = app
            .post_json(&held, "{\"status\": \"held\"}", Some(&staff), true)
            .await;
        assert_eq!(done.status, 200, "{backend}: {}", done.body);
        let twice = app
            .post_json(&held, "{\"status\": \"held\"}", Some(&staff), true)
            .await;
        assert_eq!(twice.status, 422, "{backend}: {}", twice.body);
        assert!(twice.body.contains("illegal_transition"), "{backend}");

        let figures = json(
            &app.get(&format!("/api/v1/events/{e}/statistics"), Some(&staff))
                .await
                .body,
        );
        assert_eq!(
            figures["meetings"],
            serde_json::json!([["held", 1]]),
            "{backend}: {figures}"
        );
        assert_eq!(
            figures["requests"],
            serde_json::json!([["scheduled", 1]]),
            "{backend}"
        );
        let hidden = app
            .get(&format!("/api/v1/events/{e}/statistics"), Some(&alice))
            .await;
        assert_eq!(hidden.status, 403, "{backend}");
    }
}

#[tokio::test]
async fn the_openapi_description_has_the_workflow() {
    let (_, url) = fresh_databases().await.remove(0);
    let core = koop_core::Core::open(&url).await.unwrap();
    let app = TestApp::new(core);
    let spec = json(&app.get("/api/openapi.json", None).await.body);
    for (path, method) in [
        ("/api/v1/events/{id}/profiles", "get"),
        ("/api/v1/events/{id}/requests", "post"),
        ("/api/v1/events/{id}/requests/{request}/answer", "post"),
        ("/api/v1/events/{id}/requests/{request}/free-slots", "get"),
        ("/api/v1/events/{id}/meetings", "get"),
        ("/api/v1/events/{id}/schedule-runs", "post"),
        ("/api/v1/events/{id}/schedule/state", "post"),
        (
            "/api/v1/events/{id}/participants/{participant}/check-in",
            "post",
        ),
        ("/api/v1/events/{id}/meetings/{meeting}/status", "post"),
        ("/api/v1/events/{id}/statistics", "get"),
    ] {
        assert!(
            spec["paths"][path][method].is_object(),
            "OpenAPI lacks {method} {path}"
        );
    }
    assert!(spec["components"]["schemas"]["AnswerDto"].is_object());
}
