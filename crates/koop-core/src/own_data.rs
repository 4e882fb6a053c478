//! A participant's own data: all of it as JSON to download, and the erasure of their
//! account and personal data. The event keeps their organisation's meetings, requests
//! and ratings, so its figures still add up; the person behind them is gone.

use crate::{Actor, Change, Core, CoreError, CoreResult, policy};
use koop_domain::account::Viewer;
use serde_json::json;

impl Core {
    /// Everything koop holds about the logged-in participant, as JSON.
    pub async fn own_data(&self, actor: &Actor) -> CoreResult<serde_json::Value> {
        let Some(account) = actor.logged_in() else {
            return Err(CoreError::Forbidden);
        };
        let mut data = json!({
            "account": {
                "email": account.email,
                "display_name": account.display_name,
                "role": account.role,
                "ui_language": account.ui_language,
            }
        });
        if let Viewer::Participant { event, participant } = actor.viewer() {
            let mut r = self.reader(actor).await?;
            let me = r.participant(participant).await?;
            let ev = r.event(event).await?;
            // The organisation they registered for is theirs to see even while it is
            // unpublished (a self-registered one is, until the organisers publish it).
            let org = koop_db::org::get(r.conn(), Viewer::Platform, me.org_id)
                .await
                .ok();
            let person = match me.person_id {
                Some(p) => Some(koop_db::person::get_own(r.conn(), p).await?),
                None => None,
            };
            let profiles: Vec<_> = r
                .event_profiles(event)
                .await?
                .into_iter()
                .filter(|p| p.participant_id == Some(participant) || p.org_id == me.org_id)
                .collect();
            data["participation"] = json!({
                "event": { "id": ev.id, "title": ev.data.title },
                "registration": me,
                "person": person,
                "organisation": org,
                "profiles": profiles,
                "requests": r.inbox(participant).await?,
                "meetings": r.meetings(event, Some(participant)).await?,
                "ratings": r.ratings_of(participant).await?,
                "follow_up": r
                    .follow_up_of(participant)
                    .await?
                    .into_iter()
                    .map(|(m, stage, note)| json!({ "meeting": m, "stage": stage, "note": note }))
                    .collect::<Vec<_>>(),
            });
        }
        Ok(data)
    }

    /// Erases the logged-in participant's account and personal data, after checking
    /// their password again.
    pub async fn erase_own_account(&self, actor: &Actor, password: &str) -> CoreResult<()> {
        let Some(account) = actor.logged_in() else {
            return Err(CoreError::Forbidden);
        };
        let Viewer::Participant { event, participant } = actor.viewer() else {
            // Staff accounts are closed by their agency, not by themselves.
            return Err(CoreError::Forbidden);
        };
        let mut conn = self.db.conn().await?;
        let hash = koop_db::account::by_email(&mut conn, &account.email)
            .await?
            .map(|(_, h)| h)
            .ok_or(CoreError::NotFound)?;
        drop(conn);
        if !crate::auth::verify_password(password, &hash) {
            return Err(CoreError::BadCredentials);
        }
        let id = account.id;
        self.write(actor, "account.erased", async |tx| {
            let permit = policy::act_for(tx, actor, event, participant).await?;
            let me = koop_db::participant::get(tx, participant).await?;
            koop_db::account::erase(tx, id).await?;
            koop_db::follow_up::clear_notes(tx, participant).await?;
            if let Some(person) = me.person_id {
                koop_db::person::erase(tx, person).await?;
            }
            Ok(Change::new(
                permit,
                (),
                "account",
                id.0,
                json!({ "participant": participant }),
            ))
        })
        .await
    }
}
