//! A participant's meeting requests in one inbox: what came in, what went out, and the
//! answers they can give (accept, decline, withdraw; where the partner picks the time,
//! accepting is picking one of the times both have free). Organisers open anyone's.

use crate::error::AppError;
use crate::i18n::Arg;
use crate::pages::{Ctx, date_time_of, render, see_other_with_flash, slots};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koop_core::CoreError;
use koop_core::domain::ids::{EventId, MeetingRequestId, ParticipantId};
use koop_core::domain::meeting::RequestStatus;
use koop_core::domain::settings::SchedulingMode;
use koop_core::ops::meetings::RequestAnswer;
use koop_core::policy::EventAccess;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/inbox", get(show_inbox))
        .route("/events/{id}/requests/{request}", post(answer))
}

/// One request as the inbox shows it.
struct Item {
    id: i64,
    org_id: i64,
    org: String,
    country: String,
    message: String,
    when: String,
    status: String,
    status_code: &'static str,
    /// The answers this side may give, as (action, label).
    answers: Vec<(&'static str, String)>,
    /// Where the partners pick the time: the free slots of both, by session.
    slots: Vec<slots::SlotGroup>,
    /// Whether this side may accept at a time it picks (the receiver) or only propose.
    may_accept_at: bool,
    /// The time proposed, in words ("Ilze Ozola proposes …" / "You proposed …").
    proposal: Option<String>,
    /// The other side's proposal, as a slot this side may accept the request at.
    accept_proposal: Option<String>,
}

/// Received or sent requests.
struct Section {
    heading: String,
    empty: String,
    items: Vec<Item>,
}

#[derive(Template)]
#[template(path = "public/inbox.html")]
struct InboxPage {
    ctx: Ctx,
    id: i64,
    title: String,
    participant: i64,
    sections: Vec<Section>,
}

#[derive(Deserialize)]
struct InboxQuery {
    participant: Option<i64>,
}

/// The participant an inbox is for: the visitor themselves, or (for organisers) the
/// one they chose, who must take part in this event.
async fn whose(
    r: &mut koop_core::read::Reader,
    event: EventId,
    chosen: Option<i64>,
) -> Result<ParticipantId, AppError> {
    let (_, access) = r.event_access(event).await?;
    match access {
        EventAccess::Attend(me) => Ok(me),
        EventAccess::Manage => {
            let p = ParticipantId(chosen.ok_or_else(AppError::not_found)?);
            if r.participant(p).await?.event_id != event {
                return Err(AppError::not_found());
            }
            Ok(p)
        }
        EventAccess::Public => Err(CoreError::Forbidden.into()),
    }
}

async fn show_inbox(
    State(s): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    Query(q): Query<InboxQuery>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let event = EventId(id);
    let mut r = s.core.reader(&v.actor).await?;
    let participant = whose(&mut r, event, q.participant).await?;
    let ev = r.event(event).await?;
    let picks = ev.settings.scheduling_mode == SchedulingMode::PartnerPicks;
    let title = ev.data.title;
    let (mut received, mut sent) = (Vec::new(), Vec::new());
    let inbox = r.inbox(participant).await?;
    let open = |x: &koop_core::views::RequestView| x.status == RequestStatus::Proposed;
    // The times to pick, for every open request at once.
    let asked: Vec<_> = inbox
        .iter()
        .filter(|x| picks && open(x))
        .map(|x| x.id)
        .collect();
    let mut free = r.free_slots_of_requests(&asked).await?.into_iter();
    for x in inbox {
        let slots = if picks && open(&x) {
            slots::groups(&ctx, v.lang, free.next().unwrap_or_default())
        } else {
            vec![]
        };
        let mine = x.proposal.is_some_and(|p| p.by == participant);
        let proposal = x.proposal.map(|p| {
            let time = crate::pages::day_time(v.lang, p.starts_at);
            if mine {
                ctx.texts()
                    .with("inbox-you_proposed", vec![("time", Arg::from(time))])
            } else {
                ctx.texts().with(
                    "inbox-they_proposed",
                    vec![
                        ("org", Arg::from(x.other_org_name.clone())),
                        ("time", Arg::from(time)),
                    ],
                )
            }
        });
        let accept_proposal = x
            .proposal
            .filter(|_| !mine && open(&x))
            .map(|p| slots::value(p.session, p.starts_at));
        let answers: Vec<&'static str> = match (x.sent, x.status) {
            // With a free time to pick, accepting is picking one.
            (false, RequestStatus::Proposed) if picks => vec!["decline"],
            (false, RequestStatus::Proposed) => vec!["accept", "decline"],
            (false, RequestStatus::Accepted) => vec!["decline"],
            (true, RequestStatus::Proposed | RequestStatus::Accepted) => vec!["withdraw"],
            _ => vec![],
        };
        let item = Item {
            id: x.id.0,
            org_id: x.other_org_id.0,
            org: x.other_org_name,
            country: x.other_country,
            message: x.message,
            when: date_time_of(v.lang, &x.created_at),
            status: ctx.kind("request", x.status.as_str()),
            status_code: x.status.as_str(),
            answers: answers
                .into_iter()
                .map(|a| (a, ctx.t(&format!("inbox-{a}"))))
                .collect(),
            slots,
            may_accept_at: !x.sent,
            proposal,
            accept_proposal,
        };
        if x.sent {
            sent.push(item);
        } else {
            received.push(item);
        }
    }
    let sections = vec![
        Section {
            heading: ctx.t("inbox-received"),
            empty: ctx.t("inbox-none_received"),
            items: received,
        },
        Section {
            heading: ctx.t("inbox-sent"),
            empty: ctx.t("inbox-none_sent"),
            items: sent,
        },
    ];
    render(InboxPage {
        ctx,
        id,
        title,
        participant: participant.0,
        sections,
    })
}

#[derive(Deserialize)]
struct AnswerForm {
    answer: String,
    /// The picked time, for `accept_at` and `propose`.
    #[serde(default)]
    slot: String,
    /// Whose inbox to go back to (organisers answer for participants).
    #[serde(default)]
    participant: Option<i64>,
}

/// Accepts, declines or withdraws a request; the core checks that the visitor is the
/// side that may, and that nobody answered meanwhile.
async fn answer(
    State(s): State<AppState>,
    v: Visitor,
    Path((id, request)): Path<(i64, i64)>,
    Form(f): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let (event, request) = (EventId(id), MeetingRequestId(request));
    if f.answer == "propose" {
        let (session, starts_at) = slots::parse(&f.slot)?;
        let side = whose_side(&s, &v, event, f.participant).await?;
        s.core
            .propose_time(&v.actor, event, request, side, session, starts_at)
            .await?;
        return Ok(see_other_with_flash(
            &crate::paths::event_inbox(id, f.participant),
            "flash-time_proposed",
        ));
    }
    if f.answer == "accept_at" {
        let (session, starts_at) = slots::parse(&f.slot)?;
        s.core
            .accept_at(&v.actor, event, request, session, starts_at)
            .await?;
        return Ok(see_other_with_flash(
            &crate::paths::event_inbox(id, f.participant),
            "flash-meeting_placed",
        ));
    }
    let answer = match f.answer.as_str() {
        "accept" => RequestAnswer::Accept,
        "decline" => RequestAnswer::Decline,
        "withdraw" => RequestAnswer::Withdraw,
        other => {
            return Err(AppError::bad_request(
                "answer",
                "invalid_choice",
                format!("'{other}' is not accept, accept_at, propose, decline or withdraw"),
            ));
        }
    };
    s.core
        .answer_request(&v.actor, event, request, answer)
        .await?;
    let flash = match answer {
        RequestAnswer::Accept => "flash-request_accepted",
        RequestAnswer::Decline => "flash-request_declined",
        RequestAnswer::Withdraw => "flash-request_withdrawn",
    };
    Ok(see_other_with_flash(
        &crate::paths::event_inbox(id, f.participant),
        flash,
    ))
}

/// The side a proposal is made for: the visitor's own registration, or (for
/// organisers) the participant whose inbox they answer from.
async fn whose_side(
    s: &AppState,
    v: &Visitor,
    event: EventId,
    chosen: Option<i64>,
) -> Result<ParticipantId, AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    whose(&mut r, event, chosen).await
}
