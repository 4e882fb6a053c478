//! E-mail to the people an operation concerns: a request received or answered, a
//! schedule published, a message from the organisers.
//!
//! An operation queues each mail as a job in its own transaction, so a mail exists
//! exactly when the change it reports does, and a failed SMTP server costs nobody
//! their change. The job holds the recipient, their language and a [`Notice`] with
//! the facts as they were at the change; the worker words it in the recipient's
//! language with the [`Composer`] the web face provides (the text catalogue lives
//! there) and delivers it over SMTP or, without a server, as a file in a folder.
//! Delivery is at least once: a node that dies after the server took a mail and
//! before the job was marked done sends it again.

use crate::{Core, CoreError, CoreResult};
use koop_domain::ids::{AgencyId, EventId, ParticipantId};
use koop_domain::job::JobKind;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// What happened, with the facts a mail about it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// A follow-up the recipient asked to be reminded of: what came of an outcome
    /// recorded earlier (a contact, a meeting) is due now.
    FollowUpDue {
        /// The outcome recorded then.
        title: String,
        /// Its kind's code.
        outcome_kind: String,
        /// When it was achieved.
        achieved_on: chrono::NaiveDate,
        /// What caused it, to record the next outcome against (meeting, activity,
        /// event ids; any may be missing).
        meeting_id: Option<i64>,
        /// The activity.
        activity_id: Option<i64>,
        /// The event.
        event_id: Option<i64>,
    },
    /// Someone asks the recipient for a meeting.
    RequestReceived {
        /// The event's title.
        event: String,
        /// The asking organisation.
        from: String,
        /// Their message.
        message: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
    },
    /// The recipient's request was accepted or declined.
    RequestAnswered {
        /// The event's title.
        event: String,
        /// The organisation that answered.
        partner: String,
        /// Whether they accepted.
        accepted: bool,
        /// The event (the composer links to its pages).
        event_id: EventId,
    },
    /// The organisers published the schedule, preliminary or final.
    SchedulePublished {
        /// The event's title.
        event: String,
        /// Whether it is final.
        final_schedule: bool,
        /// The recipient's meetings, in order.
        meetings: Vec<MeetingLine>,
        /// The event (the composer links to its pages).
        event_id: EventId,
    },
    /// A meeting was added to the recipient's agenda after the schedule was out.
    MeetingAdded {
        /// The event's title.
        event: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
        /// The meeting.
        meeting: MeetingLine,
        /// How it came about (mails queued before this field existed were standby ones).
        #[serde(default)]
        why: Added,
    },
    /// The answer to the recipient's company-visit wishes: a seat, or the waiting list.
    VisitAssigned {
        /// The event's title.
        event: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
        /// The visit's title.
        visit: String,
        /// Whether they have a seat (else they wait for one).
        seated: bool,
    },
    /// The other side of an open request proposes a time to meet.
    TimeProposed {
        /// The event's title.
        event: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
        /// The proposed meeting: its time and place, and the proposing organisation.
        meeting: MeetingLine,
    },
    /// A meeting on the recipient's agenda was moved by the organisers.
    MeetingMoved {
        /// The event's title.
        event: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
        /// The meeting as it is now.
        meeting: MeetingLine,
    },
    /// A meeting on the recipient's agenda was cancelled by the organisers.
    MeetingCancelled {
        /// The event's title.
        event: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
        /// The meeting as it was.
        meeting: MeetingLine,
    },
    /// A survey about the recipient's meetings: feedback, or the follow-up.
    Survey {
        /// The event's title.
        event: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
        /// Whether it is the follow-up months later (else the feedback right after).
        follow_up: bool,
        /// How many meetings the recipient held.
        meetings: usize,
    },
    /// The organisers write to participants.
    FromOrganisers {
        /// The event's title.
        event: String,
        /// Their subject.
        subject: String,
        /// Their text.
        body: String,
        /// The event (the composer links to its pages).
        event_id: EventId,
    },
}

/// How a meeting came onto an agenda after the schedule was out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Added {
    /// A table became free on the day and the organisers placed a standby meeting.
    #[default]
    Standby,
    /// The partner accepted the request at a time they picked.
    PartnerPicked,
    /// The organisers' optimiser placed it around the meetings already published.
    Rescheduled,
}

/// One meeting in a mail: when (local to its venue), where and with whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingLine {
    /// Start, local to the venue.
    pub starts_at: chrono::NaiveDateTime,
    /// The venue's time zone.
    pub time_zone: String,
    /// The venue.
    pub place: String,
    /// The table.
    pub table: Option<i64>,
    /// The other side's organisations.
    pub partners: String,
}

/// One mail to one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mail {
    /// Their address.
    pub to: String,
    /// Their name.
    pub name: String,
    /// Their language (ISO code), for the wording.
    pub language: String,
    /// What the mail is about.
    pub notice: Notice,
}

/// A mail in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
}

/// Words a mail in its recipient's language; `base_url` makes links absolute.
pub trait Composer: Send + Sync + 'static {
    /// The mail's subject and text.
    fn compose(&self, mail: &Mail, base_url: &str) -> Composed;
}

/// Where mail goes.
#[derive(Debug, Clone, PartialEq)]
pub enum MailRoute {
    /// An SMTP server: `smtp://host:port` (plain, for a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://…:465` (TLS).
    Smtp(String),
    /// A folder: each mail becomes a `.eml` file there.
    Folder(PathBuf),
}

/// How koop sends mail.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// The route.
    pub route: MailRoute,
    /// The sender, e.g. `koop <koop@agency.example>`.
    pub from: String,
    /// This koop's address for links, e.g. `https://koop.agency.example`.
    pub base_url: String,
}

enum Delivery {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(PathBuf),
}

/// Sends mail: the composer's words, delivered by the configured route.
pub struct Mailer {
    from: Mailbox,
    delivery: Delivery,
    composer: Arc<dyn Composer>,
    base_url: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let route = match &self.delivery {
            Delivery::Smtp(_) => "smtp".to_owned(),
            Delivery::Folder(d) => d.display().to_string(),
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("route", &route)
            .finish()
    }
}

fn setting(field: &'static str, e: impl std::fmt::Display) -> CoreError {
    CoreError::field(koop_domain::DomainError::new(
        field,
        "invalid",
        format!("mail setting {field}: {e}"),
    ))
}

impl Mailer {
    /// A mailer for `settings`; refuses a sender or server URL that cannot work.
    pub fn new(settings: &MailSettings, composer: Arc<dyn Composer>) -> CoreResult<Mailer> {
        let from: Mailbox = settings.from.parse().map_err(|e| setting("mail_from", e))?;
        let delivery = match &settings.route {
            MailRoute::Smtp(url) => Delivery::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| setting("smtp_url", e))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build(),
            ),
            MailRoute::Folder(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| setting("mail_dir", e))?;
                Delivery::Folder(dir.clone())
            }
        };
        Ok(Mailer {
            from,
            delivery,
            composer,
            base_url: settings.base_url.trim_end_matches('/').to_owned(),
        })
    }

    /// Words and delivers one mail; returns its subject.
    pub async fn send(&self, mail: &Mail) -> CoreResult<String> {
        let words = self.composer.compose(mail, &self.base_url);
        let to = Mailbox::new(
            Some(mail.name.clone()),
            mail.to
                .parse()
                .map_err(|e| CoreError::Internal(format!("recipient {}: {e}", mail.to)))?,
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(words.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(words.text)
            .map_err(|e| CoreError::Internal(format!("mail: {e}")))?;
        match &self.delivery {
            // A refused or unreachable server is worth a retry: `Internal` is retried.
            Delivery::Smtp(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| CoreError::Internal(format!("smtp: {e}")))?,
            Delivery::Folder(dir) => write_file(dir, &message.formatted()).await?,
        }
        Ok(words.subject)
    }
}

/// Writes a mail into `dir` under a new name, whole or not at all (a temporary name
/// first, then renamed), so a reader of the folder never sees half a mail.
async fn write_file(dir: &std::path::Path, bytes: &[u8]) -> CoreResult<()> {
    let mut salt = [0u8; 8];
    getrandom::fill(&mut salt).map_err(|e| CoreError::Internal(e.to_string()))?;
    let name = format!(
        "{}-{}",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ"),
        hex::encode(salt)
    );
    let tmp = dir.join(format!(".{name}.tmp"));
    let io = |e: std::io::Error| CoreError::Internal(format!("mail folder: {e}"));
    tokio::fs::write(&tmp, bytes).await.map_err(io)?;
    tokio::fs::rename(&tmp, dir.join(format!("{name}.eml")))
        .await
        .map_err(io)
}

impl Core {
    /// Sends mail with `mailer`; without one, koop queues no mail at all.
    pub fn with_mail(mut self, mailer: Mailer) -> Core {
        self.mailer = Some(Arc::new(mailer));
        self
    }

    /// Queues a mail to `participant` about `notice` in the caller's transaction;
    /// nothing when no mail is configured or they have no address.
    pub(crate) async fn queue_mail_to(
        &self,
        tx: &mut koop_db::Conn,
        agency: AgencyId,
        participant: ParticipantId,
        notice: impl FnOnce() -> Notice,
    ) -> CoreResult<bool> {
        if self.mailer.is_none() {
            return Ok(false);
        }
        let Some((to, name, language)) =
            koop_db::participant::mail_contact(tx, participant).await?
        else {
            return Ok(false);
        };
        let mail = Mail {
            to,
            name,
            language,
            notice: notice(),
        };
        let payload =
            serde_json::to_string(&mail).map_err(|e| CoreError::Internal(e.to_string()))?;
        koop_db::job::enqueue(
            tx,
            &koop_db::job::NewJob {
                agency: Some(agency),
                kind: JobKind::Mail.as_str(),
                subject: None,
                payload: &payload,
                requested_by: None,
            },
        )
        .await?;
        Ok(true)
    }

    /// Sends the mail of a mail job.
    pub(crate) async fn send_queued_mail(&self, payload: &str) -> CoreResult<serde_json::Value> {
        let mailer = self
            .mailer
            .as_ref()
            .ok_or_else(|| CoreError::Internal("a mail job, but no mail is configured".into()))?;
        let mail: Mail = serde_json::from_str(payload)
            .map_err(|e| CoreError::Internal(format!("mail job: {e}")))?;
        let subject = mailer.send(&mail).await?;
        Ok(serde_json::json!({ "subject": subject }))
    }
}
