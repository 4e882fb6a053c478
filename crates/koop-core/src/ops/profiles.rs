//! Cooperation profiles: what an organisation offers or seeks, written by the
//! participant it describes, by the event's organisers or by agency staff. A form's
//! text fields are read by [`profile_from_fields`], which reports every problem at once.

use crate::{Actor, Change, Core, CoreError, CoreResult, FieldError, policy};
use koop_db::owner::Owned;
pub use koop_db::profile::ProfileOwner;
use koop_domain::ids::ProfileId;
use koop_domain::profile::{ProfileData, ProfileKind, ProfileStatus};
use koop_domain::task::Task;
use koop_domain::values::{CountryCode, LanguageCode, NaceCode};
use serde_json::json;

/// A profile's fields as a form sends them: lists separated by commas.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProfileFields<'a> {
    /// `BO`, `BR`, `TO`, `TR`, `RDR` or `INV`.
    pub kind: &'a str,
    /// Title.
    pub title: &'a str,
    /// One-paragraph summary.
    pub summary: &'a str,
    /// Full description.
    pub description: &'a str,
    /// The language it is written in (ISO code).
    pub language: &'a str,
    /// NACE codes.
    pub nace: &'a str,
    /// Keywords, separated by commas (a keyword may have spaces).
    pub keywords: &'a str,
    /// Countries where partners are sought (ISO codes; empty = anywhere).
    pub countries_sought: &'a str,
    /// Languages the author can meet in.
    pub languages: &'a str,
    /// Valid until (`2026-12-31`), or empty.
    pub deadline: &'a str,
}

/// Parses and checks every field, returning every problem at once.
pub fn profile_from_fields(f: &ProfileFields<'_>) -> Result<ProfileData, Vec<FieldError>> {
    let mut problems: Vec<FieldError> = Vec::new();
    // A code's error names the code's own field ("country"); here it is a list's.
    let mut fail_in = |field: &str, e: koop_domain::DomainError| {
        let mut e = FieldError::from(e);
        e.field = field.to_owned();
        problems.push(e);
    };
    let kind = ProfileKind::parse(f.kind.trim())
        .map_err(|e| fail_in("kind", e))
        .ok();
    let language = LanguageCode::parse(f.language)
        .map_err(|e| fail_in("language", e))
        .ok();
    let codes = |text: &str| -> Vec<String> {
        crate::import::split_values(text)
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    let nace: Vec<NaceCode> = codes(f.nace)
        .into_iter()
        .filter_map(|c| NaceCode::parse(&c).map_err(|e| fail_in("nace", e)).ok())
        .collect();
    let countries_sought: Vec<CountryCode> = codes(f.countries_sought)
        .into_iter()
        .filter_map(|c| {
            CountryCode::parse(&c)
                .map_err(|e| fail_in("countries_sought", e))
                .ok()
        })
        .collect();
    let languages: Vec<LanguageCode> = codes(f.languages)
        .into_iter()
        .filter_map(|c| {
            LanguageCode::parse(&c)
                .map_err(|e| fail_in("languages", e))
                .ok()
        })
        .collect();
    let deadline = match f.deadline.trim() {
        "" => None,
        d => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push(
                    FieldError::new("deadline", "invalid_date", format!("'{d}' is not a date"))
                        .with("value", d),
                );
                None
            }
        },
    };
    let keywords: Vec<String> = f
        .keywords
        .split([',', ';', '|', '\n'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect();
    let (Some(kind), Some(language)) = (kind, language) else {
        return Err(problems);
    };
    let data = ProfileData {
        kind,
        title: f.title.trim().to_owned(),
        summary: f.summary.trim().to_owned(),
        description: f.description.trim().to_owned(),
        language,
        nace,
        keywords,
        countries_sought,
        languages,
        deadline,
    };
    if let Err(e) = data.check() {
        problems.push(e.into());
    }
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

impl Core {
    /// Writes a cooperation profile for an organisation, optionally at an event: by
    /// staff of the agency, by the event's organisers, or by the participant it
    /// describes.
    pub async fn create_profile(
        &self,
        actor: &Actor,
        owner: ProfileOwner,
        status: ProfileStatus,
        data: ProfileData,
    ) -> CoreResult<ProfileId> {
        data.check()?;
        let id = self
            .write(actor, "profile.created", async |tx| {
                let permit = profile_permit(tx, actor, owner).await?;
                let id = koop_db::profile::insert(tx, owner, status, &data).await?;
                // The vector is a job after the commit: an unreachable embedding
                // service must not cost the author their profile.
                if let Some(event) = owner.event {
                    self.queue_embedding_refresh(tx, owner.agency, event)
                        .await?;
                }
                Ok(Change::new(
                    permit,
                    id,
                    "profile",
                    id.0,
                    json!({ "kind": data.kind, "org_id": owner.org }),
                ))
            })
            .await?;
        self.wake_worker();
        Ok(id)
    }

    /// Replaces a profile's fields; by whoever may write it (see [`Core::create_profile`]).
    pub async fn update_profile(
        &self,
        actor: &Actor,
        id: ProfileId,
        data: ProfileData,
    ) -> CoreResult<()> {
        data.check()?;
        self.write(actor, "profile.updated", async |tx| {
            let (current, agency) = koop_db::profile::get(tx, id).await?;
            let owner = owner_of(&current, agency);
            let permit = profile_permit(tx, actor, owner).await?;
            koop_db::profile::update(tx, id, &data).await?;
            if let Some(event) = owner.event {
                self.queue_embedding_refresh(tx, agency, event).await?;
            }
            Ok(Change::new(
                permit,
                (),
                "profile",
                id.0,
                json!({ "kind": data.kind, "title": data.title }),
            ))
        })
        .await?;
        self.wake_worker();
        Ok(())
    }

    /// Publishes a profile (`true`) or takes it off the marketplace (`false`); asking
    /// for the status it already has changes nothing.
    pub async fn set_profile_published(
        &self,
        actor: &Actor,
        id: ProfileId,
        published: bool,
    ) -> CoreResult<ProfileStatus> {
        self.write(actor, "profile.status_changed", async |tx| {
            let (current, agency) = koop_db::profile::get(tx, id).await?;
            let permit = profile_permit(tx, actor, owner_of(&current, agency)).await?;
            let next = match (published, current.status) {
                // A second tap on a slow phone changes nothing, and is no error.
                (true, ProfileStatus::Published) | (false, ProfileStatus::Archived) => {
                    current.status
                }
                (true, s) => s.publish()?,
                (false, s) => s.archive()?,
            };
            koop_db::profile::set_status(tx, id, next).await?;
            Ok(Change::new(
                permit,
                next,
                "profile",
                id.0,
                json!({ "from": current.status, "to": next }),
            ))
        })
        .await
    }
}

fn owner_of(p: &koop_domain::profile::Profile, agency: koop_domain::ids::AgencyId) -> ProfileOwner {
    ProfileOwner {
        agency,
        org: p.org_id,
        event: p.event_id,
        participant: p.participant_id,
    }
}

/// Checks every id of a profile's owner against the tenant the rights check used.
async fn profile_permit(
    tx: &mut koop_db::Conn,
    actor: &Actor,
    owner: ProfileOwner,
) -> CoreResult<policy::Permit> {
    let permit = match (owner.event, owner.participant) {
        (Some(event), Some(p)) => {
            let permit = policy::act_for(tx, actor, event, p).await?;
            let registered = koop_db::participant::get(tx, p).await?;
            if registered.org_id != owner.org {
                return Err(CoreError::NotFound);
            }
            permit
        }
        (Some(event), None) => policy::manage_event(tx, actor, event, Task::Registrations).await?,
        (None, Some(_)) => {
            return Err(CoreError::field(koop_domain::DomainError::new(
                "event",
                "required",
                "a participant's profile belongs to their event",
            )));
        }
        (None, None) => policy::change_agency_records(actor, owner.agency)?,
    };
    if permit.agency() != Some(owner.agency) {
        return Err(CoreError::NotFound);
    }
    if owner.participant.is_none() {
        policy::belongs_to_agency(tx, Owned::Organisation, owner.org.0, owner.agency).await?;
    }
    Ok(permit)
}
