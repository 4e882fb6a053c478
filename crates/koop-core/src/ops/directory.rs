//! Agencies, accounts, organisations, people, memberships and grants.

use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use chrono::NaiveDate;
use koop_db::org as db_org;
use koop_db::owner::Owned;
use koop_domain::account::Role;
use koop_domain::ids::{
    AccountId, AgencyId, ComplementId, EventId, MembershipId, OrgId, ParticipantId, PersonId,
};
use koop_domain::membership::{MemberRole, check_complement, check_membership};
use koop_domain::org::OrgData;
use koop_domain::person::PersonData;
use koop_domain::values::{email, optional_text, required_text, website};
use serde_json::json;

/// What a new account needs.
#[derive(Debug, Clone)]
pub struct AccountInput {
    /// Login e-mail.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Password in clear (hashed here).
    pub password: String,
    /// Role.
    pub role: Role,
    /// Agency.
    pub agency: Option<AgencyId>,
    /// Participant, for participant accounts.
    pub participant: Option<ParticipantId>,
    /// Event, for organisers.
    pub event: Option<EventId>,
    /// UI language.
    pub ui_language: String,
}

impl Core {
    /// Creates an agency (tenant). Platform admins only.
    pub async fn create_agency(
        &self,
        actor: &Actor,
        name: &str,
        slug: &str,
    ) -> CoreResult<AgencyId> {
        let name = required_text("name", name, 200)?;
        let slug = required_text("slug", slug, 60)?;
        if !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "slug",
                "invalid_slug",
                format!("'{slug}' may contain only a-z, 0-9 and '-'"),
            )));
        }
        self.write(actor, "agency.created", async |tx| {
            let permit = policy::platform(actor)?;
            let id = koop_db::agency::insert(tx, &name, &slug).await?;
            Ok(Change::new(
                permit,
                id,
                "agency",
                id.0,
                json!({ "name": name, "slug": slug }),
            ))
        })
        .await
    }

    /// Links an agency to the organisation that describes it.
    pub async fn set_agency_org(
        &self,
        actor: &Actor,
        agency: AgencyId,
        org: OrgId,
    ) -> CoreResult<()> {
        self.write(actor, "agency.org_set", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            policy::belongs_to_agency(tx, Owned::Organisation, org.0, agency).await?;
            koop_db::agency::set_org(tx, agency, org).await?;
            Ok(Change::new(
                permit,
                (),
                "agency",
                agency.0,
                json!({ "org_id": org }),
            ))
        })
        .await
    }

    /// Creates an account. Staff may create accounts of their own agency (not admins).
    pub async fn create_account(
        &self,
        actor: &Actor,
        input: AccountInput,
    ) -> CoreResult<AccountId> {
        let login = check_login(
            &input.email,
            &input.display_name,
            &input.password,
            &input.ui_language,
        )?;
        let (mail, name, lang, hash) = (&login.email, &login.name, &login.language, &login.hash);
        self.write(actor, "account.created", async |tx| {
            let permit = account_permit(tx, actor, &input).await?;
            let id = koop_db::account::insert(
                tx,
                &koop_db::account::NewAccount {
                    email: mail,
                    display_name: name,
                    password_hash: hash,
                    role: input.role,
                    agency: input.agency,
                    participant: input.participant,
                    event: input.event,
                    ui_language: lang,
                },
            )
            .await
            .map_err(|e| match e {
                koop_db::DbError::Conflict(_) => CoreError::Invalid(vec![crate::FieldError {
                    line: None,
                    field: "email".into(),
                    code: "taken".into(),
                    message: format!("an account with e-mail {mail} exists already"),
                    params: Vec::new(),
                }]),
                other => other.into(),
            })?;
            Ok(Change::new(
                permit,
                id,
                "account",
                id.0,
                json!({ "email": mail, "role": input.role }),
            ))
        })
        .await
    }

    /// Creates an organisation owned by `agency`.
    pub async fn create_organisation(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: OrgData,
        publish: bool,
    ) -> CoreResult<OrgId> {
        let data = check_org(data)?;
        self.write(actor, "organisation.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let id = db_org::insert(tx, agency, &data, publish)
                .await
                .map_err(|e| duplicate(e, "name", &data.name))?;
            Ok(Change::new(
                permit,
                id,
                "organisation",
                id.0,
                json!({ "name": data.name, "kind": data.kind }),
            ))
        })
        .await
    }

    /// Changes an organisation's fields.
    pub async fn update_organisation(
        &self,
        actor: &Actor,
        id: OrgId,
        data: OrgData,
    ) -> CoreResult<()> {
        let data = check_org(data)?;
        self.write(actor, "organisation.updated", async |tx| {
            let current = db_org::get(tx, actor.viewer(), id).await?;
            let permit = policy::change_agency_records(actor, current.agency_id)?;
            db_org::update(tx, id, &data)
                .await
                .map_err(|e| duplicate(e, "name", &data.name))?;
            Ok(Change::new(
                permit,
                (),
                "organisation",
                id.0,
                json!({ "name": data.name }),
            ))
        })
        .await
    }

    /// Creates a person, optionally working for `org`.
    pub async fn create_person(
        &self,
        actor: &Actor,
        agency: AgencyId,
        org: Option<OrgId>,
        data: PersonData,
    ) -> CoreResult<PersonId> {
        let data = check_person(data)?;
        self.write(actor, "person.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            if let Some(o) = org {
                policy::belongs_to_agency(tx, Owned::Organisation, o.0, agency).await?;
            }
            let id = koop_db::person::insert(tx, agency, org, &data)
                .await
                .map_err(|e| {
                    duplicate(
                        e,
                        "email",
                        data.email.as_deref().unwrap_or(&data.family_name),
                    )
                })?;
            Ok(Change::new(
                permit,
                id,
                "person",
                id.0,
                json!({ "org_id": org }),
            ))
        })
        .await
    }

    /// Adds `member` to the network or cluster `group`.
    pub async fn add_member(
        &self,
        actor: &Actor,
        group: OrgId,
        member: OrgId,
        role: MemberRole,
        since: Option<NaiveDate>,
    ) -> CoreResult<MembershipId> {
        self.write(actor, "membership.created", async |tx| {
            let g = db_org::get(tx, actor.viewer(), group).await?;
            // A network's members may be other agencies' organisations, if the actor sees them.
            db_org::get(tx, actor.viewer(), member).await?;
            let permit = policy::change_agency_records(actor, g.agency_id)?;
            check_membership(g.data.kind, group, member)?;
            let id = koop_db::membership::insert(tx, g.agency_id, group, member, role, since)
                .await
                .map_err(|e| duplicate(e, "member", &member.to_string()))?;
            Ok(Change::new(
                permit,
                id,
                "membership",
                id.0,
                json!({ "group_id": group, "member_id": member, "role": role }),
            ))
        })
        .await
    }

    /// Changes a membership's role and dates; `until` ends it (the organisation left
    /// on that day), and it stays in the group's history.
    pub async fn change_membership(
        &self,
        actor: &Actor,
        id: MembershipId,
        role: MemberRole,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> CoreResult<OrgId> {
        koop_domain::membership::check_dates(since, until)?;
        self.write(actor, "membership.changed", async |tx| {
            let (group, member, agency) = koop_db::membership::sides(tx, id)
                .await
                .map_err(|_| CoreError::NotFound)?;
            let permit = policy::change_agency_records(actor, agency)?;
            koop_db::membership::update(tx, id, role, since, until).await?;
            Ok(Change::new(
                permit,
                group,
                "membership",
                id.0,
                json!({ "group_id": group, "member_id": member, "role": role, "since": since, "until": until }),
            ))
        })
        .await
    }

    /// A cluster manager declares that `ours` (their cluster) and `theirs` complement
    /// each other, so that their members are recommended to each other. The declaring
    /// agency, which must manage `ours`, owns the declaration.
    pub async fn declare_complement(
        &self,
        actor: &Actor,
        ours: OrgId,
        theirs: OrgId,
        rationale: &str,
    ) -> CoreResult<ComplementId> {
        let rationale = rationale.trim();
        self.write(actor, "cluster.complement_declared", async |tx| {
            let o = db_org::get(tx, actor.viewer(), ours).await?;
            let t = db_org::get(tx, actor.viewer(), theirs).await?;
            let permit = policy::change_agency_records(actor, o.agency_id)?;
            let (a, b) = check_complement((o.id, o.data.kind), (t.id, t.data.kind), rationale)?;
            let id = koop_db::complement::insert(tx, o.agency_id, a, b, rationale)
                .await
                .map_err(|e| duplicate(e, "cluster_b", &t.data.name))?;
            Ok(Change::new(
                permit,
                id,
                "cluster_complement",
                id.0,
                json!({ "cluster_a": a, "cluster_b": b, "rationale": rationale }),
            ))
        })
        .await
    }

    /// Shares one record of `owner` with `grantee`.
    pub async fn grant_access(
        &self,
        actor: &Actor,
        owner: AgencyId,
        grantee: AgencyId,
        subject_kind: &'static str,
        subject_id: i64,
    ) -> CoreResult<()> {
        let kind = Owned::parse(subject_kind).ok_or_else(|| {
            CoreError::field(koop_domain::DomainError::new(
                "subject_kind",
                "not_grantable",
                format!("records of kind '{subject_kind}' cannot be shared"),
            ))
        })?;
        self.write(actor, "access.granted", async |tx| {
            let permit = policy::change_agency_records(actor, owner)?;
            policy::belongs_to_agency(tx, kind, subject_id, owner).await?;
            koop_db::agency::grant(tx, owner, grantee, subject_kind, subject_id).await?;
            Ok(Change::new(
                permit,
                (),
                subject_kind,
                subject_id,
                json!({ "grantee_agency_id": grantee }),
            ))
        })
        .await
    }
}

/// Who may create which account: admins only by the platform; staff, organisers and
/// participants by the staff of their agency, for an event that agency runs and a
/// participant of that event.
async fn account_permit(
    tx: &mut koop_db::Conn,
    actor: &Actor,
    input: &AccountInput,
) -> CoreResult<policy::Permit> {
    let missing = |field: &'static str, why: &str| {
        CoreError::field(koop_domain::DomainError::new(field, "required", why))
    };
    if input.role == Role::PlatformAdmin {
        return policy::platform(actor);
    }
    let agency = input
        .agency
        .ok_or_else(|| missing("agency", "this role works for an agency"))?;
    let permit = policy::change_agency_records(actor, agency)?;
    if let Some(event) = input.event {
        let scope = koop_db::event::scope(tx, event).await?;
        if !scope.is_run_by(agency) {
            return Err(CoreError::NotFound);
        }
    }
    match (input.role, input.participant, input.event) {
        (Role::Participant, Some(p), Some(event)) => {
            policy::belongs_to_event(tx, koop_db::owner::EventChild::Participant, p.0, event)
                .await?;
        }
        (Role::Participant, _, _) => {
            return Err(missing(
                "participant",
                "a participant account needs its event and registration",
            ));
        }
        (_, Some(_), _) => {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "participant",
                "not_a_participant",
                "only participant accounts have a registration",
            )));
        }
        _ => {}
    }
    Ok(permit)
}

/// Normalises and checks an organisation's fields: lengths, and a website only with
/// `http` or `https` (an imported `javascript:` address must never become a link).
pub fn check_org(mut d: OrgData) -> CoreResult<OrgData> {
    let mut problems = Vec::new();
    check_org_texts(&mut d, &mut problems);
    if problems.is_empty() {
        Ok(d)
    } else {
        Err(CoreError::Invalid(problems))
    }
}

fn check_org_texts(d: &mut OrgData, problems: &mut Vec<FieldError>) {
    let mut keep = |r: Result<String, koop_domain::DomainError>| match r {
        Ok(v) => v,
        Err(e) => {
            problems.push(FieldError::from(e));
            String::new()
        }
    };
    d.name = keep(required_text("name", &d.name, 200));
    d.city = keep(optional_text("city", &d.city, 100));
    d.description = keep(optional_text("description", &d.description, 10_000));
    d.website = match d
        .website
        .as_deref()
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        None => None,
        Some(w) => match website(w) {
            Ok(w) => Some(w),
            Err(e) => {
                problems.push(e.into());
                None
            }
        },
    };
}

/// An organisation as a form or a file row gives it: text per field.
#[derive(Debug, Clone, Default)]
pub struct OrgFields<'a> {
    /// Name.
    pub name: &'a str,
    /// Kind (`company`, `cluster`, …); empty means company.
    pub kind: &'a str,
    /// ISO country code.
    pub country: &'a str,
    /// City.
    pub city: &'a str,
    /// NACE codes, separated by `|` or `,`.
    pub nace: &'a str,
    /// Size class, or empty.
    pub size: &'a str,
    /// Language codes, separated by `|` or `,`.
    pub languages: &'a str,
    /// Website.
    pub website: &'a str,
    /// Description.
    pub description: &'a str,
}

/// A login's fields, checked, with the password hashed.
pub(crate) struct CheckedLogin {
    pub(crate) email: String,
    pub(crate) name: String,
    pub(crate) language: String,
    pub(crate) hash: String,
}

/// Checks a new login's e-mail, name, password and language, and hashes the password.
pub(crate) fn check_login(
    mail: &str,
    display_name: &str,
    password: &str,
    ui_language: &str,
) -> CoreResult<CheckedLogin> {
    let mail = email(mail)?;
    let name = required_text("display_name", display_name, 200)?;
    if password.chars().count() < 8 {
        return Err(CoreError::field(koop_domain::DomainError::new(
            "password",
            "too_short",
            "a password needs at least 8 characters",
        )));
    }
    // Any ISO language: the web face uses it when its catalogue has that language,
    // so adding one is a folder of texts, not a change here.
    let lang = match ui_language.trim() {
        "" => koop_domain::values::LanguageCode::parse("de")?,
        l => koop_domain::values::LanguageCode::parse(l)?,
    };
    Ok(CheckedLogin {
        email: mail,
        name,
        language: lang.as_str().to_owned(),
        hash: crate::auth::hash_password(password)?,
    })
}

/// Parses and checks every field, returning every problem at once (each naming its
/// field and value), so a form can show them all beside their fields.
pub fn org_from_fields(f: &OrgFields<'_>) -> Result<OrgData, Vec<FieldError>> {
    use koop_domain::org::{OrgKind, OrgSize};
    use koop_domain::values::{CountryCode, LanguageCode, NaceCode};
    let mut problems: Vec<FieldError> = Vec::new();
    let mut fail = |e: koop_domain::DomainError| problems.push(e.into());
    let kind = match f.kind.trim() {
        "" => Some(OrgKind::Company),
        k => OrgKind::parse(&k.to_lowercase()).map_err(&mut fail).ok(),
    };
    let country = CountryCode::parse(f.country).map_err(&mut fail).ok();
    let nace: Vec<NaceCode> = crate::import::split_values(f.nace)
        .into_iter()
        .filter_map(|c| NaceCode::parse(c).map_err(&mut fail).ok())
        .collect();
    let size = match f.size.trim() {
        "" => None,
        s => OrgSize::parse(&s.to_lowercase()).map_err(&mut fail).ok(),
    };
    let languages: Vec<LanguageCode> = crate::import::split_values(f.languages)
        .into_iter()
        .filter_map(|c| LanguageCode::parse(c).map_err(&mut fail).ok())
        .collect();
    // A refused country is reported above; "ZZ" only lets the other fields be checked.
    let Some(country) = country.or_else(|| CountryCode::parse("ZZ").ok()) else {
        return Err(problems);
    };
    let mut data = OrgData {
        name: f.name.to_owned(),
        kind: kind.unwrap_or(OrgKind::Company),
        country,
        city: f.city.to_owned(),
        nace,
        size,
        languages,
        website: Some(f.website.to_owned()),
        description: f.description.to_owned(),
    };
    check_org_texts(&mut data, &mut problems);
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

/// Normalises and checks a person's fields.
pub fn check_person(mut d: PersonData) -> CoreResult<PersonData> {
    d.given_name = required_text("given_name", &d.given_name, 100)?;
    d.family_name = required_text("family_name", &d.family_name, 100)?;
    d.function = optional_text("function", &d.function, 200)?;
    d.phone = d
        .phone
        .map(|p| optional_text("phone", &p, 50))
        .transpose()?
        .filter(|p| !p.is_empty());
    d.email = d
        .email
        .filter(|e| !e.trim().is_empty())
        .map(|e| email(&e))
        .transpose()?;
    Ok(d)
}

/// Turns a unique violation into a field error naming the value.
fn duplicate(e: koop_db::DbError, field: &str, value: &str) -> CoreError {
    match e {
        koop_db::DbError::Conflict(_) => CoreError::Invalid(vec![crate::FieldError {
            line: None,
            field: field.to_owned(),
            code: "duplicate".into(),
            message: format!("'{value}' exists already"),
            params: Vec::new(),
        }]),
        other => other.into(),
    }
}
