//! The web application against the demo world, without a socket: every page reachable
//! from `/` answers without a server error, the tenant boundary holds through pages and
//! API, and login and language switching work. Runs on SQLite, and on PostgreSQL when
//! the test command provides a server.

mod common;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::values::CountryCode;
use koop_core::{Actor, Core};
use std::collections::{BTreeSet, VecDeque};
use tower::ServiceExt;

async fn get(app: &Router, path: &str, cookie: Option<&str>) -> (StatusCode, String) {
    let mut req = Request::get(path).header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let resp = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let body = to_bytes(resp.into_body(), 10 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn login(app: &Router, email: &str, password: &str) -> (StatusCode, Option<String>) {
    let body = format!("email={}&password={password}", email.replace('@', "%40"));
    let req = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let cookie = resp
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("koop_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned());
    (resp.status(), cookie)
}

/// Visits every page reachable from `/`; returns the paths seen.
async fn crawl(app: &Router, cookie: Option<&str>, backend: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from(["/".to_owned()]);
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (status, body) = get(app, &path, cookie).await;
        assert!(status.as_u16() < 500, "{backend}: {path} answered {status}");
        let text = common::text_of(&body);
        assert!(
            !text.contains("kind-") || path.starts_with("/audit"),
            "{backend}: {path} shows an untranslated key"
        );
        for l in common::links(&body) {
            if !seen.contains(&l) {
                queue.push_back(l);
            }
        }
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_reachable_from_home_answers_and_reaches_every_kind_of_record() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        koop_demo::load(&core).await.unwrap();
        let app = koop_web::router(core);

        let public = crawl(&app, None, backend).await;
        let (status, cookie) = login(&app, "img@koop.example", koop_demo::DEMO_PASSWORD).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{backend}");
        let staff = crawl(&app, cookie.as_deref(), backend).await;
        for prefix in [
            "/organisations/",
            "/agreements/",
            "/partner-cities/",
            "/events/",
            "/activities/",
            "/agencies/",
            "/clusters",
            "/networks",
            "/outcomes",
            "/audit",
        ] {
            assert!(
                staff.iter().any(|p| p.starts_with(prefix)),
                "{backend}: no page under {prefix} reachable from /"
            );
        }
        assert!(
            staff.iter().any(|p| p.ends_with("/meetings")),
            "{backend}: meeting agendas are reachable"
        );
        assert!(
            public.iter().any(|p| p.ends_with("/complements")),
            "{backend}: the cross-cluster view is reachable"
        );
        assert!(
            staff.len() > 200,
            "{backend}: only {} pages reached",
            staff.len()
        );
        assert!(
            public.len() > 150,
            "{backend}: only {} public pages",
            public.len()
        );
        assert!(
            !public.contains("/audit"),
            "{backend}: the audit log is not linked for visitors"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_of_one_agency_cannot_read_another_agencys_records_through_pages_or_api() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let secret = core
            .create_organisation(
                &Actor::system(),
                world.img,
                OrgData {
                    name: "Vertraulicher Investor GmbH".into(),
                    kind: OrgKind::Company,
                    country: CountryCode::parse("CN").unwrap(),
                    city: "Shanghai".into(),
                    nace: vec![],
                    size: None,
                    languages: vec![],
                    website: None,
                    description: "Ansiedlungsprojekt, vertraulich".into(),
                },
                false,
            )
            .await
            .unwrap();
        let app = koop_web::router(core);
        let (_, img) = login(&app, "img@koop.example", koop_demo::DEMO_PASSWORD).await;
        let (_, city) = login(&app, "magdeburg@koop.example", koop_demo::DEMO_PASSWORD).await;
        let page = format!("/organisations/{secret}");
        let api = format!("/api/v1/organisations/{secret}");

        assert_eq!(
            get(&app, &page, img.as_deref()).await.0,
            StatusCode::OK,
            "{backend}"
        );
        assert_eq!(
            get(&app, &api, img.as_deref()).await.0,
            StatusCode::OK,
            "{backend}"
        );
        for (who, cookie) in [("other agency", city.as_deref()), ("anonymous", None)] {
            assert_eq!(
                get(&app, &page, cookie).await.0,
                StatusCode::NOT_FOUND,
                "{backend}: {who} page"
            );
            let (status, body) = get(&app, &api, cookie).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{backend}: {who} API");
            assert!(
                body.contains("\"error\":\"not_found\""),
                "{backend}: {body}"
            );
            let (_, list) = get(&app, "/api/v1/organisations?country=CN", cookie).await;
            assert!(
                !list.contains("Vertraulicher"),
                "{backend}: {who} list leaks it"
            );
            let (_, html) = get(&app, "/organisations?q=vertraulich", cookie).await;
            assert!(
                !html.contains("Vertraulicher"),
                "{backend}: {who} page list leaks it"
            );
        }
        // Contacts are never public, and only the owning agency sees them.
        let (_, img_page) = get(&app, "/organisations?q=Elbe", img.as_deref()).await;
        let href = common::links(&img_page)
            .into_iter()
            .find(|l| l.starts_with("/organisations/"))
            .unwrap();
        assert!(
            get(&app, &href, img.as_deref()).await.1.contains("Krüger"),
            "{backend}: staff see contacts"
        );
        assert!(
            !get(&app, &href, city.as_deref()).await.1.contains("Krüger"),
            "{backend}: other agencies do not"
        );
        assert!(
            !get(&app, &href, None).await.1.contains("Krüger"),
            "{backend}: visitors do not"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_language_and_errors_behave_for_a_person() {
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    koop_demo::load(&core).await.unwrap();
    let app = koop_web::router(core);

    let (status, cookie) = login(&app, "img@koop.example", "falsch").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(cookie.is_none());
    let (_, home) = get(&app, "/", None).await;
    assert!(
        home.contains("Veranstaltungen"),
        "German by default for a German browser"
    );
    let req = Request::get("/")
        .header(header::COOKIE, "koop_lang=en")
        .body(Body::empty())
        .unwrap();
    let body = to_bytes(app.clone().oneshot(req).await.unwrap().into_body(), 1 << 20)
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&body).contains("Partner cities"));
    let (status, page) = get(&app, "/organisations?kind=spaceship", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("„spaceship“ ist keine der möglichen Angaben") && page.contains("<nav>"),
        "the error page names the value in German, with the navigation: {page}"
    );
    assert_eq!(
        get(&app, "/organisations/999999", None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/organisations/abc", None).await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/events/1/meetings", None).await.0,
        StatusCode::FORBIDDEN,
        "agendas are for logged-in people"
    );
    let (status, spec) = get(&app, "/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    for path in [
        "/api/v1/organisations",
        "/api/v1/partner-cities",
        "/api/v1/events/{id}/participants",
    ] {
        assert!(spec.contains(path), "OpenAPI lacks {path}");
    }
}

/// Posts a form as koop's own page does: with the session's token.
async fn post_form(app: &Router, path: &str, body: &str, cookie: Option<&str>) -> StatusCode {
    let mut req =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let mut body = body.to_owned();
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
        let token = c.trim_start_matches("koop_session=");
        body = format!("{body}&_csrf={}", koop_web::csrf_token(token));
    }
    app.clone()
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap()
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_sees_reasoned_recommendations_and_requests_a_meeting_from_them() {
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let world = koop_demo::load(&core).await.unwrap();
    let app = koop_web::router(core.clone());
    let (_, me) = login(&app, "participant@koop.example", koop_demo::DEMO_PASSWORD).await;
    let path = format!("/events/{}/recommendations", world.exchange);
    let (status, html) = get(&app, &path, me.as_deref()).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("Elbe Sondermaschinenbau"),
        "the packaging-machine maker is recommended"
    );
    let reasons = html.matches("<ul class=\"reasons\"><li>").count();
    let cards = html.matches("<article class=\"profile\">").count();
    assert!(
        cards >= 5 && reasons == cards,
        "every recommendation has reasons: {reasons} of {cards}"
    );
    assert!(
        get(&app, &path, None).await.0 == StatusCode::FORBIDDEN,
        "recommendations need a login"
    );

    // Request a meeting with the first recommended partner that is a participant.
    let requester = html
        .split("name=\"requester\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let receiver = html
        .split("name=\"receiver\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let form = format!("requester={requester}&receiver={receiver}");
    let requests = format!("/events/{}/requests", world.exchange);
    assert_eq!(
        post_form(&app, &requests, &form, me.as_deref()).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_form(&app, &requests, &form, me.as_deref()).await,
        StatusCode::CONFLICT,
        "the same request twice"
    );
    let other = format!("requester={receiver}&receiver={requester}");
    assert_eq!(
        post_form(&app, &requests, &other, me.as_deref()).await,
        StatusCode::FORBIDDEN,
        "nobody asks in someone else's name"
    );
    assert_eq!(
        post_form(&app, &requests, "requester=x", me.as_deref())
            .await
            .as_u16()
            / 100,
        4,
        "a malformed form is a client error"
    );

    // The organisers' view is for organisers.
    let coverage = format!("/events/{}/matching", world.exchange);
    assert_eq!(
        get(&app, &coverage, me.as_deref()).await.0,
        StatusCode::FORBIDDEN
    );
    let (_, organiser) = login(&app, "organiser@koop.example", koop_demo::DEMO_PASSWORD).await;
    let (status, html) = get(&app, &coverage, organiser.as_deref()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Wer braucht Hilfe?"));

    // The organiser runs the scheduler: the new request's meeting is placed, nothing moves.
    let (_, organiser_event) = get(
        &app,
        &format!("/events/{}", world.exchange),
        organiser.as_deref(),
    )
    .await;
    assert!(
        organiser_event.contains("/schedule"),
        "organisers see the scheduler button"
    );
    let schedule = format!("/events/{}/schedule", world.exchange);
    assert_eq!(
        post_form(&app, &schedule, "", me.as_deref()).await,
        StatusCode::FORBIDDEN,
        "participants cannot run it"
    );
    // Starting a run answers at once; the run is a job, and its page follows it.
    let started = std::time::Instant::now();
    assert_eq!(
        post_form(&app, &schedule, "", organiser.as_deref()).await,
        StatusCode::SEE_OTHER
    );
    assert!(
        started.elapsed() < std::time::Duration::from_millis(200),
        "starting a run took {:?}",
        started.elapsed()
    );
    let (status, body) = get(&app, &schedule, organiser.as_deref()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("http-equiv=\"refresh\"") && body.contains("wartet auf den Start"),
        "{body}"
    );
    let worker = koop_core::jobs::WorkerOptions::for_this_process();
    assert!(core.run_next_job(&worker).await.unwrap());
    let (_, body) = get(&app, &schedule, organiser.as_deref()).await;
    assert!(
        body.contains("Zeitplan")
            && body.contains("unverändert beibehalten")
            && !body.contains("http-equiv=\"refresh\""),
        "{body}"
    );
    assert_eq!(
        get(&app, &schedule, me.as_deref()).await.0,
        StatusCode::FORBIDDEN,
        "participants do not see the runs"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_clusters_own_managers_name_its_complements() {
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    koop_demo::load(&core).await.unwrap();
    let app = koop_web::router(core);
    let (_, page) = get(&app, "/clusters", None).await;
    // The link of the adhesive alliance's row, and the id of Solarvalley's.
    let row = |name: &str| {
        let at = page.find(name).unwrap();
        let href = page[at..].find("/clusters/").unwrap() + at;
        page[href..].split('"').next().unwrap().to_owned()
    };
    let (glue, solar) = (row("Klebtechnik Allianz"), row("Solarvalley"));
    let solar_id = solar
        .trim_start_matches("/clusters/")
        .trim_end_matches("/complements");
    let body = format!("other={solar_id}&rationale=Kleben+von+Solarmodulen");
    let anonymous = post_form(&app, &glue, &body, None).await;
    assert!(anonymous.is_client_error(), "{anonymous}");
    let (_, other_agency) = login(&app, "img@koop.example", koop_demo::DEMO_PASSWORD).await;
    let status = post_form(&app, &glue, &body, other_agency.as_deref()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, manager) = login(&app, "cluster@koop.example", koop_demo::DEMO_PASSWORD).await;
    let status = post_form(&app, &glue, &body, manager.as_deref()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = get(&app, &glue, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Kleben von Solarmodulen"), "{html}");
    assert!(html.contains("class=\"profile pair\""), "pairs are listed");
    // Naming it twice is refused with a message, not a server error.
    let status = post_form(&app, &glue, &body, manager.as_deref()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_past_the_limit_get_429_without_a_password_hash_and_pages_carry_security_headers() {
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let a = koop_core::testing::TestAgency::create(&core, "a").await;
    let app = koop_web::router(core);
    let mut slowest_refusal = std::time::Duration::ZERO;
    for _ in 0..koop_core::rate::LOGIN_PER_EMAIL.max {
        let started = std::time::Instant::now();
        let (status, _) = login(&app, &a.staff_email, "wrong password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        slowest_refusal = slowest_refusal.max(started.elapsed());
    }
    let started = std::time::Instant::now();
    let (status, cookie) = login(&app, &a.staff_email, koop_core::testing::TEST_PASSWORD).await;
    let limited = started.elapsed();
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(cookie.is_none());
    // Each refused attempt verified a hash; the limited one did not get that far.
    let (_, hash_ms) = {
        let t = std::time::Instant::now();
        let _ = koop_core::auth::hash_password("x");
        ((), t.elapsed())
    };
    assert!(
        limited < hash_ms,
        "over the limit took {limited:?}; one hash takes {hash_ms:?}"
    );
    assert!(
        slowest_refusal >= hash_ms / 2,
        "{slowest_refusal:?} vs {hash_ms:?}"
    );

    let req = Request::get("/").body(Body::empty()).unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let h = resp.headers();
    let csp = h
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h.get(header::REFERRER_POLICY).unwrap(), "same-origin");
    assert_eq!(h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
    // A body over the limit is refused before any handler reads it.
    let big = "x".repeat(3 * 1024 * 1024);
    let req = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("email=a&password={big}")))
        .unwrap();
    assert_eq!(
        app.clone().oneshot(req).await.unwrap().status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn served_over_tls_every_cookie_is_secure() {
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let a = koop_core::testing::TestAgency::create(&core, "a").await;
    let options = koop_web::WebOptions {
        secure_cookies: true,
        trust_proxy: false,
    };
    let app = koop_web::router_with(core, options);
    let body = format!(
        "email={}&password={}",
        a.staff_email.replace('@', "%40"),
        koop_core::testing::TEST_PASSWORD
    );
    let req = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let cookies: Vec<_> = resp
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(!cookies.is_empty());
    assert!(
        cookies.iter().all(|c| c.contains("; Secure")),
        "{cookies:?}"
    );
    let req = Request::get("/lang/en").body(Body::empty()).unwrap();
    let resp = app.oneshot(req).await.unwrap();
    let lang = resp
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        lang.starts_with("koop_lang=en") && lang.contains("; Secure"),
        "{lang}"
    );
}
