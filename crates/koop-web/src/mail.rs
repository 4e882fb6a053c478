//! The words of koop's mails, from the text catalogue (`locales/*/mail.ftl`), in the
//! recipient's language: German or English, and English for a language the
//! catalogue does not have (a company from Riga reads English before German).

use crate::i18n::{Arg, Lang, Texts};
use crate::paths;
use koop_core::mail::{Added, Composed, Composer, Mail, MeetingLine, Notice};

/// koop's composer, for [`koop_core::Core::with_mail`].
pub fn composer() -> std::sync::Arc<dyn Composer> {
    std::sync::Arc::new(CatalogueComposer)
}

struct CatalogueComposer;

fn language_of(code: &str) -> Lang {
    Lang::parse(code)
        .or_else(|| Lang::parse("en"))
        .unwrap_or_default()
}

fn text(t: Texts, key: &str, args: &[(&'static str, &str)]) -> String {
    t.with(
        key,
        args.iter()
            .map(|(k, v)| (*k, Arg::Text((*v).to_owned())))
            .collect(),
    )
}

fn meeting_line(lang: Lang, m: &MeetingLine) -> String {
    let t = lang.texts();
    let mut line = format!(
        "- {} ({})",
        crate::pages::day_time(lang, m.starts_at),
        m.time_zone
    );
    if let Some(table) = m.table {
        line.push_str(&format!(" · {} {table}", t.get("field-table")));
    }
    line.push_str(&format!(" · {}", m.partners));
    if !m.place.is_empty() {
        line.push_str(&format!(" · {}", m.place));
    }
    line
}

impl Composer for CatalogueComposer {
    fn compose(&self, mail: &Mail, base_url: &str) -> Composed {
        let lang = language_of(&mail.language);
        let t = lang.texts();
        let link = |path: String| format!("{base_url}{path}");
        let (subject, body) = match &mail.notice {
            Notice::FollowUpDue {
                title,
                outcome_kind,
                achieved_on,
                meeting_id,
                activity_id,
                event_id,
            } => {
                let cause: Vec<String> = [
                    ("meeting", meeting_id),
                    ("activity", activity_id),
                    ("event", event_id),
                ]
                .iter()
                .filter_map(|(k, v)| v.map(|id| format!("{k}={id}")))
                .collect();
                let record = if cause.is_empty() {
                    paths::NEW_OUTCOME.to_owned()
                } else {
                    format!("{}?{}", paths::NEW_OUTCOME, cause.join("&"))
                };
                let kind = t.get(&format!("kind-outcome-{outcome_kind}"));
                let when = crate::pages::date(lang, *achieved_on);
                (
                    text(t, "mail-follow_up_due-subject", &[("title", title)]),
                    format!(
                        "{}\n\n{}",
                        text(
                            t,
                            "mail-follow_up_due-body",
                            &[("title", title), ("kind", &kind), ("date", &when)]
                        ),
                        text(t, "mail-record_here", &[("link", &link(record))])
                    ),
                )
            }
            Notice::RequestReceived {
                event,
                event_id,
                from,
                message,
            } => {
                let mut body = text(
                    t,
                    "mail-request_received-body",
                    &[("from", from), ("event", event)],
                );
                if !message.is_empty() {
                    let quoted: Vec<String> = message.lines().map(|l| format!("> {l}")).collect();
                    body.push_str(&format!("\n\n{}", quoted.join("\n")));
                }
                let answer = text(
                    t,
                    "mail-answer_in_inbox",
                    &[("link", &link(paths::event_inbox(*event_id, None)))],
                );
                (
                    text(
                        t,
                        "mail-request_received-subject",
                        &[("from", from), ("event", event)],
                    ),
                    format!("{body}\n\n{answer}"),
                )
            }
            Notice::RequestAnswered {
                event,
                event_id,
                partner,
                accepted,
            } => {
                let key = if *accepted { "accepted" } else { "declined" };
                let args = [("partner", partner.as_str()), ("event", event.as_str())];
                let inbox = text(
                    t,
                    "mail-see_inbox",
                    &[("link", &link(paths::event_inbox(*event_id, None)))],
                );
                (
                    text(t, &format!("mail-request_{key}-subject"), &args),
                    format!(
                        "{}\n\n{inbox}",
                        text(t, &format!("mail-request_{key}-body"), &args)
                    ),
                )
            }
            Notice::SchedulePublished {
                event,
                event_id,
                final_schedule,
                meetings,
            } => {
                let state = if *final_schedule {
                    "final"
                } else {
                    "preliminary"
                };
                let intro = text(
                    t,
                    &format!("mail-schedule_{state}-body"),
                    &[("event", event)],
                );
                let list = if meetings.is_empty() {
                    t.get("mail-schedule_none")
                } else {
                    meetings
                        .iter()
                        .map(|m| meeting_line(lang, m))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let agenda = text(
                    t,
                    "mail-see_agenda",
                    &[("link", &link(paths::event_meetings(*event_id)))],
                );
                (
                    text(
                        t,
                        &format!("mail-schedule_{state}-subject"),
                        &[("event", event)],
                    ),
                    format!("{intro}\n\n{list}\n\n{agenda}"),
                )
            }
            Notice::MeetingAdded {
                event,
                event_id,
                meeting,
                why,
            } => {
                let key = match why {
                    Added::Standby => "meeting_added",
                    Added::PartnerPicked => "meeting_picked",
                    Added::Rescheduled => "meeting_rescheduled",
                };
                let agenda = link(paths::event_meetings(*event_id));
                one_meeting(lang, key, event, &agenda, meeting)
            }
            Notice::VisitAssigned {
                event,
                event_id,
                visit,
                seated,
            } => {
                let key = if *seated {
                    "visit_seated"
                } else {
                    "visit_waiting"
                };
                (
                    text(t, &format!("mail-{key}-subject"), &[("event", event)]),
                    format!(
                        "{}\n\n{}",
                        text(
                            t,
                            &format!("mail-{key}-body"),
                            &[("event", event), ("visit", visit)]
                        ),
                        text(
                            t,
                            "mail-see_visits",
                            &[("link", &link(paths::event_visits(*event_id)))]
                        )
                    ),
                )
            }
            Notice::TimeProposed {
                event,
                event_id,
                meeting,
            } => {
                let inbox = link(paths::event_inbox(*event_id, None));
                let subject = text(
                    t,
                    "mail-time_proposed-subject",
                    &[("event", event), ("partner", &meeting.partners)],
                );
                let body = format!(
                    "{}\n\n{}\n\n{}",
                    text(
                        t,
                        "mail-time_proposed-body",
                        &[("event", event), ("partner", &meeting.partners)]
                    ),
                    meeting_line(lang, meeting),
                    text(t, "mail-answer_proposal", &[("link", &inbox)])
                );
                (subject, body)
            }
            Notice::MeetingMoved {
                event,
                event_id,
                meeting,
            } => {
                let agenda = link(paths::event_meetings(*event_id));
                one_meeting(lang, "meeting_moved", event, &agenda, meeting)
            }
            Notice::MeetingCancelled {
                event,
                event_id,
                meeting,
            } => {
                let agenda = link(paths::event_meetings(*event_id));
                one_meeting(lang, "meeting_cancelled", event, &agenda, meeting)
            }
            Notice::Survey {
                event,
                event_id,
                follow_up,
                meetings,
            } => {
                let (key, path) = if *follow_up {
                    ("follow_up", paths::event_follow_up(*event_id))
                } else {
                    ("feedback", paths::event_meetings(*event_id))
                };
                let body = t.with(
                    &format!("mail-{key}-body"),
                    vec![
                        ("event", Arg::Text(event.clone())),
                        ("count", Arg::from(*meetings)),
                    ],
                );
                (
                    text(t, &format!("mail-{key}-subject"), &[("event", event)]),
                    format!(
                        "{body}\n\n{}",
                        text(t, "mail-answer_here", &[("link", &link(path))])
                    ),
                )
            }
            Notice::FromOrganisers {
                event,
                event_id,
                subject,
                body,
            } => (
                format!("{event}: {subject}"),
                format!(
                    "{body}\n\n{}",
                    text(
                        t,
                        "mail-event_page",
                        &[("link", &link(paths::event(*event_id)))]
                    )
                ),
            ),
        };
        let greeting = text(t, "mail-greeting", &[("name", &mail.name)]);
        Composed {
            subject,
            text: format!("{greeting}\n\n{body}\n\n-- \n{}\n", t.get("mail-signature")),
        }
    }
}

/// Subject and body of a mail about one meeting: `mail-{key}-subject`, then
/// `mail-{key}-body`, the meeting, and the link to the agenda.
fn one_meeting(
    lang: Lang,
    key: &str,
    event: &str,
    agenda: &str,
    meeting: &MeetingLine,
) -> (String, String) {
    let t = lang.texts();
    (
        text(t, &format!("mail-{key}-subject"), &[("event", event)]),
        format!(
            "{}\n\n{}\n\n{}",
            text(t, &format!("mail-{key}-body"), &[("event", event)]),
            meeting_line(lang, meeting),
            text(t, "mail-see_agenda", &[("link", agenda)])
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use koop_core::domain::ids::EventId;

    fn mail(language: &str, notice: Notice) -> Mail {
        Mail {
            to: "ilze@bms.example".into(),
            name: "Ilze Ozola".into(),
            language: language.into(),
            notice,
        }
    }

    #[test]
    fn a_request_reads_in_the_recipients_language_with_the_message_quoted() {
        let notice = Notice::RequestReceived {
            event: "Kooperationsbörse Ostsee".into(),
            event_id: EventId(7),
            from: "Werft Rostock GmbH".into(),
            message: "Treffen wir uns?\nAm Stand 4".into(),
        };
        let de = CatalogueComposer.compose(&mail("de", notice.clone()), "https://koop.example");
        assert_eq!(
            de.subject,
            "Werft Rostock GmbH bittet um ein Gespräch – Kooperationsbörse Ostsee"
        );
        assert!(de.text.starts_with("Guten Tag Ilze Ozola,"), "{}", de.text);
        assert!(
            de.text.contains("> Treffen wir uns?\n> Am Stand 4"),
            "{}",
            de.text
        );
        assert!(
            de.text.contains("https://koop.example/events/7/inbox"),
            "{}",
            de.text
        );
        // Latvian is not in the catalogue: English, not German.
        let lv = CatalogueComposer.compose(&mail("lv", notice), "https://koop.example");
        assert_eq!(
            lv.subject,
            "Werft Rostock GmbH asks to meet you – Kooperationsbörse Ostsee"
        );
    }

    #[test]
    fn a_published_schedule_lists_each_meeting_with_time_zone_table_and_partner() {
        let at = chrono::NaiveDate::from_ymd_opt(2027, 5, 11)
            .unwrap()
            .and_hms_opt(10, 30, 0)
            .unwrap();
        let notice = Notice::SchedulePublished {
            event: "Börse".into(),
            event_id: EventId(3),
            final_schedule: true,
            meetings: vec![MeetingLine {
                starts_at: at,
                time_zone: "Europe/Berlin".into(),
                place: "Innovationszentrum".into(),
                table: Some(4),
                partners: "Werft Rostock GmbH".into(),
            }],
        };
        let en = CatalogueComposer.compose(&mail("en", notice), "http://localhost:8080/");
        assert_eq!(en.subject, "Your meetings at Börse: the final schedule");
        assert!(
            en.text
                .contains("(Europe/Berlin) · Table 4 · Werft Rostock GmbH · Innovationszentrum"),
            "{}",
            en.text
        );
        assert!(en.text.contains("/events/3/meetings"), "{}", en.text);
    }

    #[test]
    fn a_proposed_time_names_the_proposer_the_time_and_the_inbox() {
        let at = chrono::NaiveDate::from_ymd_opt(2027, 5, 11)
            .unwrap()
            .and_hms_opt(10, 20, 0)
            .unwrap();
        let notice = Notice::TimeProposed {
            event: "Börse".into(),
            event_id: EventId(3),
            meeting: MeetingLine {
                starts_at: at,
                time_zone: "Europe/Berlin".into(),
                place: "Rathaus".into(),
                table: None,
                partners: "Werft Rostock GmbH".into(),
            },
        };
        let de = CatalogueComposer.compose(&mail("de", notice), "http://localhost:8080/");
        assert_eq!(
            de.subject,
            "Werft Rostock GmbH schlägt einen Termin vor – Börse"
        );
        assert!(de.text.contains("10:20"), "{}", de.text);
        assert!(de.text.contains("Rathaus"), "{}", de.text);
        assert!(de.text.contains("/events/3/inbox"), "{}", de.text);
    }
}
