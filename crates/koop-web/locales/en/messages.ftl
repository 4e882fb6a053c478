## Organisers write to participants.

msg-title = Write to participants
msg-write = Write to them
msg-lead = Each participant gets the mail at their address, greeted in their language, with your text as you write it and a link to the event.
msg-to = To
msg-everyone = Everyone (who has not cancelled)
msg-any_status = Any status
msg-without_profile = Only those without a cooperation profile
msg-send = Send
msg-queued = { $count ->
    [0] Nobody matches these choices; nothing was sent.
    [one] One mail is on its way.
   *[other] { $count } mails are on their way.
}
field-subject = Subject
field-body = Text
error-mail_not_configured = This koop sends no mail. Set smtp_url, or mail_dir for a folder of files.
