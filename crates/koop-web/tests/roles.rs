//! Every route, page and API, probed as each role with the other tenant's ids: the
//! answer is the expected status (404 for what the role may not see, 403 for what it
//! may see but not do), and no page shows what the role may not read. Then a crawl as
//! each role: no server error, no untranslated key, no English sentence on a German
//! page. Runs on SQLite, and on PostgreSQL when the test command provides a server.

mod common;

use common::{Session, TestApp, links, select, text_of};
use koop_core::Core;
use koop_core::domain::account::Role;
use koop_core::domain::agreement::{AgreementData, AgreementKind, AgreementParty};
use koop_core::domain::meeting::Priority;
use koop_core::domain::org::{OrgData, OrgKind};
use koop_core::domain::outcome::{Attribution, OutcomeData, OutcomeKind};
use koop_core::domain::profile::{ProfileData, ProfileKind, ProfileStatus};
use koop_core::domain::values::CountryCode;
use koop_core::domain::values::LanguageCode;
use koop_core::ops::meetings::{NewMeeting, RequestAnswer};
use koop_core::ops::profiles::ProfileOwner;
use koop_core::testing::{TestAgency, fresh_databases};
use std::collections::{BTreeSet, VecDeque};

/// The roles, in the order of every expectation row: anonymous, participant of the
/// event, participant of another event, organiser, staff, staff of another agency.
const ROLES: [&str; 6] = [
    "anonymous",
    "participant of the event",
    "participant of another event",
    "organiser of the event",
    "staff of the agency",
    "staff of another agency",
];
const PART: usize = 1;
const ORG: usize = 3;
const STAFF: usize = 4;

/// Texts that only some roles may read, and who.
struct Secret {
    text: &'static str,
    readers: &'static [usize],
}

const SECRETS: &[Secret] = &[
    // An unpublished organisation and a contact person of agency A.
    Secret {
        text: "Geheim GmbH",
        readers: &[STAFF],
    },
    Secret {
        text: "Vertraulich",
        readers: &[STAFF],
    },
    // What a party contributes to an agreement.
    Secret {
        text: "Geheimer Beitrag",
        readers: &[STAFF],
    },
    // An unpublished outcome (an investor lead).
    Secret {
        text: "Investorenkontakt",
        readers: &[STAFF],
    },
    // A company's plans in the settlement pipeline.
    Secret {
        text: "Geheimes Ansiedlungsprojekt",
        readers: &[STAFF],
    },
    // An unpublished event.
    Secret {
        text: "Interne Planung",
        readers: &[STAFF],
    },
    // The names of the event's participants.
    Secret {
        text: "Börse Person",
        readers: &[PART, ORG, STAFF],
    },
    // Who meets whom: the meeting of the second and third participant.
    Secret {
        text: "Börse Firma 2 · Börse Firma 3",
        readers: &[ORG, STAFF],
    },
];

struct World {
    app: TestApp,
    sessions: [Option<Session>; 6],
    secret_org: i64,
    public_org: i64,
    cluster: i64,
    other_cluster: i64,
    agreement: i64,
    event: i64,
    /// Its B2B session.
    b2b_session: i64,
    hidden_event: i64,
    participants: Vec<i64>,
    /// A cooperation profile of the event's first participant.
    profile: i64,
    /// A settlement project of agency A.
    settlement: i64,
    /// A cross-cluster project idea of agency A.
    idea: i64,
    /// A membership in agency A's cluster.
    membership: i64,
    /// A published partner-city relation of agency A.
    partner_city: i64,
    /// Agency A's city and another city.
    cities: (i64, i64),
    /// The event's two meetings: the first participant's, and one of the other two.
    meetings: [i64; 2],
}

fn company(name: &str, kind: OrgKind) -> OrgData {
    OrgData {
        name: name.into(),
        kind,
        country: CountryCode::parse("DE").unwrap(),
        city: "Magdeburg".into(),
        nace: vec![],
        size: None,
        languages: vec![],
        website: None,
        description: String::new(),
    }
}

async fn world(url: &str) -> World {
    let core = Core::open(url).await.unwrap();
    let a = TestAgency::create(&core, "a").await;
    let b = TestAgency::create(&core, "b").await;
    let secret_org = a.org("Geheim GmbH", false).await;
    let public_org = a.org("Offen AG", true).await;
    a.person(public_org, "Vertraulich").await;
    let cluster = core
        .create_organisation(
            &a.staff,
            a.id,
            company("Cluster Eins", OrgKind::Cluster),
            true,
        )
        .await
        .unwrap();
    let other_cluster = core
        .create_organisation(
            &a.staff,
            a.id,
            company("Cluster Zwei", OrgKind::Cluster),
            true,
        )
        .await
        .unwrap();
    let agreement = core
        .create_agreement(
            &a.staff,
            a.id,
            AgreementData {
                title: "Kooperationsvereinbarung Offen".into(),
                kind: AgreementKind::Cooperation,
                signed_on: None,
                valid_from: None,
                valid_until: None,
                scope: String::new(),
                sectors: vec![],
                parties: vec![
                    AgreementParty {
                        org_id: a.org,
                        contribution_eur: Some(12_345.0),
                        contribution_note: "Geheimer Beitrag".into(),
                    },
                    AgreementParty {
                        org_id: public_org,
                        contribution_eur: None,
                        contribution_note: String::new(),
                    },
                ],
            },
            true,
        )
        .await
        .unwrap();
    core.record_outcome(
        &a.staff,
        a.id,
        OutcomeData {
            kind: OutcomeKind::ContactEstablished,
            title: "Investorenkontakt aus Almaty".into(),
            achieved_on: chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
            value: None,
            org_ids: vec![public_org],
            attribution: Attribution::default(),
        },
        false,
    )
    .await
    .unwrap();
    let settlement = core
        .create_investor_project(
            &a.staff,
            a.id,
            koop_core::domain::settlement::ProjectData {
                company_id: public_org,
                title: "Geheimes Ansiedlungsprojekt".into(),
                planned_jobs: Some(20),
                planned_investment_eur: None,
                site: String::new(),
                partners: vec![],
                instrument_id: None,
                partner_city_id: None,
                description: String::new(),
            },
            koop_core::domain::settlement::Step {
                stage: koop_core::domain::settlement::Stage::Lead,
                on: chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
                note: "Anfrage".into(),
            },
        )
        .await
        .unwrap();
    let idea = core
        .create_idea(
            &a.staff,
            a.id,
            koop_core::domain::idea::IdeaData {
                title: "Geheime Projektidee".into(),
                summary: "Sensorik".into(),
            },
            &[public_org],
            &[],
        )
        .await
        .unwrap()
        .0;
    let membership = core
        .add_member(
            &a.staff,
            cluster,
            public_org,
            koop_core::domain::membership::MemberRole::Member,
            None,
        )
        .await
        .unwrap()
        .0;
    let city = |name: &'static str| {
        let core = core.clone();
        let staff = a.staff.clone();
        let agency = a.id;
        async move {
            core.create_organisation(&staff, agency, company(name, OrgKind::Municipality), true)
                .await
                .unwrap()
        }
    };
    let (home, twin, third) = (
        city("Stadt A").await,
        city("Ville B").await,
        city("Miasto C").await,
    );
    let partner_city = core
        .create_partner_city(&a.staff, a.id, home, twin, None, "", true)
        .await
        .unwrap()
        .0;
    let ev = a.event("Börse").participants(3).slots(4).create().await;
    let hidden = a
        .event("Interne Planung")
        .companies("Planungsfirma")
        .unpublished()
        .participants(1)
        .create()
        .await;
    let p = &ev.participants;
    // Two meetings: the first participant's own, and one of the other two.
    let mut meetings = [0; 2];
    for (n, (i, j, slot)) in [(0, 1, 0), (1, 2, 1)].into_iter().enumerate() {
        let r = core
            .request_meeting(&a.staff, ev.id, p[i], p[j], Priority::Normal, "")
            .await
            .unwrap();
        core.answer_request(&a.staff, ev.id, r, RequestAnswer::Accept)
            .await
            .unwrap();
        meetings[n] = core
            .place_meeting(
                &a.staff,
                NewMeeting {
                    event: ev.id,
                    request: Some(r),
                    session: Some(ev.sessions[0]),
                    title: String::new(),
                    starts_at: chrono::NaiveDate::from_ymd_opt(2030, 3, 1)
                        .unwrap()
                        .and_hms_opt(9, 30 * slot, 0),
                    table_no: Some(1),
                    participants: vec![p[i], p[j]],
                },
            )
            .await
            .unwrap()
            .0;
    }
    let profile = core
        .create_profile(
            &a.staff,
            ProfileOwner {
                agency: a.id,
                org: ev.orgs[0],
                event: Some(ev.id),
                participant: Some(p[0]),
            },
            ProfileStatus::Published,
            ProfileData {
                kind: ProfileKind::BusinessOffer,
                title: "Blechbearbeitung".into(),
                summary: "Lohnfertigung".into(),
                description: String::new(),
                language: LanguageCode::parse("de").unwrap(),
                nace: vec![],
                keywords: vec![],
                countries_sought: vec![],
                languages: vec![],
                deadline: None,
            },
        )
        .await
        .unwrap();
    let (_, part) = a
        .login("p1", Role::Participant, Some(ev.id), Some(p[0]))
        .await;
    let (_, organiser) = a
        .login("org", Role::EventOrganiser, Some(ev.id), None)
        .await;
    let other_event = b.event("Messe B").participants(1).create().await;
    let (_, other_part) = b
        .login(
            "q1",
            Role::Participant,
            Some(other_event.id),
            Some(other_event.participants[0]),
        )
        .await;
    let app = TestApp::new(core);
    let sessions = [
        None,
        Some(app.login_as(&part).await),
        Some(app.login_as(&other_part).await),
        Some(app.login_as(&organiser).await),
        Some(app.login_as(&a.staff_email).await),
        Some(app.login_as(&b.staff_email).await),
    ];
    World {
        app,
        sessions,
        secret_org: secret_org.0,
        public_org: public_org.0,
        cluster: cluster.0,
        other_cluster: other_cluster.0,
        agreement: agreement.0,
        event: ev.id.0,
        b2b_session: ev.sessions[0].0,
        hidden_event: hidden.id.0,
        participants: p.iter().map(|x| x.0).collect(),
        profile: profile.0,
        settlement: settlement.0,
        idea,
        membership,
        partner_city,
        cities: (home.0, third.0),
        meetings,
    }
}

/// Statuses per role, in the order of [`ROLES`].
type Want = [u16; 6];
const ALL_OK: Want = [200; 6];

fn check_secrets(backend: &str, what: &str, role: usize, body: &str) {
    let text = text_of(body);
    for s in SECRETS {
        if !s.readers.contains(&role) {
            assert!(
                !text.contains(s.text),
                "{backend}: {what} shows \"{}\" to {}",
                s.text,
                ROLES[role]
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_as_every_role_answers_as_the_policy_says_and_shows_nothing_more() {
    for (backend, url) in fresh_databases().await {
        let w = world(&url).await;
        let (ev, hidden) = (w.event, w.hidden_event);
        let gets: Vec<(String, Want)> = vec![
            ("/".into(), ALL_OK),
            ("/organisations".into(), ALL_OK),
            (
                format!("/organisations/{}", w.secret_org),
                [404, 404, 404, 404, 200, 404],
            ),
            (format!("/organisations/{}", w.public_org), ALL_OK),
            (
                format!("/organisations/{}/edit", w.secret_org),
                [403, 403, 403, 403, 200, 404],
            ),
            (
                format!("/organisations/{}/edit", w.public_org),
                [403, 403, 403, 403, 200, 403],
            ),
            ("/networks".into(), ALL_OK),
            ("/clusters".into(), ALL_OK),
            (format!("/clusters/{}/complements", w.cluster), ALL_OK),
            ("/agreements".into(), ALL_OK),
            (format!("/agreements/{}", w.agreement), ALL_OK),
            ("/partner-cities".into(), ALL_OK),
            ("/activities".into(), ALL_OK),
            ("/outcomes".into(), ALL_OK),
            ("/agencies".into(), ALL_OK),
            ("/agencies/a".into(), ALL_OK),
            ("/agencies/a/report".into(), ALL_OK),
            ("/clusters/overlap".into(), ALL_OK),
            ("/agencies/a/report.pdf".into(), ALL_OK),
            ("/agencies/a/report.xlsx".into(), ALL_OK),
            ("/manage/settlements".into(), [403, 403, 403, 403, 200, 200]),
            ("/manage/ideas".into(), [403, 403, 403, 403, 200, 200]),
            (format!("/partner-cities/{}", w.partner_city), ALL_OK),
            (
                "/manage/partner-cities/new".into(),
                [403, 403, 403, 403, 200, 200],
            ),
            (
                format!("/memberships/{}", w.membership),
                [403, 403, 403, 403, 200, 403],
            ),
            (
                format!("/manage/ideas/{}", w.idea),
                [403, 403, 403, 403, 200, 404],
            ),
            ("/api/v1/ideas".into(), [403, 403, 403, 403, 200, 200]),
            (
                format!("/api/v1/ideas/{}/suggestions", w.idea),
                [403, 403, 403, 403, 200, 404],
            ),
            (
                "/manage/agreements/new".into(),
                [403, 403, 403, 403, 200, 200],
            ),
            (
                "/manage/outcomes/new".into(),
                [403, 403, 403, 403, 200, 200],
            ),
            (
                "/manage/settlements/new".into(),
                [403, 403, 403, 403, 200, 200],
            ),
            (
                format!("/manage/settlements/{}", w.settlement),
                [403, 403, 403, 403, 200, 404],
            ),
            ("/audit".into(), [403, 403, 403, 403, 200, 200]),
            ("/events".into(), ALL_OK),
            (format!("/events/{ev}"), ALL_OK),
            (format!("/events/{hidden}"), [404, 404, 404, 404, 200, 404]),
            (format!("/events/{ev}/participants"), ALL_OK),
            (
                format!("/events/{hidden}/participants"),
                [404, 404, 404, 404, 200, 404],
            ),
            (format!("/events/{ev}/profiles"), ALL_OK),
            (
                format!("/events/{ev}/meetings"),
                [403, 200, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/meetings"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/recommendations"),
                [403, 200, 403, 200, 200, 403],
            ),
            (
                format!(
                    "/events/{ev}/recommendations?participant={}",
                    w.participants[1]
                ),
                [403, 200, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/matching"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/schedule"),
                [403, 403, 403, 200, 200, 403],
            ),
            (format!("/events/{ev}/trip"), [403, 403, 403, 200, 200, 403]),
            (
                format!("/events/{hidden}/trip"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{hidden}/schedule"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                "/manage/organisations/new".into(),
                [403, 403, 403, 403, 200, 200],
            ),
            ("/manage/events/new".into(), [403, 403, 403, 403, 200, 200]),
            (
                format!("/events/{ev}/setup"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/setup"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/registrations"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/co-organisers"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/setup/sessions/{}/tables", w.b2b_session),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/co-organisers"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{hidden}/registrations"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/profiles/new"),
                [403, 200, 403, 403, 403, 403],
            ),
            (
                format!("/events/{hidden}/profiles/new"),
                [404, 404, 404, 404, 403, 404],
            ),
            (
                format!("/profiles/{}/edit", w.profile),
                [404, 200, 404, 200, 200, 404],
            ),
            (
                format!("/events/{ev}/messages"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/messages"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/agenda.pdf"),
                [403, 200, 403, 422, 422, 403],
            ),
            (
                format!("/events/{ev}/agenda.pdf?participant={}", w.participants[1]),
                [403, 200, 403, 200, 200, 403],
            ),
            (
                format!(
                    "/events/{hidden}/agenda.pdf?participant={}",
                    w.participants[1]
                ),
                [404, 404, 404, 404, 404, 404],
            ),
            (
                format!("/events/{ev}/table-plan.pdf"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/table-plan.pdf"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/changes"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/changes"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/changes.pdf"),
                [403, 403, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/visits"),
                [403, 200, 403, 200, 200, 403],
            ),
            (
                format!("/events/{hidden}/visits"),
                [404, 404, 404, 404, 200, 404],
            ),
            (
                format!("/events/{ev}/follow-up"),
                [403, 200, 403, 403, 403, 403],
            ),
            (
                format!("/events/{ev}/follow-up?participant={}", w.participants[0]),
                [403, 200, 403, 200, 200, 403],
            ),
            // Registration is closed: everyone who sees the event is told so.
            (format!("/events/{ev}/register"), [409; 6]),
            (
                format!("/events/{hidden}/register"),
                [404, 404, 404, 404, 409, 404],
            ),
            ("/api/v1/organisations".into(), ALL_OK),
            (
                format!("/api/v1/organisations/{}", w.secret_org),
                [404, 404, 404, 404, 200, 404],
            ),
            ("/api/v1/networks".into(), ALL_OK),
            ("/api/v1/clusters".into(), ALL_OK),
            ("/api/v1/agreements".into(), ALL_OK),
            (format!("/api/v1/agreements/{}", w.agreement), ALL_OK),
            ("/api/v1/partner-cities".into(), ALL_OK),
            (
                format!("/api/v1/partner-cities/{}/history", w.partner_city),
                ALL_OK,
            ),
            ("/api/v1/events".into(), ALL_OK),
            (format!("/api/v1/events/{ev}"), ALL_OK),
            (
                format!("/api/v1/events/{hidden}"),
                [404, 404, 404, 404, 200, 404],
            ),
            (format!("/api/v1/events/{ev}/participants"), ALL_OK),
            (
                format!("/api/v1/events/{hidden}/participants"),
                [404, 404, 404, 404, 200, 404],
            ),
            ("/api/v1/activities".into(), ALL_OK),
            ("/api/v1/outcomes".into(), ALL_OK),
            ("/api/openapi.json".into(), ALL_OK),
            // A meeting's briefing: for the organisers and the meeting's own people.
            (
                format!("/events/{ev}/meetings/{}/briefing", w.meetings[0]),
                [403, 200, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/meetings/{}/briefing", w.meetings[1]),
                [403, 404, 403, 200, 200, 403],
            ),
            (
                format!("/events/{ev}/programme.pdf"),
                [403, 200, 403, 200, 200, 403],
            ),
        ];
        for (path, want) in &gets {
            for role in 0..ROLES.len() {
                let a = w.app.get(path, w.sessions[role].as_ref()).await;
                assert_eq!(
                    a.status.as_u16(),
                    want[role],
                    "{backend}: GET {path} as {}: {}",
                    ROLES[role],
                    &a.body[..a.body.len().min(400)]
                );
                check_secrets(backend, path, role, &a.body);
            }
        }
        // The participant sees their own meeting, and only that; organisers see both.
        let agenda = format!("/events/{ev}/meetings");
        let own = w.app.get(&agenda, w.sessions[PART].as_ref()).await;
        let rows = select(&own.body, "article.meeting");
        assert_eq!(rows.len(), 1, "{backend}: {rows:?}");
        // The card names the partner, not the participant themselves.
        assert!(
            rows[0].contains("Börse Firma 2") && !rows[0].contains("Börse Firma 1"),
            "{backend}: {rows:?}"
        );
        let all = w.app.get(&agenda, w.sessions[ORG].as_ref()).await;
        assert_eq!(select(&all.body, "article.meeting").len(), 2, "{backend}");
        // Outsiders see the participating organisations, without names or statuses.
        let list = format!("/events/{ev}/participants");
        let public = w.app.get(&list, None).await;
        let heads = select(&public.body, "main table thead th");
        assert_eq!(
            heads.len(),
            3,
            "{backend}: organisation, country, role: {heads:?}"
        );
        let managed = w.app.get(&list, w.sessions[STAFF].as_ref()).await;
        let heads = select(&managed.body, "main table thead th");
        assert_eq!(heads.len(), 5, "{backend}: with name and status: {heads:?}");

        let p = &w.participants;
        let posts: Vec<(String, String, Want)> = vec![
            (
                format!("/events/{ev}/requests"),
                format!("requester={}&receiver={}", p[2], p[0]),
                [403, 403, 403, 303, 409, 403],
            ),
            (
                format!("/events/{hidden}/requests"),
                format!("requester={}&receiver={}", p[2], p[0]),
                [404, 404, 404, 404, 404, 404],
            ),
            (
                format!("/events/{ev}/trip/pairs"),
                format!("pair={}-{}", p[1], p[2]),
                [403, 403, 403, 303, 303, 403],
            ),
            // The organiser records the partner; the agency's staff, sending the same
            // contact again, are told it is registered already.
            (
                format!("/events/{ev}/trip/partners"),
                "name=Partner+vor+Ort&country=KZ&city=Almaty&given_name=Aida&family_name=Nurova"
                    .into(),
                [403, 403, 403, 303, 422, 403],
            ),
            (
                format!("/events/{ev}/schedule"),
                String::new(),
                [403, 403, 403, 303, 303, 403],
            ),
            (
                format!("/events/{hidden}/schedule"),
                String::new(),
                [404, 404, 404, 404, 303, 404],
            ),
            (
                format!("/clusters/{}/complements", w.cluster),
                format!("other={}&rationale=Sensoren+und+Software", w.other_cluster),
                [403, 403, 403, 403, 303, 403],
            ),
            (
                "/manage/organisations/new".into(),
                "name=Neu+GmbH&country=DE".into(),
                [403, 403, 403, 403, 303, 303],
            ),
            (
                "/manage/settlements/new".into(),
                format!(
                    "company={}&title=Werk&stage=lead&on=2030-02-01&note=Anfrage",
                    w.public_org
                ),
                [403, 403, 403, 403, 303, 303],
            ),
            (
                "/manage/calls".into(),
                "title=Aufruf&topic_text=Sensorik".into(),
                [403, 403, 403, 403, 303, 303],
            ),
            (
                "/manage/ideas".into(),
                format!("title=Idee&summary=Sensorik&owner={}", w.public_org),
                [403, 403, 403, 403, 303, 303],
            ),
            (
                format!("/manage/ideas/{}/orgs", w.idea),
                format!("org={}&role=partner", w.cluster),
                [403, 403, 403, 403, 303, 403],
            ),
            (
                format!("/partner-cities/{}/history", w.partner_city),
                "on=2030-01-01&kind=renewed&note=".into(),
                [403, 403, 403, 403, 303, 403],
            ),
            // Another agency's staff may not record agency A's city's partnerships.
            (
                "/manage/partner-cities/new".into(),
                format!("home={}&partner={}", w.cities.0, w.cities.1),
                [403, 403, 403, 403, 303, 422],
            ),
            (
                format!("/memberships/{}", w.membership),
                "role=founder&since=2020-01-01&until=".into(),
                [403, 403, 403, 403, 303, 403],
            ),
            (
                format!("/manage/ideas/{}/status", w.idea),
                "status=seeking".into(),
                [403, 403, 403, 403, 303, 403],
            ),
            (
                "/manage/outcomes/new".into(),
                format!(
                    "kind=contact_established&achieved_on=2030-02-01&title=Kontakt&orgs={}",
                    w.public_org
                ),
                [403, 403, 403, 403, 303, 303],
            ),
            (
                "/manage/agreements/new".into(),
                format!(
                    "title=Vereinbarung&kind=mou&party_0={}&party_1={}",
                    w.public_org, w.cluster
                ),
                [403, 403, 403, 403, 303, 303],
            ),
            (
                format!("/organisations/{}/members", w.cluster),
                format!("member={}&role=member", w.secret_org),
                [403, 403, 403, 403, 303, 404],
            ),
            (
                format!("/organisations/{}/archive", w.secret_org),
                "archived=false".into(),
                [403, 403, 403, 403, 303, 404],
            ),
            (
                format!("/organisations/{}/merge", w.public_org),
                format!("duplicate={}", w.other_cluster),
                [403, 403, 403, 403, 303, 404],
            ),
            (
                format!("/manage/settlements/{}/steps", w.settlement),
                "stage=contact&on=2030-02-01&note=Gespr%C3%A4ch".into(),
                [403, 403, 403, 403, 303, 403],
            ),
            (
                format!("/events/{ev}/setup/venues"),
                "name=Halle+4&city=Hannover&time_zone=Europe%2FBerlin".into(),
                [403, 403, 403, 303, 303, 403],
            ),
            (
                format!("/events/{hidden}/setup/venues"),
                "name=Halle+4&city=Hannover&time_zone=Europe%2FBerlin".into(),
                [404, 404, 404, 404, 303, 404],
            ),
            (
                format!("/events/{ev}/setup/settings"),
                "terms=&questions=&request_mode=partner_accepts&scheduling_mode=optimiser".into(),
                [403, 403, 403, 303, 303, 403],
            ),
            (
                format!("/events/{ev}/setup/publication"),
                "publish=on".into(),
                [403, 403, 403, 303, 303, 403],
            ),
            (
                format!("/events/{ev}/profiles/new"),
                "kind=BR&language=de&title=Vertrieb+in+Polen&summary=Wir+suchen+H%C3%A4ndler"
                    .into(),
                [403, 303, 403, 403, 403, 403],
            ),
            (
                format!("/profiles/{}/edit", w.profile),
                "kind=BO&language=de&title=Blechbearbeitung&summary=Lohnfertigung+und+Kanten"
                    .into(),
                [404, 303, 404, 303, 303, 404],
            ),
            // This koop sends no mail: organisers are told so, after the rights check.
            (
                format!("/events/{ev}/messages"),
                "participant=&subject=Hallo&body=Text".into(),
                [403, 403, 403, 422, 422, 403],
            ),
            (
                format!("/events/{ev}/surveys"),
                "kind=feedback".into(),
                [403, 403, 403, 422, 422, 403],
            ),
            (
                format!("/profiles/{}/publication", w.profile),
                "published=true".into(),
                [404, 303, 404, 303, 303, 404],
            ),
            // The organiser cancels the meeting on the ground and sends it back to the
            // scheduler; the agency's staff, coming second, find it done already.
            (
                format!("/events/{ev}/meetings/{}/cancel", w.meetings[1]),
                String::new(),
                [403, 403, 403, 303, 422, 403],
            ),
            (
                format!("/events/{ev}/meetings/{}/reopen", w.meetings[1]),
                String::new(),
                [403, 403, 403, 303, 409, 403],
            ),
        ];
        for (path, body, want) in &posts {
            for role in 0..ROLES.len() {
                let a = w.app.post_form(path, body, w.sessions[role].as_ref()).await;
                assert_eq!(
                    a.status.as_u16(),
                    want[role],
                    "{backend}: POST {path} as {}: {}",
                    ROLES[role],
                    &a.body[..a.body.len().min(400)]
                );
                check_secrets(backend, path, role, &a.body);
            }
        }
    }
}

/// English texts of the catalogue that differ from the German ones: none may appear on a
/// German page. Fragments between parameters, of at least 12 characters.
fn english_only_texts() -> Vec<String> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales");
    let read = |lang: &str| -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        for f in std::fs::read_dir(dir.join(lang)).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((k, v)) = line.split_once(" = ")
                    && !k.starts_with('#')
                    && !k.starts_with(' ')
                {
                    out.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        out
    };
    let (de, en) = (read("de"), read("en"));
    let mut out = Vec::new();
    for (k, v) in &en {
        if de.get(k) == Some(v) || k.starts_with("format-") {
            continue;
        }
        for fragment in v.split(['{', '}']).step_by(2) {
            let f = fragment.trim();
            if f.chars().count() >= 12 && f.contains(' ') {
                out.push(f.to_owned());
            }
        }
    }
    out
}

/// Looks like a catalogue key that was shown instead of its text.
fn looks_like_a_key(word: &str) -> bool {
    const AREAS: &[&str] = &[
        "nav", "field", "kind", "error", "job", "sched", "rec", "cc", "home", "login", "org",
        "form", "flash", "reason", "unplaced", "format", "language", "country", "app",
    ];
    word.split_once('-').is_some_and(|(area, rest)| {
        AREAS.contains(&area)
            && !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crawl_as_each_role_finds_no_english_sentence_on_a_german_page_and_no_key() {
    let english = english_only_texts();
    assert!(english.len() > 50, "{} English texts", english.len());
    for (backend, url) in fresh_databases().await {
        let w = world(&url).await;
        for (role, who) in ROLES.iter().enumerate() {
            let mut seen = BTreeSet::new();
            let mut queue = VecDeque::from(["/".to_owned()]);
            while let Some(path) = queue.pop_front() {
                if !seen.insert(path.clone()) || seen.len() > 400 {
                    continue;
                }
                let a = w.app.get(&path, w.sessions[role].as_ref()).await;
                assert!(
                    a.status.as_u16() < 500,
                    "{backend}: {path} as {who}: {}",
                    a.status
                );
                let text = text_of(&a.body);
                for word in text.split_whitespace() {
                    let word =
                        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_');
                    assert!(
                        !looks_like_a_key(word),
                        "{backend}: {path} as {who} shows the key {word}"
                    );
                }
                for e in &english {
                    assert!(
                        !text.contains(e.as_str()),
                        "{backend}: {path} as {who} is German but says \"{e}\""
                    );
                }
                for l in links(&a.body) {
                    if !seen.contains(&l) && !l.starts_with("/api/") {
                        queue.push_back(l);
                    }
                }
            }
            assert!(
                seen.len() > 15,
                "{backend}: only {} pages as {}",
                seen.len(),
                ROLES[role]
            );
        }
    }
}
