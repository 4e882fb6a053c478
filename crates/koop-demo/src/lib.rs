//! The demo world of DESIGN.md §1, loaded by `koop demo`: an investment agency with its
//! networks and agreements, a city's international office with its partner cities, a
//! cooperation exchange with about 80 participants, a delegation trip, and the
//! Central-German clusters. Real organisations keep their real names; the companies
//! at the exchange are invented but plausible, and write in their own languages.
//!
//! Everything is created through the same operations the web and CLI use, so the demo
//! also exercises every write path and leaves a full audit trail.

mod agency_work;
mod city_office;
mod clusters;
mod exchange;
mod exchange_people;
mod trip;

use chrono::NaiveDate;
use koop_core::{Actor, Core, CoreResult};
use koop_domain::account::Role;
use koop_domain::ids::{AgencyId, OrgId, PersonId};
use koop_domain::org::{OrgData, OrgKind, OrgSize};
use koop_domain::person::{Consent, PersonData};
use koop_domain::values::{CountryCode, LanguageCode, NaceCode};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "koop-demo";

/// Ids of the demo's main records, for tests and the CLI's welcome text.
#[derive(Debug, Clone)]
pub struct DemoWorld {
    /// The investment agency.
    pub img: AgencyId,
    /// The city of Magdeburg.
    pub magdeburg: AgencyId,
    /// LEG Thüringen.
    pub leg: AgencyId,
    /// The metropolitan region's cluster initiative.
    pub region: AgencyId,
    /// The cooperation exchange.
    pub exchange: koop_domain::ids::EventId,
    /// The delegation trip.
    pub trip: koop_domain::ids::EventId,
    /// The online business mission that prepared it.
    pub online: koop_domain::ids::EventId,
}

/// The demo logins and what each is for (all with [`DEMO_PASSWORD`]).
pub fn logins() -> Vec<(&'static str, &'static str)> {
    vec![
        ("admin@koop.example", "platform admin"),
        ("img@koop.example", "agency staff, IMG Sachsen-Anhalt"),
        ("magdeburg@koop.example", "agency staff, city of Magdeburg"),
        ("leg@koop.example", "agency staff, LEG Thüringen"),
        ("cluster@koop.example", "agency staff, cluster initiative"),
        (
            "organiser@koop.example",
            "event organiser, Barleben exchange",
        ),
        (
            "ihk@koop.example",
            "co-organiser staff, IHK Magdeburg: registrations and the day",
        ),
        ("participant@koop.example", "participant, Barleben exchange"),
    ]
}

/// Loads the demo world into an empty database.
pub async fn load(core: &Core) -> CoreResult<DemoWorld> {
    load_scaled(core, 1).await
}

/// Loads the demo world with its exchange at `scale` times its size (80 participants
/// each): the same companies again, numbered, with as many tables and requests.
pub async fn load_scaled(core: &Core, scale: usize) -> CoreResult<DemoWorld> {
    let sys = Actor::system();
    let img = core
        .create_agency(
            &sys,
            "Investitions- und Marketinggesellschaft Sachsen-Anhalt mbH",
            "img",
        )
        .await?;
    let magdeburg = core
        .create_agency(
            &sys,
            "Landeshauptstadt Magdeburg – Internationale Beziehungen",
            "magdeburg",
        )
        .await?;
    let leg = core
        .create_agency(
            &sys,
            "Landesentwicklungsgesellschaft Thüringen mbH (LEG Thüringen)",
            "leg",
        )
        .await?;
    let region = core
        .create_agency(
            &sys,
            "Europäische Metropolregion Mitteldeutschland",
            "metropolregion",
        )
        .await?;

    let work = agency_work::load(core, img).await?;
    city_office::load(core, magdeburg).await?;
    let (exchange, organiser_event, demo_participant) =
        exchange::load(core, img, &work, scale).await?;
    let (trip, online) = trip::load(core, leg).await?;
    clusters::load(core, region).await?;

    let accounts: [(&str, &str, Role, Option<AgencyId>, &str); 6] = [
        (
            "admin@koop.example",
            "Plattform-Admin",
            Role::PlatformAdmin,
            None,
            "platform admin",
        ),
        (
            "img@koop.example",
            "Team Standortmarketing (IMG)",
            Role::AgencyStaff,
            Some(img),
            "agency staff, IMG Sachsen-Anhalt",
        ),
        (
            "magdeburg@koop.example",
            "Team Internationales (Magdeburg)",
            Role::AgencyStaff,
            Some(magdeburg),
            "agency staff, city of Magdeburg",
        ),
        (
            "leg@koop.example",
            "Außenwirtschaft (LEG Thüringen)",
            Role::AgencyStaff,
            Some(leg),
            "agency staff, LEG Thüringen",
        ),
        (
            "cluster@koop.example",
            "Clustermanagement Mitteldeutschland",
            Role::AgencyStaff,
            Some(region),
            "agency staff, cluster initiative",
        ),
        (
            "organiser@koop.example",
            "Organisationsteam Kooperationsbörse",
            Role::EventOrganiser,
            Some(img),
            "event organiser, Barleben exchange",
        ),
    ];
    for (email, name, role, agency, _) in accounts {
        core.create_account(
            &sys,
            koop_core::ops::directory::AccountInput {
                email: email.into(),
                display_name: name.into(),
                password: DEMO_PASSWORD.into(),
                role,
                agency,
                participant: None,
                event: (role == Role::EventOrganiser).then_some(organiser_event),
                ui_language: "de".into(),
            },
        )
        .await?;
    }
    core.create_account(
        &sys,
        koop_core::ops::directory::AccountInput {
            email: "participant@koop.example".into(),
            display_name: "Участник (демо)".into(),
            password: DEMO_PASSWORD.into(),
            role: Role::Participant,
            agency: Some(img),
            participant: Some(demo_participant),
            event: Some(exchange),
            ui_language: "en".into(),
        },
    )
    .await?;
    Ok(DemoWorld {
        img,
        magdeburg,
        leg,
        region,
        exchange,
        trip,
        online,
    })
}

/// A date that is known to be valid.
pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Parses a list of codes the demo knows to be valid.
pub(crate) fn nace(codes: &[&str]) -> Vec<NaceCode> {
    codes
        .iter()
        .filter_map(|c| NaceCode::parse(c).ok())
        .collect()
}

pub(crate) fn langs(codes: &[&str]) -> Vec<LanguageCode> {
    codes
        .iter()
        .filter_map(|c| LanguageCode::parse(c).ok())
        .collect()
}

pub(crate) fn country(code: &str) -> CountryCode {
    CountryCode::parse(code)
        .unwrap_or_else(|_| CountryCode::parse("DE").expect("DE is a country code"))
}

/// The fields of a demo organisation.
pub(crate) struct O<'a> {
    pub name: &'a str,
    pub kind: OrgKind,
    pub country: &'a str,
    pub city: &'a str,
    pub nace: &'a [&'a str],
    pub languages: &'a [&'a str],
    pub website: Option<&'a str>,
    pub description: &'a str,
}

impl O<'_> {
    pub(crate) fn data(&self) -> OrgData {
        OrgData {
            name: self.name.into(),
            kind: self.kind,
            country: country(self.country),
            city: self.city.into(),
            nace: nace(self.nace),
            size: (self.kind == OrgKind::Company).then_some(OrgSize::Small),
            languages: langs(self.languages),
            website: self.website.map(Into::into),
            description: self.description.into(),
        }
    }
}

/// Creates a published organisation.
pub(crate) async fn org(core: &Core, agency: AgencyId, o: O<'_>) -> CoreResult<OrgId> {
    core.create_organisation(&Actor::system(), agency, o.data(), true)
        .await
}

/// A short way to write an organisation: name, kind, country, city, NACE codes.
pub(crate) async fn org_short(
    core: &Core,
    agency: AgencyId,
    name: &str,
    kind: OrgKind,
    country_code: &str,
    city: &str,
    nace_codes: &[&str],
) -> CoreResult<OrgId> {
    let lang = match country_code {
        "DE" | "AT" => "de",
        "FR" => "fr",
        "RU" | "KZ" | "BY" => "ru",
        "UA" => "uk",
        "UZ" => "uz",
        "CN" => "zh",
        "CZ" => "cs",
        "RS" => "sr",
        "AL" => "sq",
        "LV" => "lv",
        _ => "en",
    };
    org(
        core,
        agency,
        O {
            name,
            kind,
            country: country_code,
            city,
            nace: nace_codes,
            languages: &[lang],
            website: None,
            description: "",
        },
    )
    .await
}

/// Creates a contact person with consent.
pub(crate) async fn person(
    core: &Core,
    agency: AgencyId,
    org: OrgId,
    given: &str,
    family: &str,
    function: &str,
    languages: &[&str],
) -> CoreResult<PersonId> {
    core.create_person(
        &Actor::system(),
        agency,
        Some(org),
        PersonData {
            given_name: given.into(),
            family_name: family.into(),
            function: function.into(),
            email: None,
            phone: None,
            languages: langs(languages),
            consent: Consent::Given,
        },
    )
    .await
}
