//! Cross-cluster project ideas: recording one, its owners, the clusters it spans and
//! the partners who join, where it stands, and the partners the matchmaking engine
//! suggests for it from the members of those clusters.

use super::partners::{Suggested, rank_partners};
use crate::read::Reader;
use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_domain::DomainError;
use koop_domain::idea::{IdeaData, IdeaRole, IdeaStatus, ProjectIdea};
use koop_domain::ids::{AgencyId, OrgId, ProjectIdeaId};
use koop_domain::org::OrgKind;
use serde_json::json;
use std::collections::{BTreeMap, HashSet};

/// How many partners an idea's page suggests.
pub const SUGGESTED: usize = 12;

impl Core {
    /// Records an idea; `owners` lead it and `clusters` are the clusters it spans.
    pub async fn create_idea(
        &self,
        actor: &Actor,
        agency: AgencyId,
        data: IdeaData,
        owners: &[OrgId],
        clusters: &[OrgId],
    ) -> CoreResult<ProjectIdeaId> {
        data.check()?;
        self.write(actor, "project_idea.created", async |tx| {
            let permit = policy::change_agency_records(actor, agency)?;
            let id = koop_db::idea::insert(tx, agency, &data).await?;
            let roles = owners
                .iter()
                .map(|o| (*o, IdeaRole::Owner))
                .chain(clusters.iter().map(|c| (*c, IdeaRole::Cluster)));
            for (org, role) in roles {
                put(tx, actor, id, org, role).await?;
            }
            Ok(Change::new(
                permit,
                id,
                "project_idea",
                id.0,
                json!({ "title": data.title, "owners": owners, "clusters": clusters }),
            ))
        })
        .await
    }

    /// Puts an organisation the actor may see into an idea as owner, spanned cluster
    /// or partner.
    pub async fn put_idea_org(
        &self,
        actor: &Actor,
        idea: ProjectIdeaId,
        org: OrgId,
        role: IdeaRole,
    ) -> CoreResult<()> {
        self.write(actor, "project_idea.org_put", async |tx| {
            let permit = idea_permit(tx, actor, idea).await?;
            put(tx, actor, idea, org, role).await?;
            Ok(Change::new(
                permit,
                (),
                "project_idea",
                idea.0,
                json!({ "org_id": org, "role": role }),
            ))
        })
        .await
    }

    /// Takes an organisation's role in an idea away.
    pub async fn remove_idea_org(
        &self,
        actor: &Actor,
        idea: ProjectIdeaId,
        org: OrgId,
        role: IdeaRole,
    ) -> CoreResult<()> {
        self.write(actor, "project_idea.org_removed", async |tx| {
            let permit = idea_permit(tx, actor, idea).await?;
            if !koop_db::idea::remove_org(tx, idea, org, role).await? {
                return Err(CoreError::field(
                    DomainError::new(
                        "org",
                        "not_in_idea",
                        "the organisation has no such role in the idea",
                    )
                    .with("value", org.0.to_string()),
                ));
            }
            Ok(Change::new(
                permit,
                (),
                "project_idea",
                idea.0,
                json!({ "org_id": org, "role": role }),
            ))
        })
        .await
    }

    /// Records where an idea stands.
    pub async fn set_idea_status(
        &self,
        actor: &Actor,
        idea: ProjectIdeaId,
        status: IdeaStatus,
    ) -> CoreResult<()> {
        self.write(actor, "project_idea.status_set", async |tx| {
            let permit = idea_permit(tx, actor, idea).await?;
            koop_db::idea::set_status(tx, idea, status).await?;
            Ok(Change::new(
                permit,
                (),
                "project_idea",
                idea.0,
                json!({ "status": status }),
            ))
        })
        .await
    }
}

async fn idea_permit(
    tx: &mut koop_db::Conn,
    actor: &Actor,
    idea: ProjectIdeaId,
) -> CoreResult<policy::Permit> {
    let agency = koop_db::idea::agency_of(tx, idea)
        .await
        .map_err(|_| CoreError::NotFound)?;
    policy::change_agency_records(actor, agency)
}

/// Puts `org` into `idea`; a spanned cluster must be a cluster or a network (an
/// alliance such as an adhesive-technology network spans clusters too).
async fn put(
    tx: &mut koop_db::Conn,
    actor: &Actor,
    idea: ProjectIdeaId,
    org: OrgId,
    role: IdeaRole,
) -> CoreResult<()> {
    let o = koop_db::org::get(tx, actor.viewer(), org)
        .await
        .map_err(|_| {
            CoreError::field(
                DomainError::new("org", "unknown_organisation", "no such organisation")
                    .with("value", org.0.to_string()),
            )
        })?;
    if role == IdeaRole::Cluster && !o.data.kind.has_members() {
        return Err(CoreError::field(
            DomainError::new(
                "clusters",
                "not_a_cluster",
                format!("{} is not a cluster or network", o.data.name),
            )
            .with("value", o.data.name.clone()),
        ));
    }
    koop_db::idea::put_org(tx, idea, org, role).await?;
    Ok(())
}

/// A suggested partner and the clusters it is a member of.
#[derive(Debug, Clone, PartialEq)]
pub struct IdeaSuggestion {
    /// The engine's suggestion.
    pub partner: Suggested,
    /// The clusters of the candidates it is a member of, by name.
    pub clusters: Vec<String>,
}

/// Partners for `idea`: members of the clusters and networks it spans (of any when it
/// names none) who are not in it yet, ranked by its title and summary against what
/// they say of themselves and by how often they worked with its owners.
pub async fn idea_suggestions(
    reader: &mut Reader,
    idea: &ProjectIdea,
) -> CoreResult<Vec<IdeaSuggestion>> {
    let spanned: HashSet<OrgId> = idea.with_role(IdeaRole::Cluster).into_iter().collect();
    let mut clusters_of: BTreeMap<OrgId, Vec<String>> = BTreeMap::new();
    let mut memberships = reader.memberships_in(OrgKind::Cluster.as_str()).await?;
    memberships.extend(reader.memberships_in(OrgKind::Network.as_str()).await?);
    for m in memberships {
        if spanned.is_empty() || spanned.contains(&m.group_id) {
            clusters_of
                .entry(m.member_id)
                .or_default()
                .push(m.group_name);
        }
    }
    let inside: HashSet<OrgId> = idea.orgs.iter().map(|(o, _)| *o).collect();
    let owners: HashSet<OrgId> = idea.with_role(IdeaRole::Owner).into_iter().collect();
    let text = format!("{}. {}", idea.data.title, idea.data.summary);
    let ranked = rank_partners(reader, &text, &owners, SUGGESTED, |o| {
        !inside.contains(&o.id) && clusters_of.contains_key(&o.id)
    })
    .await?;
    Ok(ranked
        .into_iter()
        .map(|partner| IdeaSuggestion {
            clusters: clusters_of.get(&partner.org).cloned().unwrap_or_default(),
            partner,
        })
        .collect())
}
