## The follow-up months after an event, and the surveys organisers send.

follow-title = What came of your meetings?
follow-lead = For each meeting you held, tell the organisers what came of it. Your answers show what the exchange achieved; your notes stay with the organisers.
follow-none = You held no meetings at this event.
follow-question = What came of it?
follow-note = A note (optional)
survey-title = Surveys
survey-lead = The feedback survey asks everyone who held meetings to rate them; the follow-up, some months later, asks what came of them. The answers become outcomes in the agency's records, attributed to the event and the meeting.
survey-feedback = Send the feedback survey
survey-follow_up = Send the follow-up
survey-sent = { $count ->
    [0] Nobody has held a meeting yet; nothing was sent.
    [one] The survey went to one participant.
   *[other] The survey went to { $count } participants.
}
error-follow_up_not_held = Only a meeting that was held has a follow-up.
follow-send = Send the answer
follow-change = Change the answer
