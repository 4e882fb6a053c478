//! Calendar feeds: a participant's agenda at a URL a calendar app can poll without a
//! login. The URL carries a token derived from an installation secret and the
//! participant's id, so it needs no row of its own, can be shown again at any time,
//! and reads only that participant's meetings (policy: the token is the right).

use crate::{Actor, Core, CoreError, CoreResult};
use koop_db::meeting::MeetingView;
use koop_domain::ids::{EventId, ParticipantId};
use sha2::{Digest, Sha256};

const SECRET: &str = "agenda_feed";

fn derive(secret: &str, participant: ParticipantId) -> String {
    hex::encode(Sha256::digest(
        format!("koop-agenda-feed:{secret}:{participant}").as_bytes(),
    ))
}

/// Compares in constant time, so the answer's timing says nothing about the token.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Core {
    /// The installation's feed secret: created once in the database, then kept by each
    /// node (it never changes, and every agenda page needs it).
    async fn feed_secret(&self) -> CoreResult<String> {
        let secret = self
            .feed_secret
            .get_or_try_init(async || {
                let mut fresh = [0u8; 32];
                getrandom::fill(&mut fresh)
                    .map_err(|e| CoreError::Internal(format!("no randomness: {e}")))?;
                let mut conn = self.db.conn().await?;
                CoreResult::Ok(
                    koop_db::secret::get_or_create(&mut conn, SECRET, &hex::encode(fresh)).await?,
                )
            })
            .await?;
        Ok(secret.clone())
    }

    /// The feed token of `participant`, for those who see their agenda (the participant
    /// and the event's organisers).
    pub async fn agenda_feed_token(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> CoreResult<String> {
        let mut r = self.reader(actor).await?;
        // The inbox has the same readers as the agenda: the participant and organisers.
        r.inbox(participant).await?;
        drop(r);
        Ok(derive(&self.feed_secret().await?, participant))
    }

    /// A participant's meetings at `event`, for the bearer of their feed token; the
    /// event's title comes with them. A wrong token, or a participant of another event,
    /// is not found.
    pub async fn agenda_feed(
        &self,
        event: EventId,
        participant: ParticipantId,
        token: &str,
    ) -> CoreResult<(String, Vec<MeetingView>)> {
        if !same(&derive(&self.feed_secret().await?, participant), token) {
            return Err(CoreError::NotFound);
        }
        let mut conn = self.db.conn().await?;
        if koop_db::participant::event_of(&mut conn, participant).await? != event {
            return Err(CoreError::NotFound);
        }
        let ev = koop_db::event::get(&mut conn, event).await?;
        // An unpublished schedule is an empty calendar, as on the agenda page.
        let meetings = if ev.agenda_visible() {
            koop_db::meeting::meetings(&mut conn, event, Some(participant)).await?
        } else {
            vec![]
        };
        let title = ev.data.title;
        Ok((title, meetings))
    }
}
