//! Display rows: domain records turned into the text a page shows, in the visitor's language.

use crate::pages::{Ctx, date};
use koop_core::domain::activity::Activity;
use koop_core::domain::agreement::Agreement;
use koop_core::domain::event::Event;
use koop_core::domain::org::Organisation;
use koop_core::domain::outcome::Outcome;
use koop_core::domain::profile::Profile;
use koop_core::views::PartyView;

/// An organisation in a table.
pub struct OrgRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: String,
}

pub fn org(ctx: &Ctx, o: &Organisation) -> OrgRow {
    OrgRow {
        id: o.id.0,
        name: o.data.name.clone(),
        kind: ctx.kind("org", o.data.kind.as_str()),
        country: o.data.country.to_string(),
        city: o.data.city.clone(),
    }
}

/// An event in a table.
pub struct EventRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub dates: String,
}

pub fn event(ctx: &Ctx, e: &Event) -> EventRow {
    let dates = if e.data.start_on == e.data.end_on {
        date(ctx.lang, e.data.start_on)
    } else {
        format!(
            "{} – {}",
            date(ctx.lang, e.data.start_on),
            date(ctx.lang, e.data.end_on)
        )
    };
    EventRow {
        id: e.id.0,
        title: e.data.title.clone(),
        kind: ctx.kind("event", e.data.kind.as_str()),
        dates,
    }
}

/// An activity in a table.
pub struct ActivityRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub date: String,
    pub place: String,
}

pub fn activity(ctx: &Ctx, a: &Activity) -> ActivityRow {
    ActivityRow {
        id: a.id.0,
        title: a.data.title.clone(),
        kind: ctx.kind("activity", a.data.kind.as_str()),
        date: date(ctx.lang, a.data.start_on),
        place: a.data.place.clone(),
    }
}

/// An outcome in a table, with a link to what it is attributed to.
pub struct OutcomeRow {
    pub title: String,
    pub kind: String,
    pub date: String,
    pub value: String,
    pub link: Option<String>,
}

pub fn outcome(ctx: &Ctx, o: &Outcome) -> OutcomeRow {
    let a = &o.data.attribution;
    let link = a
        .activity_id
        .map(crate::paths::activity)
        .or(a.event_id.map(crate::paths::event))
        .or(a.agreement_id.map(crate::paths::agreement))
        .or(a.partner_city_id.map(crate::paths::partner_city));
    // "6 Arbeitsplätze", "380.000 €", in the visitor's language.
    let value = crate::pages::public::report::value_text(ctx.lang, o.data.kind, o.data.value);
    OutcomeRow {
        title: o.data.title.clone(),
        kind: ctx.kind("outcome", o.data.kind.as_str()),
        date: date(ctx.lang, o.data.achieved_on),
        value,
        link,
    }
}

/// An agreement in a table.
pub struct AgreementRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub parties: String,
    pub valid: String,
}

pub fn agreement(ctx: &Ctx, a: &Agreement, parties: &[PartyView]) -> AgreementRow {
    let valid = match (a.data.valid_from, a.data.valid_until) {
        (Some(f), Some(u)) => format!("{} – {}", date(ctx.lang, f), date(ctx.lang, u)),
        (Some(f), None) => format!("{} {}", ctx.t("field-since"), date(ctx.lang, f)),
        _ => String::new(),
    };
    AgreementRow {
        id: a.id.0,
        title: a.data.title.clone(),
        kind: ctx.kind("agreement", a.data.kind.as_str()),
        parties: parties
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        valid,
    }
}

/// A cooperation profile as a card.
pub struct ProfileCard {
    pub title: String,
    pub kind: String,
    pub summary: String,
    pub language: String,
    pub keywords: Vec<String>,
    pub nace: Vec<String>,
    pub seeks: String,
    pub org: Option<(i64, String)>,
    /// A meeting request the viewer may send from the card.
    pub ask: Option<Ask>,
}

/// A participant's request to the profile's owner, or how an earlier one stands.
pub struct Ask {
    /// Where the request goes.
    pub action: String,
    pub requester: i64,
    pub receiver: i64,
    /// Where to come back to after sending.
    pub back: String,
    /// The status of the request between the two, translated, if there is one.
    pub status: Option<String>,
}

pub fn profile(ctx: &Ctx, p: &Profile, org_name: Option<String>) -> ProfileCard {
    ProfileCard {
        title: p.data.title.clone(),
        kind: ctx.kind("profile", p.data.kind.as_str()),
        summary: p.data.summary.clone(),
        language: p.data.language.to_string(),
        keywords: p.data.keywords.clone(),
        nace: p.data.nace.iter().map(ToString::to_string).collect(),
        seeks: p
            .data
            .countries_sought
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        org: org_name.map(|n| (p.org_id.0, n)),
        ask: None,
    }
}
