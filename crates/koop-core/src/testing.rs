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

// ---- Builders: small worlds for tests that do not need the demo ----

use crate::ops::directory::AccountInput;
use crate::ops::meetings::RequestAnswer;
use crate::{Actor, Core};
use chrono::{NaiveDate, NaiveDateTime};
use koop_domain::account::Role;
use koop_domain::event::{EventData, EventKind, ParticipantRole, SessionData, SessionKind};
use koop_domain::ids::{
    AgencyId, EventId, MeetingRequestId, OrgId, ParticipantId, PersonId, SessionId,
};
use koop_domain::meeting::Priority;
use koop_domain::org::{OrgData, OrgKind};
use koop_domain::person::{Consent, PersonData};
use koop_domain::values::CountryCode;

/// The password of every account the builders create.
pub const TEST_PASSWORD: &str = "test-password-1";

/// An agency with its own organisation and one staff login.
#[derive(Debug, Clone)]
pub struct TestAgency {
    /// The core it lives in.
    pub core: Core,
    /// The agency.
    pub id: AgencyId,
    /// Its slug (used in e-mails of its accounts).
    pub slug: String,
    /// The organisation that describes the agency.
    pub org: OrgId,
    /// Its staff, logged in.
    pub staff: Actor,
    /// The staff login's e-mail.
    pub staff_email: String,
}

/// An event made by [`EventBuilder`].
#[derive(Debug, Clone)]
pub struct TestEvent {
    /// The event.
    pub id: EventId,
    /// Its B2B sessions, in time order.
    pub sessions: Vec<SessionId>,
    /// Its participants, one company each.
    pub participants: Vec<ParticipantId>,
    /// The participants' companies, in the same order.
    pub orgs: Vec<OrgId>,
}

fn company(name: &str, country: &str) -> OrgData {
    OrgData {
        name: name.into(),
        kind: OrgKind::Company,
        country: CountryCode::parse(country).unwrap_or_else(|e| panic!("{e}")),
        city: "Magdeburg".into(),
        nace: vec![],
        size: None,
        languages: vec![],
        website: None,
        description: String::new(),
    }
}

impl TestAgency {
    /// Creates an agency `slug` with a staff login `staff@SLUG.test`.
    pub async fn create(core: &Core, slug: &str) -> TestAgency {
        let sys = Actor::system();
        let id = core
            .create_agency(&sys, &format!("Agentur {slug}"), slug)
            .await
            .unwrap_or_else(|e| panic!("agency {slug}: {e}"));
        let org = core
            .create_organisation(&sys, id, company(&format!("Agentur {slug}"), "DE"), true)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        core.set_agency_org(&sys, id, org)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut a = TestAgency {
            core: core.clone(),
            id,
            slug: slug.into(),
            org,
            staff: Actor::anonymous(),
            staff_email: String::new(),
        };
        let (staff, email) = a.login("staff", Role::AgencyStaff, None, None).await;
        a.staff = staff;
        a.staff_email = email;
        a
    }

    /// Creates a login of this agency and logs it in: `NAME@SLUG.test`.
    pub async fn login(
        &self,
        name: &str,
        role: Role,
        event: Option<EventId>,
        participant: Option<ParticipantId>,
    ) -> (Actor, String) {
        let email = format!("{name}@{}.test", self.slug);
        self.core
            .create_account(
                &Actor::system(),
                AccountInput {
                    email: email.clone(),
                    display_name: name.into(),
                    password: TEST_PASSWORD.into(),
                    role,
                    agency: Some(self.id),
                    participant,
                    event,
                    ui_language: "de".into(),
                },
            )
            .await
            .unwrap_or_else(|e| panic!("account {email}: {e}"));
        let (account, _) = self
            .core
            .login(&email, TEST_PASSWORD, "test")
            .await
            .unwrap_or_else(|e| panic!("login {email}: {e}"));
        (Actor::account(account), email)
    }

    /// An organisation of this agency, published or not.
    pub async fn org(&self, name: &str, published: bool) -> OrgId {
        self.core
            .create_organisation(&self.staff, self.id, company(name, "DE"), published)
            .await
            .unwrap_or_else(|e| panic!("org {name}: {e}"))
    }

    /// A contact person of this agency working for `org`.
    pub async fn person(&self, org: OrgId, family_name: &str) -> PersonId {
        self.core
            .create_person(
                &self.staff,
                self.id,
                Some(org),
                PersonData {
                    given_name: "Test".into(),
                    family_name: family_name.into(),
                    function: String::new(),
                    email: None,
                    phone: None,
                    languages: vec![],
                    consent: Consent::Given,
                },
            )
            .await
            .unwrap_or_else(|e| panic!("person {family_name}: {e}"))
    }

    /// A request from participant `from` to `to` of `ev` (by index), sent and accepted
    /// by the agency's staff.
    pub async fn accepted(&self, ev: &TestEvent, from: usize, to: usize) -> MeetingRequestId {
        let p = &ev.participants;
        let r = self
            .core
            .request_meeting(&self.staff, ev.id, p[from], p[to], Priority::Normal, "")
            .await
            .unwrap_or_else(|e| panic!("request {from} → {to}: {e}"));
        self.core
            .answer_request(&self.staff, ev.id, r, RequestAnswer::Accept)
            .await
            .unwrap_or_else(|e| panic!("accept {from} → {to}: {e}"));
        r
    }

    /// How many audit entries the agency's staff see: a refused change adds none.
    pub async fn audit_count(&self) -> usize {
        let mut r = self
            .core
            .reader(&self.staff)
            .await
            .unwrap_or_else(|e| panic!("reader: {e}"));
        r.audit(100_000)
            .await
            .unwrap_or_else(|e| panic!("audit: {e}"))
            .len()
    }

    /// Every meeting of `ev`, as its organisers see them.
    pub async fn meetings(&self, ev: &TestEvent) -> Vec<koop_db::meeting::MeetingView> {
        let mut r = self
            .core
            .reader(&self.staff)
            .await
            .unwrap_or_else(|e| panic!("reader: {e}"));
        r.meetings(ev.id, None)
            .await
            .unwrap_or_else(|e| panic!("meetings: {e}"))
    }

    /// Starts an event of this agency.
    pub fn event(&self, title: &str) -> EventBuilder<'_> {
        EventBuilder {
            agency: self,
            title: title.into(),
            sessions: 1,
            slots: 4,
            tables: 2,
            participants: 2,
            published: true,
            companies: title.into(),
            schedule_draft: false,
        }
    }
}

/// An event with B2B sessions and participants, in a few lines:
/// `agency.event("Börse").sessions(2).participants(3).create().await`.
pub struct EventBuilder<'a> {
    agency: &'a TestAgency,
    title: String,
    sessions: usize,
    slots: i64,
    tables: i64,
    participants: usize,
    published: bool,
    companies: String,
    schedule_draft: bool,
}

impl EventBuilder<'_> {
    /// Names the participants' companies "PREFIX Firma n" (default: the event's title).
    pub fn companies(mut self, prefix: &str) -> Self {
        self.companies = prefix.into();
        self
    }

    /// Number of B2B sessions (one per day from 2030-03-01).
    pub fn sessions(mut self, n: usize) -> Self {
        self.sessions = n;
        self
    }

    /// Slots of 30 minutes per session.
    pub fn slots(mut self, n: i64) -> Self {
        self.slots = n;
        self
    }

    /// Tables per session.
    pub fn tables(mut self, n: i64) -> Self {
        self.tables = n;
        self
    }

    /// Number of participants, each from a company of their own.
    pub fn participants(mut self, n: usize) -> Self {
        self.participants = n;
        self
    }

    /// Leaves the event unpublished.
    pub fn unpublished(mut self) -> Self {
        self.published = false;
        self
    }

    /// Leaves its meeting schedule a draft that participants do not see (by default
    /// the builder publishes it, so that tests see the meetings they place).
    pub fn schedule_draft(mut self) -> Self {
        self.schedule_draft = true;
        self
    }

    /// Creates it, as the agency's staff.
    pub async fn create(self) -> TestEvent {
        let a = self.agency;
        let core = &a.core;
        let day = |i: usize| {
            NaiveDate::from_ymd_opt(2030, 3, 1).unwrap_or_default() + chrono::Days::new(i as u64)
        };
        let id = core
            .create_event(
                &a.staff,
                a.id,
                EventData {
                    kind: EventKind::CooperationExchange,
                    title: self.title.clone(),
                    description: String::new(),
                    start_on: day(0),
                    end_on: day(self.sessions.saturating_sub(1)),
                    organiser_ids: vec![a.org],
                },
                self.published,
            )
            .await
            .unwrap_or_else(|e| panic!("event {}: {e}", self.title));
        let venue = core
            .add_venue(
                &a.staff,
                id,
                koop_domain::event::Venue {
                    id: koop_domain::ids::VenueId(0),
                    event_id: id,
                    name: "Innovationszentrum".into(),
                    address: String::new(),
                    city: "Barleben".into(),
                    time_zone: "Europe/Berlin".into(),
                },
            )
            .await
            .unwrap_or_else(|e| panic!("venue: {e}"));
        let mut sessions = Vec::new();
        for i in 0..self.sessions {
            let start: NaiveDateTime = day(i).and_hms_opt(9, 0, 0).unwrap_or_default();
            let s = core
                .add_session(
                    &a.staff,
                    id,
                    Some(venue),
                    SessionData {
                        kind: SessionKind::B2bMeetings,
                        title: format!("B2B {}", i + 1),
                        starts_at: start,
                        ends_at: start + chrono::Duration::minutes(30 * self.slots),
                        slot_minutes: Some(30),
                        tables: Some(self.tables),
                        breaks: vec![],
                    },
                )
                .await
                .unwrap_or_else(|e| panic!("session: {e}"));
            sessions.push(s);
        }
        let mut participants = Vec::new();
        let mut orgs = Vec::new();
        for i in 0..self.participants {
            let org = a
                .org(&format!("{} Firma {}", self.companies, i + 1), true)
                .await;
            let person = a
                .person(org, &format!("{} Person {}", self.title, i + 1))
                .await;
            let p = core
                .register_participant(&a.staff, id, person, org, ParticipantRole::Delegate)
                .await
                .unwrap_or_else(|e| panic!("participant: {e}"));
            participants.push(p);
            orgs.push(org);
        }
        if !self.schedule_draft {
            core.set_schedule_state(&a.staff, id, koop_domain::event::ScheduleState::Final)
                .await
                .unwrap_or_else(|e| panic!("schedule: {e}"));
        }
        TestEvent {
            id,
            sessions,
            participants,
            orgs,
        }
    }
}

/// Claims the next due job as node `node` for `lease` and never finishes it: what a
/// node that dies mid-run leaves behind.
pub async fn claim_job_and_die(
    core: &Core,
    node: &str,
    lease: std::time::Duration,
) -> crate::CoreResult<koop_domain::ids::JobId> {
    let until = (chrono::Utc::now() + chrono::Duration::from_std(lease).unwrap_or_default())
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let mut conn = core.db.conn().await?;
    let job = koop_db::job::claim(&mut conn, node, &until)
        .await?
        .ok_or(crate::CoreError::NotFound)?;
    Ok(koop_domain::ids::JobId(job.id))
}

/// Every job with the node that ran it and its attempts, in queue order.
pub async fn job_runs(core: &Core) -> crate::CoreResult<Vec<(Option<String>, i64)>> {
    let mut conn = core.db.conn().await?;
    Ok(koop_db::job::runs(&mut conn).await?)
}

/// A person's consent records.
pub async fn consents_of(
    core: &Core,
    person: koop_domain::ids::PersonId,
) -> crate::CoreResult<Vec<koop_db::consent::ConsentRecord>> {
    let mut conn = core.db.conn().await?;
    Ok(koop_db::consent::of_person(&mut conn, person).await?)
}

/// Makes a request look `days` older, as if it had waited that long.
pub async fn age_request(
    core: &Core,
    request: koop_domain::ids::MeetingRequestId,
    days: i64,
) -> crate::CoreResult<()> {
    let mut conn = core.db.conn().await?;
    let then = (chrono::Utc::now() - chrono::Duration::days(days))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(koop_db::request::set_created_at(&mut conn, request, &then).await?)
}

/// Every (table, column) of the schema at `url`, after the migrations.
pub async fn schema_columns(url: &str) -> crate::CoreResult<Vec<(String, String)>> {
    let core = Core::open(url).await?;
    let columns = core.db.columns().await?;
    core.close().await;
    Ok(columns)
}
