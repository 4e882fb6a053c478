## Veranstalter schreiben an Teilnehmende.

msg-title = An Teilnehmende schreiben
msg-write = Anschreiben
msg-lead = Jede und jeder Teilnehmende erhält die E-Mail an die eigene Adresse, mit Anrede in der eigenen Sprache, Ihrem Text, wie Sie ihn schreiben, und einem Link zur Veranstaltung.
msg-to = An
msg-everyone = Alle (die nicht abgesagt haben)
msg-any_status = Jeder Status
msg-without_profile = Nur die ohne Kooperationsprofil
msg-send = Senden
msg-queued = { $count ->
    [0] Auf diese Auswahl passt niemand; es wurde nichts versandt.
    [one] Eine E-Mail ist unterwegs.
   *[other] { $count } E-Mails sind unterwegs.
}
field-subject = Betreff
field-body = Text
error-mail_not_configured = Diese koop-Installation versendet keine E-Mails. Setzen Sie smtp_url oder mail_dir für einen Ordner mit Dateien.
