//! The story test: load the demo world, change it, read it back — on SQLite, and on
//! PostgreSQL when the test command provides a server.

use koop_core::domain::account::Role;
use koop_core::domain::meeting::{MeetingStatus, Priority, RequestStatus};
use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::values::CountryCode;
use koop_core::import::read_csv;
use koop_core::ops::meetings::RequestAnswer;
use koop_core::views::{OrgFilter, OutcomeFilter};
use koop_core::{Actor, Core, CoreError};
use koop_demo as demo;

async fn staff(core: &Core, agency: koop_core::domain::ids::AgencyId, email: &str) -> Actor {
    core.create_account(
        &Actor::system(),
        koop_core::ops::directory::AccountInput {
            email: email.into(),
            display_name: email.into(),
            password: "correct horse".into(),
            role: Role::AgencyStaff,
            agency: Some(agency),
            participant: None,
            event: None,
            ui_language: "de".into(),
        },
    )
    .await
    .unwrap();
    let (account, _) = core.login(email, "correct horse", "test").await.unwrap();
    Actor::account(account)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_world_is_created_changed_and_read_back_on_every_backend() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url)
            .await
            .unwrap_or_else(|e| panic!("{backend}: {e}"));
        let world = demo::load(&core)
            .await
            .unwrap_or_else(|e| panic!("{backend}: demo failed: {e}"));
        let sys = Actor::system();
        let mut r = core.reader(&sys).await.unwrap();

        // Read back what the demo created.
        let exchange = r.participants(world.exchange).await.unwrap();
        assert_eq!(exchange.len(), 80, "{backend}");
        let countries: Vec<String> = r
            .participant_countries(world.exchange)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.0)
            .collect();
        for c in ["DE", "RU", "UA", "RS", "AL"] {
            assert!(
                countries.contains(&c.to_owned()),
                "{backend}: {c} missing in {countries:?}"
            );
        }
        let trip = r.participants(world.trip).await.unwrap();
        let travellers = trip
            .iter()
            .filter(|p| p.role.as_str() != "local_partner")
            .count();
        assert_eq!(travellers, 25, "{backend}");
        assert_eq!(trip.len() - travellers, 8, "{backend}: the local partners");
        assert_eq!(
            trip.iter()
                .filter(|p| p.role.as_str() == "entrepreneur")
                .count(),
            17
        );
        let clusters = r
            .orgs(&OrgFilter {
                kinds: vec![OrgKind::Cluster],
                ..OrgFilter::default()
            })
            .await
            .unwrap();
        assert_eq!(clusters.len(), 8, "{backend}");
        assert_eq!(r.partner_cities().await.unwrap().len(), 3, "{backend}");
        let agreements = r.agreements(None).await.unwrap();
        assert!(agreements.iter().any(|(a, _)| a.data.valid_from.map(|d| d.to_string()) == Some("2009-03-01".into())));
        assert!(!r.event_profiles(world.exchange).await.unwrap().is_empty());
        let meetings = r.meetings(world.exchange, None).await.unwrap();
        assert!(
            meetings.len() > 20,
            "{backend}: only {} meetings placed",
            meetings.len()
        );

        // Change it: two participants who have not met request, accept, get placed, meet.
        let a = exchange.iter().find(|p| p.country == "AL").unwrap().id;
        let b = exchange.iter().find(|p| p.country == "RU").unwrap().id;
        let audit_before = r.audit_count().await.unwrap();
        let req = core
            .request_meeting(&sys, world.exchange, a, b, Priority::High, "Treffen?")
            .await
            .unwrap();
        assert_eq!(
            core.answer_request(&sys, world.exchange, req, RequestAnswer::Accept)
                .await
                .unwrap(),
            RequestStatus::Accepted
        );
        let m = core
            .place_meeting(&sys, koop_db_new_meeting(world.exchange, req, a, b))
            .await
            .unwrap();
        assert_eq!(
            core.set_meeting_status(&sys, world.exchange, m, MeetingStatus::Held)
                .await
                .unwrap(),
            MeetingStatus::Held
        );
        let mut r = core.reader(&sys).await.unwrap();
        assert_eq!(
            r.request(req).await.unwrap().1,
            RequestStatus::Scheduled,
            "{backend}"
        );
        assert_eq!(
            r.audit_count().await.unwrap(),
            audit_before + 4,
            "{backend}: one audit entry per operation"
        );

        // An illegal step is refused and leaves nothing behind.
        let req2 = core
            .request_meeting(&sys, world.exchange, b, a, Priority::Low, "")
            .await
            .unwrap();
        core.answer_request(&sys, world.exchange, req2, RequestAnswer::Decline)
            .await
            .unwrap();
        let before = r.audit_count().await.unwrap();
        let err = core
            .place_meeting(&sys, koop_db_new_meeting(world.exchange, req2, a, b))
            .await
            .unwrap_err();
        assert!(matches!(err, CoreError::Invalid(_)), "{backend}: {err}");
        assert_eq!(
            r.audit_count().await.unwrap(),
            before,
            "{backend}: a refused step writes no audit entry"
        );

        // Outcomes are attributed and read back per partner city.
        let pcs = r.partner_cities().await.unwrap();
        let harbin = pcs
            .iter()
            .find(|p| p.partner_name.contains("Harbin"))
            .unwrap();
        let outcomes = r
            .outcomes(OutcomeFilter {
                partner_city: Some(harbin.relation.id),
                ..OutcomeFilter::default()
            })
            .await
            .unwrap();
        assert_eq!(outcomes.len(), 3, "{backend}");
        drop(core);
    }
}

fn koop_db_new_meeting(
    event: koop_core::domain::ids::EventId,
    req: koop_core::domain::ids::MeetingRequestId,
    a: koop_core::domain::ids::ParticipantId,
    b: koop_core::domain::ids::ParticipantId,
) -> koop_core::ops::meetings::NewMeeting {
    koop_core::ops::meetings::NewMeeting {
        event,
        request: Some(req),
        session: None,
        title: String::new(),
        starts_at: None,
        table_no: None,
        participants: vec![a, b],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_of_one_agency_cannot_read_another_agencys_unpublished_records() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let sys = Actor::system();
        let a = core.create_agency(&sys, "Agentur A", "a").await.unwrap();
        let b = core.create_agency(&sys, "Agentur B", "b").await.unwrap();
        let data = |name: &str| OrgData {
            name: name.into(),
            kind: OrgKind::Company,
            country: CountryCode::parse("DE").unwrap(),
            city: "Halle".into(),
            nace: vec![],
            size: None,
            languages: vec![],
            website: None,
            description: String::new(),
        };
        let (sa, sb) = (
            staff(&core, a, "a@koop.example").await,
            staff(&core, b, "b@koop.example").await,
        );
        assert!(matches!(
            core.login("a@koop.example", "wrong horse", "test").await,
            Err(CoreError::BadCredentials)
        ));
        let secret = core
            .create_organisation(&sa, a, data("Geheim GmbH"), false)
            .await
            .unwrap();
        let public = core
            .create_organisation(&sa, a, data("Offen GmbH"), true)
            .await
            .unwrap();
        let shared = core
            .create_organisation(&sa, a, data("Geteilt GmbH"), false)
            .await
            .unwrap();
        core.grant_access(&sa, a, b, "organisation", shared.0)
            .await
            .unwrap();

        let mut rb = core.reader(&sb).await.unwrap();
        assert!(
            matches!(rb.org(secret).await, Err(CoreError::NotFound)),
            "{backend}"
        );
        assert!(rb.org(public).await.is_ok(), "{backend}");
        assert!(
            rb.org(shared).await.is_ok(),
            "{backend}: granted records are visible"
        );
        let names: Vec<String> = rb
            .orgs(&OrgFilter::default())
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.data.name)
            .collect();
        assert_eq!(names, vec!["Geteilt GmbH", "Offen GmbH"], "{backend}");
        let mut anon = core.reader(&Actor::anonymous()).await.unwrap();
        assert_eq!(
            anon.orgs(&OrgFilter::default()).await.unwrap().len(),
            1,
            "{backend}: anonymous sees only published"
        );

        // Staff of B cannot write A's records, not even granted ones.
        assert!(matches!(
            core.update_organisation(&sb, shared, data("Übernommen GmbH"))
                .await,
            Err(CoreError::Forbidden)
        ));
        assert!(matches!(
            core.create_organisation(&sb, a, data("Fremd GmbH"), true)
                .await,
            Err(CoreError::Forbidden)
        ));
        drop(core);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_import_names_its_bad_lines_and_changes_nothing() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let sys = Actor::system();
        let agency = core
            .create_agency(&sys, "Agentur", "agentur")
            .await
            .unwrap();
        let good = "name;kind;country;city;nace;languages\nMüller Maschinenbau GmbH;company;DE;Magdeburg;28.41;de|en\nООО «Волга»;company;RU;Самара;01.11;ru\n";
        let report = core
            .import_organisations(&sys, agency, &read_csv(good.as_bytes()).unwrap())
            .await
            .unwrap();
        assert_eq!(
            (report.created, report.updated, report.unchanged),
            (2, 0, 0),
            "{backend}"
        );
        let again = core
            .import_organisations(&sys, agency, &read_csv(good.as_bytes()).unwrap())
            .await
            .unwrap();
        assert_eq!(
            (again.created, again.unchanged),
            (0, 2),
            "{backend}: a re-import duplicates nothing"
        );

        let mut r = core.reader(&sys).await.unwrap();
        let orgs_before = r.orgs(&OrgFilter::default()).await.unwrap();
        let audit_before = r.audit_count().await.unwrap();
        let bad = "name,kind,country,nace\nNeue GmbH,company,DE,28.41\nOhne Land GmbH,company,Deutschland,28.41\n,company,DE,\nFalsch AG,factory,DE,99.999\n";
        let err = core
            .import_organisations(&sys, agency, &read_csv(bad.as_bytes()).unwrap())
            .await
            .unwrap_err();
        let CoreError::Invalid(problems) = err else {
            panic!("{backend}: expected invalid input")
        };
        let lines: Vec<(Option<usize>, String)> =
            problems.iter().map(|p| (p.line, p.field.clone())).collect();
        assert!(
            lines.contains(&(Some(3), "country".into())),
            "{backend}: {lines:?}"
        );
        assert!(
            lines.contains(&(Some(4), "name".into())),
            "{backend}: {lines:?}"
        );
        assert!(
            lines.contains(&(Some(5), "kind".into())),
            "{backend}: {lines:?}"
        );
        assert!(
            lines.contains(&(Some(5), "nace".into())),
            "{backend}: {lines:?}"
        );
        assert!(
            problems.iter().any(|p| p.message.contains("Deutschland")),
            "the message names the value"
        );
        assert_eq!(
            r.orgs(&OrgFilter::default()).await.unwrap(),
            orgs_before,
            "{backend}: nothing was written"
        );
        assert_eq!(r.audit_count().await.unwrap(), audit_before, "{backend}");

        // Contacts naming an organisation that is not in the directory reject the file.
        let contacts = "given_name;family_name;organisation;country;email\nAnna;Schmidt;Müller Maschinenbau GmbH;DE;anna@mueller.example\nIwan;Petrow;Unbekannt OOO;RU;iwan@x.example\n";
        let err = core
            .import_contacts(&sys, agency, &read_csv(contacts.as_bytes()).unwrap())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("line 3"), "{backend}: {err}");
        assert!(
            r.people(None).await.unwrap().is_empty(),
            "{backend}: the good first row was rolled back too"
        );
        drop(core);
    }
}

fn een_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/een")
        .join(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_een_file_is_refused_with_every_cell_named_and_writes_nothing() {
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = demo::load(&core).await.unwrap();
        let sys = Actor::system();
        let audit_before = core
            .reader(&sys)
            .await
            .unwrap()
            .audit_count()
            .await
            .unwrap();
        let orgs_before = core
            .reader(&sys)
            .await
            .unwrap()
            .orgs(&Default::default())
            .await
            .unwrap()
            .len();
        let bad = read_csv(&std::fs::read(een_fixture("profiles-malformed.csv")).unwrap()).unwrap();
        let Err(CoreError::Invalid(problems)) =
            core.import_een_profiles(&sys, world.img, &bad).await
        else {
            panic!("{backend}: the malformed file was accepted");
        };
        let named: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        for want in [
            (Some(3), "type"),
            (Some(3), "country"),
            (Some(3), "deadline"),
            (Some(4), "reference"),
            (Some(4), "nace"),
            (Some(5), "reference"),
        ] {
            assert!(named.contains(&want), "{backend}: {want:?} in {named:?}");
        }
        assert!(
            problems.iter().any(|p| p.message.contains("Polen")),
            "{backend}: the value is named"
        );
        let mut r = core.reader(&sys).await.unwrap();
        assert_eq!(r.audit_count().await.unwrap(), audit_before, "{backend}");
        assert_eq!(
            r.orgs(&Default::default()).await.unwrap().len(),
            orgs_before,
            "{backend}"
        );
        assert!(
            r.een_profiles(world.img).await.unwrap().is_empty(),
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_import_again_without_duplicates_in_csv_and_xlsx() {
    use koop_core::export::{self, ExportKind};
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let world = demo::load(&core).await.unwrap();
    let sys = Actor::system();
    let een = read_csv(&std::fs::read(een_fixture("profiles.csv")).unwrap()).unwrap();
    let imported = core
        .import_een_profiles(&sys, world.img, &een)
        .await
        .unwrap();
    assert_eq!(imported.created, 4, "{imported:?}");
    let mut r = core.reader(&sys).await.unwrap();
    for kind in [
        ExportKind::Organisations,
        ExportKind::Contacts,
        ExportKind::EenProfiles,
    ] {
        let table = export::table(&mut r, world.img, kind).await.unwrap();
        let least = if kind == ExportKind::EenProfiles {
            4
        } else {
            50
        };
        assert!(
            table.rows.len() >= least,
            "{kind:?}: {} rows",
            table.rows.len()
        );
        let xlsx = export::to_xlsx(&table, "img").unwrap();
        assert_eq!(&xlsx[..2], b"PK", "an XLSX file is a zip archive");
        let csv = export::to_csv(&table, b';').unwrap();
        for back in [
            koop_core::import::read_xlsx(&xlsx).unwrap(),
            read_csv(&csv).unwrap(),
        ] {
            assert_eq!(back.headers, table.headers);
            assert_eq!(back.rows.len(), table.rows.len());
            let report = match kind {
                ExportKind::Organisations => core
                    .import_organisations(&sys, world.img, &back)
                    .await
                    .unwrap(),
                ExportKind::Contacts => core.import_contacts(&sys, world.img, &back).await.unwrap(),
                ExportKind::EenProfiles => core
                    .import_een_profiles(&sys, world.img, &back)
                    .await
                    .unwrap(),
            };
            assert_eq!(
                (report.created, report.updated),
                (0, 0),
                "{kind:?}: {report:?}"
            );
            assert_eq!(report.unchanged, table.rows.len());
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_recommendation_at_the_demo_exchange_has_a_reason_a_person_can_read() {
    use koop_core::matching::Locale;
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let world = demo::load(&core).await.unwrap();
    let sys = Actor::system();
    let profiles = core
        .reader(&sys)
        .await
        .unwrap()
        .event_profiles(world.exchange)
        .await
        .unwrap();
    assert_eq!(profiles.len(), 61);
    let mut total = 0;
    for p in &profiles {
        for locale in [Locale::De, Locale::En] {
            let recs = core
                .recommendations(&sys, world.exchange, p.id, 10)
                .await
                .unwrap();
            assert!(!recs.is_empty(), "{} has no recommendation", p.data.title);
            for r in &recs {
                assert_ne!(r.org_id, p.org_id, "nobody is recommended to themselves");
                assert!(
                    !r.reasons.is_empty()
                        && r.reasons.iter().all(|x| x.text(locale).chars().count() > 5),
                    "{} → {}: {:?}",
                    p.data.title,
                    r.title,
                    r.reasons
                );
                total += 1;
            }
        }
    }
    assert!(total > 600, "{total} recommendations checked");

    // A Russian request for packaging machines finds the German packaging-machine maker first.
    let ural = profiles
        .iter()
        .find(|p| p.data.title.contains("упаковки"))
        .unwrap();
    let recs = core
        .recommendations(&sys, world.exchange, ural.id, 5)
        .await
        .unwrap();
    assert!(
        recs[0].org_name.contains("Elbe Sondermaschinenbau"),
        "{:?}",
        recs.iter().map(|r| &r.org_name).collect::<Vec<_>>()
    );

    // The kept index follows changes: a profile taken off the marketplace is no longer
    // recommended, and comes back when it is published again.
    let elbe = recs[0].profile_id;
    let ranked = async || -> Vec<_> {
        core.recommendations(&sys, world.exchange, ural.id, 5)
            .await
            .unwrap()
            .iter()
            .map(|r| r.profile_id)
            .collect()
    };
    core.set_profile_published(&sys, elbe, false).await.unwrap();
    assert!(!ranked().await.contains(&elbe), "withdrawn");
    core.set_profile_published(&sys, elbe, true).await.unwrap();
    assert_eq!(ranked().await.first(), Some(&elbe), "published again");

    // Organisers see who has few good matches; participants may not.
    let coverage = core
        .match_coverage(&sys, world.exchange, 3.0, 20)
        .await
        .unwrap();
    assert_eq!(coverage.len(), 61);
    assert!(
        coverage
            .windows(2)
            .all(|w| w[0].good_matches <= w[1].good_matches),
        "fewest first"
    );
    assert!(matches!(
        core.match_coverage(&Actor::anonymous(), world.exchange, 3.0, 20)
            .await,
        Err(CoreError::Forbidden)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduler_places_the_exchange_without_double_booking_and_keeps_published_meetings() {
    use std::collections::HashMap;
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let core = Core::open(&url).await.unwrap();
    let world = demo::load(&core).await.unwrap();
    let sys = Actor::system();
    let mut r = core.reader(&sys).await.unwrap();
    let placed = r.placed_meetings(world.exchange).await.unwrap();
    assert!(placed.len() > 40, "{} meetings placed", placed.len());
    let mut per_slot: HashMap<_, usize> = HashMap::new();
    let mut busy = std::collections::HashSet::new();
    for m in &placed {
        *per_slot.entry((m.session, m.starts_at)).or_default() += 1;
        for p in &m.participants {
            assert!(
                busy.insert((*p, m.starts_at)),
                "participant {p} is in two meetings at {}",
                m.starts_at
            );
        }
    }
    assert!(
        per_slot.values().all(|n| *n <= 12),
        "no slot holds more meetings than tables"
    );
    let open = r.accepted_requests(world.exchange).await.unwrap();
    drop(r);

    // A second run places nothing new and moves nothing.
    let again = core
        .schedule_event(&sys, world.exchange, std::time::Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(again.placed, 0);
    assert_eq!(again.kept, placed.len());
    assert_eq!(again.unplaced.len(), open.len(), "{again:?}");
    let after = core
        .reader(&sys)
        .await
        .unwrap()
        .placed_meetings(world.exchange)
        .await
        .unwrap();
    assert_eq!(after, placed, "published meetings stay where they are");
    assert!(matches!(
        core.schedule_event(
            &Actor::anonymous(),
            world.exchange,
            std::time::Duration::from_secs(1)
        )
        .await,
        Err(CoreError::Forbidden)
    ));
    assert!(matches!(
        core.schedule_event(&sys, world.trip, std::time::Duration::from_secs(1))
            .await,
        Err(CoreError::Invalid(_)) | Ok(_)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_an_embedding_service_profile_vectors_are_stored_kept_current_and_used() {
    use koop_core::matching::Locale;
    let Ok(service) = std::env::var("KOOP_EMBEDDINGS_URL") else {
        assert_ne!(
            std::env::var("KOOP_REQUIRE_EMBEDDINGS").as_deref(),
            Ok("1"),
            "KOOP_REQUIRE_EMBEDDINGS=1 but KOOP_EMBEDDINGS_URL is not set"
        );
        eprintln!("KOOP_EMBEDDINGS_URL is not set: skipping the embedding-server test");
        return;
    };
    let (_, url) = koop_core::testing::fresh_databases().await.remove(0);
    let plain = Core::open(&url).await.unwrap();
    let world = demo::load(&plain).await.unwrap();
    let core = plain
        .with_embeddings(&service, "multilingual-e5-small")
        .unwrap();
    let sys = Actor::system();
    // An index kept from before the vectors existed is built again when they arrive
    // (vectors are not audited; the index's stamp counts them).
    let ids: Vec<_> = core
        .reader(&sys)
        .await
        .unwrap()
        .event_profiles(world.exchange)
        .await
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    let semantic_reasons = async || {
        let mut n = 0;
        for id in &ids {
            let recs = core
                .recommendations(&sys, world.exchange, *id, 10)
                .await
                .unwrap();
            n += recs
                .iter()
                .flat_map(|r| &r.reasons)
                .filter(|x| x.text(Locale::De).contains("inhaltlich ähnlich"))
                .count();
        }
        n
    };
    assert_eq!(semantic_reasons().await, 0, "no vectors yet");
    assert_eq!(
        core.refresh_embeddings(&sys, world.exchange).await.unwrap(),
        61,
        "one batch embeds every profile"
    );
    assert!(semantic_reasons().await > 0, "the vectors are used at once");
    let stored = core
        .reader(&sys)
        .await
        .unwrap()
        .profile_embeddings(world.exchange)
        .await
        .unwrap();
    assert_eq!(stored.len(), 61);
    assert!(
        stored
            .iter()
            .all(|s| s.model == "multilingual-e5-small" && s.vector.len() > 100)
    );
    assert_eq!(
        core.refresh_embeddings(&sys, world.exchange).await.unwrap(),
        0,
        "nothing is stale"
    );

    // A new profile is embedded by the job that writing it queued.
    let any = core
        .reader(&sys)
        .await
        .unwrap()
        .event_profiles(world.exchange)
        .await
        .unwrap()
        .remove(0);
    let mut data = any.data.clone();
    data.title = "Сотрудничество в области переработки аккумуляторов".into();
    let owner = koop_core::domain::ids::AgencyId(world.img.0);
    core.create_profile(
        &sys,
        koop_db_owner(owner, any.org_id, world.exchange),
        koop_core::domain::profile::ProfileStatus::Published,
        data,
    )
    .await
    .unwrap();
    let worker = koop_core::jobs::WorkerOptions::for_this_process();
    assert!(
        core.run_next_job(&worker).await.unwrap(),
        "a job was queued"
    );
    assert_eq!(
        core.reader(&sys)
            .await
            .unwrap()
            .profile_embeddings(world.exchange)
            .await
            .unwrap()
            .len(),
        62
    );

    let profiles = core
        .reader(&sys)
        .await
        .unwrap()
        .event_profiles(world.exchange)
        .await
        .unwrap();
    let mut semantic = 0;
    for p in &profiles {
        for r in core
            .recommendations(&sys, world.exchange, p.id, 10)
            .await
            .unwrap()
        {
            semantic += r
                .reasons
                .iter()
                .filter(|x| x.text(Locale::De).contains("inhaltlich ähnlich"))
                .count();
        }
    }
    assert!(semantic > 0, "stored vectors feed the semantic signal");
}

fn koop_db_owner(
    agency: koop_core::domain::ids::AgencyId,
    org: koop_core::domain::ids::OrgId,
    event: koop_core::domain::ids::EventId,
) -> koop_core::ops::profiles::ProfileOwner {
    koop_core::ops::profiles::ProfileOwner {
        agency,
        org,
        event: Some(event),
        participant: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cluster_managers_name_complementary_clusters_and_see_which_members_should_meet() {
    use koop_core::matching::Locale;
    for (backend, url) in koop_core::testing::fresh_databases().await {
        let core = Core::open(&url).await.unwrap();
        let world = demo::load(&core).await.unwrap();
        let sys = Actor::system();
        let groups = core
            .reader(&sys)
            .await
            .unwrap()
            .orgs(&OrgFilter {
                kinds: vec![OrgKind::Cluster, OrgKind::Network],
                ..OrgFilter::default()
            })
            .await
            .unwrap();
        let id = |name: &str| {
            groups
                .iter()
                .find(|g| g.data.name.contains(name))
                .unwrap()
                .id
        };
        let (chips, auto, bio) = (id("Silicon Saxony"), id("ACOD"), id("BioEconomy"));
        let (glue, solar) = (id("Klebtechnik"), id("Solarvalley"));

        // The demo declares microelectronics complementary to automotive and bioeconomy.
        let pairs = core
            .cross_cluster_matches(&Actor::anonymous(), chips, 40)
            .await
            .unwrap();
        assert!(!pairs.is_empty(), "{backend}");
        let mut r = core.reader(&sys).await.unwrap();
        let members_of = async |r: &mut koop_core::read::Reader, g| {
            r.memberships(g)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.group_id == g)
                .map(|m| m.member_id)
                .collect::<Vec<_>>()
        };
        let (ours, autos, bios) = (
            members_of(&mut r, chips).await,
            members_of(&mut r, auto).await,
            members_of(&mut r, bio).await,
        );
        drop(r);
        for p in &pairs {
            assert!(ours.contains(&p.member), "{backend}: {}", p.member_name);
            assert!(!ours.contains(&p.partner), "{backend}: {}", p.partner_name);
            assert!(
                autos.contains(&p.partner) || bios.contains(&p.partner),
                "{backend}: {} is in no complementary cluster",
                p.partner_name
            );
            assert!(
                p.reasons
                    .iter()
                    .any(|x| x.text(Locale::De).contains("ergänzt Ihr Cluster")),
                "{backend}: {:?}",
                p.reasons
            );
        }
        assert!(pairs.windows(2).all(|w| w[0].score >= w[1].score));
        // The pair that embodies the managers' stated reason comes first, and says so.
        assert!(
            pairs[0].reasons[0]
                .text(Locale::De)
                .starts_with("passt zur benannten Ergänzung: Sensoren"),
            "{backend}: {} ↔ {}: {:?}",
            pairs[0].member_name,
            pairs[0].partner_name,
            pairs[0].reasons
        );

        // The adhesive alliance has no declared complement: no pairs until its manager names one.
        let none = core.cross_cluster_matches(&sys, glue, 40).await.unwrap();
        assert!(none.is_empty(), "{backend}");
        let manager = staff(&core, world.region, "clustermanager@example.org").await;
        let stranger = staff(&core, world.img, "img-staff@example.org").await;
        assert!(matches!(
            core.declare_complement(&stranger, glue, solar, "Kleben")
                .await,
            Err(CoreError::Forbidden)
        ));
        let refused = core.declare_complement(&manager, glue, solar, " ").await;
        assert!(
            matches!(&refused, Err(CoreError::Invalid(e)) if e[0].field == "rationale"),
            "{backend}: {refused:?}"
        );
        core.declare_complement(&manager, glue, solar, "Klebstoffe für die Modulmontage")
            .await
            .unwrap();
        let again = core
            .declare_complement(&manager, solar, glue, "noch einmal")
            .await;
        assert!(
            matches!(&again, Err(CoreError::Invalid(e)) if e[0].code == "duplicate"),
            "{backend}: {again:?}"
        );
        let pairs = core.cross_cluster_matches(&sys, glue, 40).await.unwrap();
        assert!(!pairs.is_empty(), "{backend}");
        assert!(
            pairs[0]
                .reasons
                .iter()
                .any(|x| x.text(Locale::En).contains("Solarvalley")),
            "{backend}: {:?}",
            pairs[0].reasons
        );
    }
}
