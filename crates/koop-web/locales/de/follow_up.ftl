## Die Nachbefragung Monate nach einer Veranstaltung, und die Umfragen der Veranstalter.

follow-title = Was ist aus Ihren Gesprächen geworden?
follow-lead = Sagen Sie den Veranstaltern für jedes geführte Gespräch, was daraus geworden ist. Ihre Antworten zeigen, was die Börse bewirkt hat; Ihre Notizen bleiben bei den Veranstaltern.
follow-none = Sie haben bei dieser Veranstaltung keine Gespräche geführt.
follow-question = Was ist daraus geworden?
follow-note = Eine Notiz (freiwillig)
survey-title = Umfragen
survey-lead = Die Feedback-Umfrage bittet alle, die Gespräche geführt haben, sie zu bewerten; die Nachbefragung einige Monate später fragt, was daraus geworden ist. Die Antworten werden Ergebnisse in den Unterlagen der Agentur, der Veranstaltung und dem Gespräch zugeordnet.
survey-feedback = Feedback-Umfrage senden
survey-follow_up = Nachbefragung senden
survey-sent = { $count ->
    [0] Noch niemand hat ein Gespräch geführt; es wurde nichts versandt.
    [one] Die Umfrage ging an eine Person.
   *[other] Die Umfrage ging an { $count } Teilnehmende.
}
error-follow_up_not_held = Nur ein geführtes Gespräch hat eine Nachbefragung.
follow-send = Antwort senden
follow-change = Antwort ändern
