//! Operations, one module per family of aggregates. Each public function is one
//! operation: check, write in one transaction, one audit entry.

pub mod calls;
pub mod co_organisers;
pub mod directory;
pub mod events;
pub mod follow_up;
pub mod ideas;
pub mod mailing;
pub mod meetings;
pub mod merging;
pub mod partners;
pub mod picking;
pub mod printouts;
pub mod profiles;
pub mod proposals;
pub mod registration;
pub mod settlements;
pub mod setup;
pub mod standby;
pub mod tables;
pub mod trips;
pub mod visits;
pub mod work;
