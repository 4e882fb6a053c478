//! The audit log: one entry per change of state, written in the same transaction.

use crate::ids::{AccountId, AgencyId, AuditId};
use serde::{Deserialize, Serialize};

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Id.
    pub id: AuditId,
    /// The agency in whose data the change happened.
    pub agency_id: Option<AgencyId>,
    /// Who did it (none for the system, e.g. the demo loader or an import on the CLI).
    pub actor_id: Option<AccountId>,
    /// A dotted action name, e.g. `meeting.request.accepted`.
    pub action: String,
    /// The kind of subject, e.g. `organisation`.
    pub subject_kind: String,
    /// The subject's id.
    pub subject_id: i64,
    /// Details as JSON text (the domain keeps it opaque).
    pub data: String,
    /// When, RFC 3339 UTC.
    pub at: String,
}
