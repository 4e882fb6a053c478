## E-mails koop sends.

mail-greeting = Hello { $name },
mail-signature = koop – sent by the organisers of your event
mail-request_received-subject = { $from } asks to meet you – { $event }
mail-request_received-body = { $from } would like to meet you at { $event }.
mail-answer_in_inbox = Accept or decline in your inbox: { $link }
mail-see_inbox = Your inbox: { $link }
mail-request_accepted-subject = { $partner } accepted your meeting request – { $event }
mail-request_accepted-body = { $partner } accepted your request to meet at { $event }. You will get the time and the table with the schedule.
mail-request_declined-subject = { $partner } declined your meeting request – { $event }
mail-request_declined-body = { $partner } declined your request to meet at { $event }. The recommendations may show you other partners.
mail-schedule_preliminary-subject = Your meetings at { $event }: the preliminary schedule
mail-schedule_preliminary-body = The organisers of { $event } have published a preliminary schedule. It may still change; you will get the final one.
mail-schedule_final-subject = Your meetings at { $event }: the final schedule
mail-schedule_final-body = The organisers of { $event } have published the final schedule. Your meetings:
mail-schedule_none = You have no meetings in it yet.
mail-see_agenda = Your agenda, with its calendar feed: { $link }
mail-event_page = The event: { $link }
mail-meeting_added-subject = A new meeting for you now – { $event }
mail-meeting_added-body = A table became free at { $event }, and the organisers have placed a meeting you asked for in it:
mail-feedback-subject = How were your meetings at { $event }?
mail-feedback-body = { $count ->
    [one] You had one meeting at { $event }. How was it? Your rating takes a minute and helps the organisers plan the next exchange.
   *[other] You had { $count } meetings at { $event }. How were they? Your ratings take a minute and help the organisers plan the next exchange.
}
mail-follow_up-subject = What came of your meetings at { $event }?
mail-follow_up-body = { $count ->
    [one] Some months ago you had one meeting at { $event }. Did anything come of it: further contact, a negotiation, a cooperation agreement?
   *[other] Some months ago you had { $count } meetings at { $event }. Did anything come of them: further contact, a negotiation, a cooperation agreement?
}
mail-answer_here = Answer here: { $link }
mail-meeting_picked-subject = A new meeting on your agenda – { $event }
mail-meeting_picked-body = Your meeting request at { $event } was accepted, at this time:
mail-meeting_rescheduled-subject = A new meeting on your agenda – { $event }
mail-meeting_rescheduled-body = The organisers of { $event } have placed another meeting for you. Your other meetings stay as they were:
mail-meeting_cancelled-subject = A meeting was cancelled – { $event }
mail-meeting_cancelled-body = The organisers of { $event } have cancelled this meeting on your agenda:
mail-meeting_moved-subject = A meeting was moved – { $event }
mail-meeting_moved-body = The organisers of { $event } have moved this meeting on your agenda. It is now:
mail-visit_seated-subject = Your company visit at { $event }
mail-visit_seated-body = You have a seat on this visit at { $event }: { $visit }
mail-visit_waiting-subject = Your company visit at { $event }: the waiting list
mail-visit_waiting-body = Every visit you wished at { $event } is full. You are on the waiting list for your first wish, { $visit }, and get the seat when one is given back.
mail-see_visits = Your visit: { $link }
mail-time_proposed-subject = { $partner } proposes a time – { $event }
mail-time_proposed-body = { $partner } proposes this time for your meeting at { $event }:
mail-answer_proposal = Accept at this time or propose another in your inbox: { $link }
mail-follow_up_due-subject = Follow up: { $title }
mail-follow_up_due-body = You asked to be reminded: on { $date } "{ $title }" ({ $kind }) was recorded. What has come of it since – a follow-up meeting, negotiations, a contract?
mail-record_here = Record the next outcome: { $link }
