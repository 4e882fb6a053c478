//! Cross-cluster project ideas: what cluster managers want to start together, who owns
//! each idea, which clusters it spans, where it stands, and the partners who joined.

use crate::DomainError;
use crate::ids::{AgencyId, OrgId, ProjectIdeaId};
use crate::text_enum;
use crate::values::{optional_text, required_text};
use serde::{Deserialize, Serialize};

text_enum!(
    /// Where an idea stands.
    IdeaStatus, "status" {
        /// Proposed, nobody committed yet.
        Open = "open",
        /// The owners look for partners.
        Seeking = "seeking",
        /// The partners are found; the consortium stands.
        Formed = "formed",
        /// The project runs.
        Running = "running",
        /// Given up.
        Dropped = "dropped",
    }
);

text_enum!(
    /// How an organisation takes part in an idea.
    IdeaRole, "role" {
        /// Leads it (a cluster's management or a member company).
        Owner = "owner",
        /// A cluster the idea spans; its members are the first candidates.
        Cluster = "cluster",
        /// A partner who joined.
        Partner = "partner",
    }
);

/// The editable fields of an idea.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaData {
    /// Title ("Kleben statt Schweißen: Leichtbau-Batteriegehäuse").
    pub title: String,
    /// What the project would do; the engine matches partners against it.
    pub summary: String,
}

impl IdeaData {
    /// Checks the texts' lengths.
    pub fn check(&self) -> Result<(), DomainError> {
        required_text("title", &self.title, 300)?;
        optional_text("summary", &self.summary, 10_000)?;
        Ok(())
    }
}

/// An idea with the organisations in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectIdea {
    /// Id.
    pub id: ProjectIdeaId,
    /// The agency whose staff keep it.
    pub agency_id: AgencyId,
    /// Editable fields.
    #[serde(flatten)]
    pub data: IdeaData,
    /// Where it stands.
    pub status: IdeaStatus,
    /// Each organisation with how it takes part, in the order they were added; one
    /// organisation may take part in several roles (a network that owns the idea and
    /// is one of the groups it spans).
    pub orgs: Vec<(OrgId, IdeaRole)>,
}

impl ProjectIdea {
    /// The organisations that take part in `role`.
    pub fn with_role(&self, role: IdeaRole) -> Vec<OrgId> {
        self.orgs
            .iter()
            .filter(|(_, r)| *r == role)
            .map(|(o, _)| *o)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idea_needs_a_title_and_lists_its_roles_apart() {
        let mut idea = ProjectIdea {
            id: ProjectIdeaId(1),
            agency_id: AgencyId(1),
            data: IdeaData {
                title: "Kleben statt Schweißen".into(),
                summary: String::new(),
            },
            status: IdeaStatus::Open,
            orgs: vec![
                (OrgId(1), IdeaRole::Owner),
                (OrgId(2), IdeaRole::Cluster),
                (OrgId(3), IdeaRole::Cluster),
            ],
        };
        assert!(idea.data.check().is_ok());
        assert_eq!(idea.with_role(IdeaRole::Cluster), vec![OrgId(2), OrgId(3)]);
        assert!(idea.with_role(IdeaRole::Partner).is_empty());
        idea.data.title = " ".into();
        assert_eq!(idea.data.check().unwrap_err().field, "title");
        assert_eq!(IdeaStatus::parse("won").unwrap_err().field, "status");
    }
}
