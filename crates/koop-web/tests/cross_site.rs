//! Every state-changing form of the exchange's workflow and of the agency workspace is
//! refused when another site sends it, or when it lacks the session's form token, and nothing is written then.

mod common;

use common::TestApp;
use koop_core::domain::account::Role;
use koop_core::domain::values::LanguageCode;
use koop_core::testing::{TestAgency, fresh_databases};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workflows_forms_are_refused_from_another_site_and_without_the_token() {
    for (backend, url) in fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let a = TestAgency::create(&core, "a").await;
        let ev = a.event("Börse").participants(3).slots(3).create().await;
        let p = &ev.participants;
        a.accepted(&ev, 0, 1).await;
        core.schedule_event(&a.staff, ev.id, std::time::Duration::from_secs(5))
            .await
            .unwrap();
        let meeting = a.meetings(&ev).await[0].id;
        // A request to Anna she may answer.
        let request = core
            .request_meeting(
                &a.staff,
                ev.id,
                p[2],
                p[0],
                koop_core::domain::meeting::Priority::Normal,
                "",
            )
            .await
            .unwrap();
        let de = LanguageCode::parse("de").unwrap();
        let visit = core
            .offer_visit(&a.staff, ev.id, None, ev.orgs[0], "Besuch", "", 2, &de)
            .await
            .unwrap();
        let app = TestApp::new(core.clone());
        let (_, anna) = a
            .login("anna", Role::Participant, Some(ev.id), Some(p[0]))
            .await;
        let anna = app.login_as(&anna).await;
        let staff = app.login_as(&a.staff_email).await;
        let e = ev.id.0;
        let venue = core
            .reader(&a.staff)
            .await
            .unwrap()
            .venues(ev.id)
            .await
            .unwrap()[0]
            .id
            .0;
        // The agency workspace's records the forms below act on.
        let company = a.org("Werk GmbH", true).await;
        let network = core
            .create_organisation(
                &a.staff,
                a.id,
                koop_core::domain::org::OrgData {
                    name: "Netzwerk Werk".into(),
                    kind: koop_core::domain::org::OrgKind::Network,
                    ..core
                        .reader(&a.staff)
                        .await
                        .unwrap()
                        .org(company)
                        .await
                        .unwrap()
                        .data
                },
                true,
            )
            .await
            .unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        let step = koop_core::domain::settlement::Step {
            stage: koop_core::domain::settlement::Stage::Lead,
            on: day,
            note: "Anfrage".into(),
        };
        let project = core
            .create_investor_project(
                &a.staff,
                a.id,
                koop_core::domain::settlement::ProjectData {
                    company_id: company,
                    title: "Werk".into(),
                    planned_jobs: None,
                    planned_investment_eur: None,
                    site: String::new(),
                    partners: vec![],
                    instrument_id: None,
                    partner_city_id: None,
                    description: String::new(),
                },
                step,
            )
            .await
            .unwrap()
            .0;
        let activity = core
            .create_activity(
                &a.staff,
                a.id,
                koop_core::domain::activity::ActivityData {
                    kind: koop_core::domain::activity::ActivityKind::TradeFairStand,
                    title: "Stand".into(),
                    start_on: day,
                    end_on: day,
                    place: String::new(),
                    description: String::new(),
                    org_ids: vec![company],
                    agreement_ids: vec![],
                    instrument_id: None,
                    partner_city_id: None,
                    event_id: None,
                },
                true,
            )
            .await
            .unwrap()
            .0;
        let call = core
            .create_call(
                &a.staff,
                a.id,
                koop_core::domain::call::CallData {
                    title: "Aufruf".into(),
                    programme: String::new(),
                    topic_code: String::new(),
                    topic_text: "Sensorik".into(),
                    deadline: None,
                    eligible_countries: vec![],
                },
            )
            .await
            .unwrap()
            .0;
        let goal = core
            .create_goal(
                &a.staff,
                a.id,
                koop_core::domain::city::GoalKind::Jobs,
                None,
                "Arbeitsplätze",
            )
            .await
            .unwrap()
            .0;
        let idea = core
            .create_idea(
                &a.staff,
                a.id,
                koop_core::domain::idea::IdeaData {
                    title: "Idee".into(),
                    summary: String::new(),
                },
                &[network],
                &[network],
            )
            .await
            .unwrap()
            .0;
        let membership = core
            .add_member(
                &a.staff,
                network,
                company,
                koop_core::domain::membership::MemberRole::Member,
                None,
            )
            .await
            .unwrap()
            .0;
        let town = |name: &str| koop_core::domain::org::OrgData {
            name: name.into(),
            kind: koop_core::domain::org::OrgKind::Municipality,
            country: koop_core::domain::values::CountryCode::parse("DE").unwrap(),
            city: name.into(),
            nace: vec![],
            size: None,
            languages: vec![],
            website: None,
            description: String::new(),
        };
        let home = core
            .create_organisation(&a.staff, a.id, town("Heimstadt"), true)
            .await
            .unwrap();
        let twin = core
            .create_organisation(&a.staff, a.id, town("Partnerstadt"), true)
            .await
            .unwrap();
        let relation = core
            .create_partner_city(&a.staff, a.id, home, twin, None, "", true)
            .await
            .unwrap()
            .0;
        let (home, twin) = (home.0, twin.0);
        let (company, network) = (company.0, network.0);
        let forms = [
            (&staff, "/manage/organisations/new".to_owned(), "name=Neu+GmbH&country=DE".to_owned()),
            (&staff, format!("/organisations/{company}/edit"), "name=Werk+GmbH&kind=company&country=DE".to_owned()),
            (&staff, format!("/organisations/{company}/archive"), "archived=false".to_owned()),
            (&staff, format!("/organisations/{network}/members"), format!("member={company}&role=member")),
            (&staff, format!("/memberships/{membership}"), "role=founder&since=2020-01-01&until=2021-01-01".to_owned()),
            (&staff, format!("/organisations/{network}/merge"), format!("duplicate={}", a.org.0)),
            (&staff, "/manage/agreements/new".to_owned(), format!("title=V&kind=mou&party_0={company}&party_1={network}")),
            (&staff, "/manage/outcomes/new".to_owned(), format!("kind=mou&achieved_on=2030-01-02&title=MoU&orgs={company}")),
            (&staff, "/manage/activities/new".to_owned(), format!("kind=conference&title=K&start_on=2030-01-01&end_on=2030-01-01&orgs={company}")),
            (&staff, format!("/activities/{activity}/leads"), format!("org={company}&leads=3")),
            (&staff, "/manage/settlements/new".to_owned(), format!("company={company}&title=W&stage=lead&on=2030-01-01&note=A")),
            (&staff, format!("/manage/settlements/{project}/steps"), "stage=contact&on=2030-02-01&note=B".to_owned()),
            (&staff, "/manage/calls".to_owned(), "title=Aufruf&topic_text=Sensorik".to_owned()),
            (&staff, format!("/manage/calls/{call}/members"), format!("org={company}&role=Partner")),
            (&staff, format!("/manage/calls/{call}/status"), "status=submitted&on=2030-01-01".to_owned()),
            (&staff, "/manage/ideas".to_owned(), format!("title=Idee&owner={network}")),
            (&staff, format!("/manage/ideas/{idea}/orgs"), format!("org={company}&role=partner")),
            (&staff, format!("/manage/ideas/{idea}/orgs/remove"), format!("org={network}&role=owner")),
            (&staff, format!("/manage/ideas/{idea}/status"), "status=seeking".to_owned()),
            (&staff, format!("/partner-cities/{relation}/history"), "on=2030-01-01&kind=renewed&note=".to_owned()),
            (&staff, "/manage/partner-cities/new".to_owned(), format!("home={home}&partner={twin}&since=2030-01-01")),
            (&staff, "/manage/goals/target".to_owned(), format!("goal={goal}&year=2030&target=5")),
            (&anna, format!("/events/{e}/requests"), format!("requester={}&receiver={}", p[0], p[2])),
            (&anna, format!("/events/{e}/requests/{request}"), "answer=accept_at&slot=1@2030-03-01T09:00".to_owned()),
            (&anna, format!("/events/{e}/visits/wishes"), format!("wish1={visit}")),
            (&staff, format!("/events/{e}/visits/assign"), String::new()),
            (&staff, format!("/events/{e}/printouts"), String::new()),
            (&staff, format!("/events/{e}/meetings/{meeting}/move"), "slot=1@2030-03-01T10:00".to_owned()),
            (&staff, format!("/events/{e}/setup/travel"), format!("travel-{venue}-{}=30", venue + 1)),
            (&anna, format!("/events/{e}/requests/{request}"), "answer=propose&slot=1@2030-03-01T09:30".to_owned()),
            (&staff, format!("/events/{e}/co-organisers/{}", a.org.0), "task=on_the_day".to_owned()),
            (&staff, format!("/events/{e}/setup/sessions/{}/tables", ev.sessions[0].0), "table=1&name=Fenster&participant=".to_owned()),
            (
                &staff,
                format!("/events/{e}/setup/sessions"),
                "title=X&kind=b2b_meetings&starts_at=2030-03-01T12%3A00&ends_at=2030-03-01T13%3A00&slot_minutes=20&tables=2&breaks=12%3A20-12%3A40".to_owned(),
            ),
            (&staff, format!("/events/{e}/trip/pairs"), format!("pair={}-{}", p[0], p[2])),
            (&staff, format!("/events/{e}/trip/partners"), "name=Partner&country=KZ&city=Almaty&given_name=Aida&family_name=Nurova".to_owned()),
            (&staff, format!("/events/{e}/meetings/{meeting}/cancel"), String::new()),
            (&staff, format!("/events/{e}/meetings/{meeting}/reopen"), String::new()),
        ];
        let before = a.audit_count().await;
        for (who, path, body) in &forms {
            let elsewhere = app.post_form_from_elsewhere(path, body, who).await;
            assert_eq!(elsewhere.status, 403, "{backend}: {path} from another site");
            let tokenless = app.post_form_without_token(path, body, who).await;
            assert_eq!(tokenless.status, 403, "{backend}: {path} without the token");
        }
        assert_eq!(a.audit_count().await, before, "{backend}: nothing written");
        // The same forms from koop's own page pass the checks (the refusals above were
        // the origin's and the token's, not the policy's).
        for (who, path, body) in &forms {
            let own = app.post_form(path, body, Some(who)).await;
            assert_ne!(own.status, 403, "{backend}: {path}: {}", own.body);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_uploads_are_refused_from_another_site_and_without_the_token() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let partners = std::fs::read(fixtures.join("trip/local-partners.csv")).unwrap();
    let profiles = std::fs::read(fixtures.join("een/profiles.csv")).unwrap();
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = koop_core::Core::open(&url).await.unwrap();
        let world = koop_demo::load(&core).await.unwrap();
        let app = TestApp::new(core.clone());
        let leg = app.login_demo("leg@koop.example").await;
        let uploads = [
            (
                format!("/events/{}/trip/import", world.trip.0),
                vec![],
                "local-partners.csv",
                &partners,
            ),
            (
                "/manage/import".to_owned(),
                vec![("kind", "een-profiles")],
                "profiles.csv",
                &profiles,
            ),
        ];
        let before = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .audit_count()
            .await
            .unwrap();
        for (path, fields, name, bytes) in &uploads {
            let real = leg.form_token();
            let elsewhere = app
                .upload(
                    path,
                    fields,
                    (name, bytes),
                    Some(&leg),
                    Some(&real),
                    Some("https://evil.example"),
                )
                .await;
            assert_eq!(elsewhere.status, 403, "{backend}: {path} from another site");
            let forged = app
                .upload(
                    path,
                    fields,
                    (name, bytes),
                    Some(&leg),
                    Some("forged"),
                    None,
                )
                .await;
            assert_eq!(forged.status, 403, "{backend}: {path} with a forged token");
            let tokenless = app
                .upload(path, fields, (name, bytes), Some(&leg), None, None)
                .await;
            assert_eq!(tokenless.status, 403, "{backend}: {path} without the token");
        }
        let after = core
            .reader(&koop_core::Actor::system())
            .await
            .unwrap()
            .audit_count()
            .await
            .unwrap();
        assert_eq!(after, before, "{backend}: nothing written");
        // From koop's own page, with the token, the trip import passes.
        let own = app
            .post_file(
                &uploads[0].0,
                &[],
                ("local-partners.csv", &partners),
                Some(&leg),
            )
            .await;
        assert_eq!(own.status, 303, "{backend}: {}", own.body);
    }
}
