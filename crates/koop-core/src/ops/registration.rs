//! People registering themselves at an event: their organisation, themselves, their
//! login, their answers to the event's questions and their consent to its terms, all
//! in one transaction, so a refused registration leaves nothing behind.

use super::directory::{OrgFields, check_login, check_person, org_from_fields};
use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_db::account::NewAccount;
use koop_domain::account::Role;
use koop_domain::event::{ParticipantRole, ParticipantStatus};
use koop_domain::ids::{AccountId, EventId, ParticipantId};
use koop_domain::person::{Consent, PersonData};
use koop_domain::settings::Answer;
use koop_domain::values::{LanguageCode, optional_text};
use serde_json::json;
use sha2::{Digest, Sha256};

/// A registration as the form gives it: text per field.
#[derive(Debug, Clone, Default)]
pub struct RegistrationForm<'a> {
    /// The organisation they represent.
    pub org: OrgFields<'a>,
    /// Given name.
    pub given_name: &'a str,
    /// Family name.
    pub family_name: &'a str,
    /// Job title.
    pub function: &'a str,
    /// Phone.
    pub phone: &'a str,
    /// Languages they meet in, separated by commas.
    pub languages: &'a str,
    /// Login e-mail, also their contact e-mail.
    pub email: &'a str,
    /// Password in clear.
    pub password: &'a str,
    /// UI and e-mail language.
    pub ui_language: &'a str,
    /// One answer per question of the event, in order.
    pub answers: Vec<&'a str>,
    /// Whether they ticked the consent box.
    pub consent: bool,
    /// The version of the terms the form showed them.
    pub terms_version: i64,
}

/// The field a registration question's answer has on the form (`answer_1`, …).
pub fn answer_field(index: usize) -> String {
    format!("answer_{}", index + 1)
}

impl Core {
    /// Registers a person at an event whose registration is open, with a participant
    /// login. Every problem with the form is reported at once; nothing is written
    /// unless everything is right. Returns the registration and the new login.
    pub async fn register_self(
        &self,
        actor: &Actor,
        event: EventId,
        form: RegistrationForm<'_>,
    ) -> CoreResult<(ParticipantId, AccountId)> {
        let mut problems: Vec<FieldError> = Vec::new();
        let org = org_from_fields(&form.org)
            .map_err(|p| problems.extend(p))
            .ok();
        let languages: Vec<LanguageCode> = crate::import::split_values(form.languages)
            .into_iter()
            .filter_map(|c| {
                LanguageCode::parse(c)
                    .map_err(|e| problems.push(e.into()))
                    .ok()
            })
            .collect();
        let person = check_person(PersonData {
            given_name: form.given_name.to_owned(),
            family_name: form.family_name.to_owned(),
            function: form.function.to_owned(),
            email: Some(form.email.to_owned()),
            phone: Some(form.phone.to_owned()),
            languages,
            consent: Consent::Given,
        })
        .map_err(|e| collect(&mut problems, e))
        .ok();
        let answers: Vec<String> = form
            .answers
            .iter()
            .enumerate()
            .filter_map(|(i, a)| match optional_text("answer", a, 2_000) {
                Ok(a) if a.is_empty() => {
                    problems.push(FieldError::new(
                        &answer_field(i),
                        "required",
                        "please answer this question",
                    ));
                    None
                }
                Ok(a) => Some(a),
                Err(e) => {
                    let mut e = FieldError::from(e);
                    e.field = answer_field(i);
                    problems.push(e);
                    None
                }
            })
            .collect();
        if !form.consent {
            problems.push(FieldError::new(
                "consent",
                "consent_required",
                "registration needs your consent to the terms",
            ));
        }
        // The login last: hashing the password is slow, and pointless for a form that
        // goes back anyway.
        let login = if problems.is_empty() {
            check_login(
                form.email,
                &format!("{} {}", form.given_name.trim(), form.family_name.trim()),
                form.password,
                form.ui_language,
            )
            .map_err(|e| collect(&mut problems, e))
            .ok()
        } else {
            None
        };
        let (Some(org), Some(person), Some(login), true) =
            (org, person, login, problems.is_empty())
        else {
            return Err(CoreError::Invalid(problems));
        };
        self.write(actor, "participant.self_registered", async |tx| {
            let (permit, ev) = policy::register_self(tx, actor, event).await?;
            let settings = &ev.settings;
            if form.terms_version != settings.terms_version {
                return Err(CoreError::conflict(
                    "terms_changed",
                    "the terms changed while you filled in the form; read them again",
                ));
            }
            if settings.questions.len() != answers.len() {
                return Err(CoreError::conflict(
                    "questions_changed",
                    "the questions changed while you filled in the form",
                ));
            }
            let agency = ev.agency_id;
            let mail = person.email.clone().unwrap_or_default();
            if koop_db::person::find_by_key(tx, agency, &mail)
                .await?
                .is_some()
            {
                return Err(CoreError::Invalid(vec![
                    FieldError::new(
                        "email",
                        "known_contact",
                        format!(
                            "{mail} is in the organisers' directory already; ask them to register you"
                        ),
                    )
                    .with("value", &mail),
                ]));
            }
            // Colleagues register one by one; the second finds the company there.
            let org_id =
                match koop_db::org::find_by_key(tx, agency, &koop_db::org::match_key(&org)).await? {
                    Some(id) => id,
                    None => koop_db::org::insert(tx, agency, &org, false).await?,
                };
            let person_id = koop_db::person::insert(tx, agency, Some(org_id), &person).await?;
            let participant = koop_db::participant::insert(
                tx,
                event,
                person_id,
                org_id,
                ParticipantRole::Delegate,
                ParticipantStatus::Registered,
            )
            .await?;
            let answered: Vec<Answer> = settings
                .questions
                .iter()
                .zip(&answers)
                .map(|(q, a)| Answer {
                    question: q.clone(),
                    answer: a.clone(),
                })
                .collect();
            koop_db::participant::set_answers(tx, participant, &answered).await?;
            koop_db::consent::record(
                tx,
                person_id,
                Some(event),
                koop_db::consent::EVENT_TERMS,
                settings.terms_version,
                &hex::encode(Sha256::digest(settings.terms.as_bytes())),
            )
            .await?;
            let account = koop_db::account::insert(
                tx,
                &NewAccount {
                    email: &login.email,
                    display_name: &login.name,
                    password_hash: &login.hash,
                    role: Role::Participant,
                    agency: Some(agency),
                    participant: Some(participant),
                    event: Some(event),
                    ui_language: &login.language,
                },
            )
            .await
            .map_err(|e| match e {
                koop_db::DbError::Conflict(_) => CoreError::Invalid(vec![
                    FieldError::new(
                        "email",
                        "taken",
                        format!("an account with e-mail {} exists already", login.email),
                    )
                    .with("value", &login.email),
                ]),
                other => other.into(),
            })?;
            Ok(Change::new(
                permit,
                (participant, account),
                "participant",
                participant.0,
                json!({ "event_id": event, "org_id": org_id, "terms_version": settings.terms_version }),
            ))
        })
        .await
    }
}

/// Adds a refusal's field problems to the form's; anything else is kept as one.
fn collect(problems: &mut Vec<FieldError>, e: CoreError) {
    match e {
        CoreError::Invalid(p) => problems.extend(p),
        other => problems.push(FieldError::new("", "invalid", other.to_string())),
    }
}
