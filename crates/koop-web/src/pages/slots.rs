//! Free slots in a form: a select grouped by session, and reading the picked one back.

use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::pages::{Ctx, day_time};
use chrono::NaiveDateTime;
use koop_core::domain::ids::SessionId;
use koop_core::ops::picking::FreeSlot;

/// A session's free slots, as (value, label).
pub struct SlotGroup {
    pub session: String,
    pub options: Vec<(String, String)>,
}

/// The slots by session, in time order, each labelled with its time and table.
pub fn groups(ctx: &Ctx, lang: Lang, slots: Vec<FreeSlot>) -> Vec<SlotGroup> {
    let mut out: Vec<SlotGroup> = Vec::new();
    for f in slots {
        let option = (
            value(f.session, f.starts_at),
            ctx.texts().with(
                "inbox-slot",
                vec![
                    ("time", Arg::from(day_time(lang, f.starts_at))),
                    ("table", Arg::from(f.table)),
                ],
            ),
        );
        match out.last_mut() {
            Some(g) if g.session == f.session_title => g.options.push(option),
            _ => out.push(SlotGroup {
                session: f.session_title,
                options: vec![option],
            }),
        }
    }
    out
}

/// A slot as the form sends it: the session and the start, `12@2019-04-03T10:20`.
pub fn value(session: SessionId, starts_at: NaiveDateTime) -> String {
    format!("{}@{}", session.0, starts_at.format("%Y-%m-%dT%H:%M"))
}

/// Reads a slot back; a value that is not one names itself in the error.
pub fn parse(value: &str) -> Result<(SessionId, NaiveDateTime), AppError> {
    value
        .split_once('@')
        .and_then(|(s, t)| {
            Some((
                SessionId(s.parse().ok()?),
                NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok()?,
            ))
        })
        .ok_or_else(|| {
            AppError::bad_request(
                "slot",
                "invalid_slot",
                format!("'{value}' is not one of the times offered"),
            )
        })
}
