//! The organisations that co-organise an event, and what the owner lets each one's
//! staff do there. The owning agency's staff do everything; a co-organiser's staff
//! (the accounts of the agency the organisation is in koop) do the tasks granted.

use crate::read::Reader;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_domain::account::Role;
use koop_domain::ids::{AgencyId, EventId, OrgId};
use koop_domain::task::Tasks;
use serde_json::json;

/// One organising organisation of an event.
#[derive(Debug, Clone, PartialEq)]
pub struct CoOrganiser {
    /// The organisation.
    pub org: OrgId,
    /// Its name.
    pub name: String,
    /// The agency it is in koop, whose accounts are its staff; none for an
    /// organisation that is only named.
    pub agency: Option<AgencyId>,
    /// Whether it is the owning agency (which does everything).
    pub owner: bool,
    /// What its staff may do.
    pub tasks: Tasks,
    /// Its staff: (name, e-mail, role).
    pub staff: Vec<(String, String, Role)>,
}

impl Reader {
    /// An event's organising organisations in order, with their staff and tasks;
    /// for those who manage it.
    pub async fn co_organisers(&mut self, event: EventId) -> CoreResult<Vec<CoOrganiser>> {
        self.require_manage(event).await?;
        let owner = koop_db::event::scope(self.conn(), event).await?.agency;
        let rows = koop_db::event::organisers(self.conn(), event).await?;
        let ids: Vec<OrgId> = rows.iter().map(|(o, _, _)| *o).collect();
        let names = koop_db::org::names(self.conn(), &ids).await?;
        let mut out = Vec::with_capacity(rows.len());
        for (org, agency, tasks) in rows {
            let staff = match agency {
                Some(a) => koop_db::account::staff_of(self.conn(), a)
                    .await?
                    .into_iter()
                    .map(|x| (x.display_name, x.email, x.role))
                    .collect(),
                None => vec![],
            };
            let owner = agency == Some(owner);
            out.push(CoOrganiser {
                org,
                name: names
                    .iter()
                    .find(|(id, _, _)| *id == org)
                    .map(|(_, n, _)| n.clone())
                    .unwrap_or_default(),
                agency,
                owner,
                tasks: if owner { Tasks::all() } else { tasks },
                staff,
            });
        }
        Ok(out)
    }
}

impl Core {
    /// Sets what the staff of co-organiser `org` may do at `event`. For the event's
    /// owner only: a co-organiser cannot widen its own rights.
    pub async fn set_co_organiser_tasks(
        &self,
        actor: &Actor,
        event: EventId,
        org: OrgId,
        tasks: Tasks,
    ) -> CoreResult<()> {
        self.write(actor, "event.co_organiser_tasks_set", async |tx| {
            let permit = policy::own_event(tx, actor, event).await?;
            if !koop_db::event::set_organiser_tasks(tx, event, org, tasks).await? {
                return Err(CoreError::NotFound);
            }
            Ok(Change::new(
                permit,
                (),
                "event",
                event.0,
                json!({ "org_id": org, "tasks": tasks.to_text() }),
            ))
        })
        .await
    }
}
