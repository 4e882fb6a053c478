//! Merging duplicates in an agency's directory, and archiving organisations: the same company registered at three
//! events becomes one organisation with everything the three took part in.

use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_db::owner::Owned;
use koop_domain::DomainError;
use koop_domain::ids::{AgencyId, OrgId};
use serde_json::json;

impl Core {
    /// Archives an organisation of the actor's agency (it leaves lists and choices;
    /// what it took part in stays), or restores it.
    pub async fn archive_organisation(
        &self,
        actor: &Actor,
        id: OrgId,
        archived: bool,
    ) -> CoreResult<()> {
        let action = if archived {
            "organisation.archived"
        } else {
            "organisation.restored"
        };
        self.write(actor, action, async |tx| {
            let current = koop_db::org::get(tx, actor.viewer(), id).await?;
            let permit = policy::change_agency_records(actor, current.agency_id)?;
            koop_db::merge::set_archived(tx, id, archived).await?;
            Ok(Change::new(
                permit,
                (),
                "organisation",
                id.0,
                json!({ "name": current.data.name, "archived": archived }),
            ))
        })
        .await
    }

    /// Merges `duplicate` into `keep`, both of `agency`'s directory: every reference
    /// moves to `keep`, and `duplicate` stays only as a pointer to it (its audit trail
    /// and old links still resolve). Returns how many references moved, per table.
    pub async fn merge_organisations(
        &self,
        actor: &Actor,
        agency: AgencyId,
        keep: OrgId,
        duplicate: OrgId,
    ) -> CoreResult<Vec<(&'static str, u64)>> {
        if keep == duplicate {
            return Err(CoreError::field(DomainError::new(
                "duplicate",
                "merge_with_itself",
                "an organisation cannot be merged with itself",
            )));
        }
        self.write(actor, "organisation.merged", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            for id in [keep, duplicate] {
                policy::belongs_to_agency(tx, Owned::Organisation, id.0, agency).await?;
                if koop_db::merge::merged_into(tx, id).await?.is_some() {
                    return Err(CoreError::field(
                        DomainError::new(
                            "duplicate",
                            "already_merged",
                            format!("organisation {id} was merged already"),
                        )
                        .with("value", id.0.to_string()),
                    ));
                }
            }
            let kept = koop_db::org::get(tx, actor.viewer(), keep).await?;
            let gone = koop_db::org::get(tx, actor.viewer(), duplicate).await?;
            let moved = koop_db::merge::merge(tx, keep, duplicate).await?;
            let data = json!({
                "kept": { "id": keep, "name": kept.data.name },
                "merged": { "id": duplicate, "name": gone.data.name },
                "moved": moved.iter().map(|(t, n)| json!({ "table": t, "rows": n })).collect::<Vec<_>>(),
            });
            Ok(Change::new(permit, moved, "organisation", keep.0, data))
        })
        .await
    }
}
