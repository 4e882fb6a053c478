## E-Mails, die koop versendet.

mail-greeting = Guten Tag { $name },
mail-signature = koop – im Auftrag der Veranstalter Ihrer Veranstaltung
mail-request_received-subject = { $from } bittet um ein Gespräch – { $event }
mail-request_received-body = { $from } möchte Sie bei { $event } treffen.
mail-answer_in_inbox = Annehmen oder ablehnen in Ihrem Posteingang: { $link }
mail-see_inbox = Ihr Posteingang: { $link }
mail-request_accepted-subject = { $partner } hat Ihre Gesprächsanfrage angenommen – { $event }
mail-request_accepted-body = { $partner } hat Ihre Anfrage für ein Gespräch bei { $event } angenommen. Uhrzeit und Tisch erhalten Sie mit dem Terminplan.
mail-request_declined-subject = { $partner } hat Ihre Gesprächsanfrage abgelehnt – { $event }
mail-request_declined-body = { $partner } hat Ihre Anfrage für ein Gespräch bei { $event } abgelehnt. Die Empfehlungen zeigen Ihnen vielleicht andere Partner.
mail-schedule_preliminary-subject = Ihre Termine bei { $event }: der vorläufige Terminplan
mail-schedule_preliminary-body = Die Veranstalter von { $event } haben einen vorläufigen Terminplan veröffentlicht. Er kann sich noch ändern; den endgültigen erhalten Sie ebenfalls.
mail-schedule_final-subject = Ihre Termine bei { $event }: der endgültige Terminplan
mail-schedule_final-body = Die Veranstalter von { $event } haben den endgültigen Terminplan veröffentlicht. Ihre Termine:
mail-schedule_none = Sie haben darin noch keine Termine.
mail-see_agenda = Ihr Terminplan, mit Kalender-Abo: { $link }
mail-event_page = Zur Veranstaltung: { $link }
mail-meeting_added-subject = Ein neuer Termin für Sie – { $event }
mail-meeting_added-body = Bei { $event } ist ein Tisch frei geworden, und die Veranstalter haben einen Ihrer gewünschten Termine dorthin gelegt:
mail-feedback-subject = Wie waren Ihre Gespräche bei { $event }?
mail-feedback-body = { $count ->
    [one] Sie hatten bei { $event } ein Gespräch. Wie war es? Ihre Bewertung dauert eine Minute und hilft den Veranstaltern, die nächste Börse zu planen.
   *[other] Sie hatten bei { $event } { $count } Gespräche. Wie waren sie? Ihre Bewertungen dauern eine Minute und helfen den Veranstaltern, die nächste Börse zu planen.
}
mail-follow_up-subject = Was ist aus Ihren Gesprächen bei { $event } geworden?
mail-follow_up-body = { $count ->
    [one] Vor einigen Monaten hatten Sie bei { $event } ein Gespräch. Ist etwas daraus geworden: weiterer Kontakt, Verhandlungen, eine Kooperationsvereinbarung?
   *[other] Vor einigen Monaten hatten Sie bei { $event } { $count } Gespräche. Ist etwas daraus geworden: weiterer Kontakt, Verhandlungen, eine Kooperationsvereinbarung?
}
mail-answer_here = Hier antworten: { $link }
mail-meeting_picked-subject = Ein neuer Termin in Ihrem Plan – { $event }
mail-meeting_picked-body = Ihr Gesprächswunsch bei { $event } wurde angenommen, zu dieser Zeit:
mail-meeting_rescheduled-subject = Ein neuer Termin in Ihrem Plan – { $event }
mail-meeting_rescheduled-body = Die Veranstalter von { $event } haben einen weiteren Termin für Sie eingeplant. Ihre anderen Termine bleiben, wie sie waren:
mail-meeting_cancelled-subject = Ein Termin wurde abgesagt – { $event }
mail-meeting_cancelled-body = Die Veranstalter von { $event } haben diesen Termin in Ihrem Plan abgesagt:
mail-meeting_moved-subject = Ein Termin wurde verlegt – { $event }
mail-meeting_moved-body = Die Veranstalter von { $event } haben diesen Termin in Ihrem Plan verlegt. Er ist jetzt:
mail-visit_seated-subject = Ihr Firmenbesuch bei { $event }
mail-visit_seated-body = Sie haben einen Platz bei diesem Besuch von { $event }: { $visit }
mail-visit_waiting-subject = Ihr Firmenbesuch bei { $event }: die Warteliste
mail-visit_waiting-body = Alle Besuche, die Sie sich bei { $event } gewünscht haben, sind voll. Sie stehen auf der Warteliste Ihres ersten Wunsches, { $visit }, und bekommen den Platz, sobald einer frei wird.
mail-see_visits = Ihr Besuch: { $link }
mail-time_proposed-subject = { $partner } schlägt einen Termin vor – { $event }
mail-time_proposed-body = { $partner } schlägt für Ihr Gespräch bei { $event } diese Zeit vor:
mail-answer_proposal = Zu dieser Zeit annehmen oder eine andere vorschlagen in Ihrem Posteingang: { $link }
mail-follow_up_due-subject = Nachfassen: { $title }
mail-follow_up_due-body = Sie wollten daran erinnert werden: Am { $date } wurde „{ $title }“ ({ $kind }) eingetragen. Was ist seither daraus geworden – ein Folgetreffen, Verhandlungen, ein Vertrag?
mail-record_here = Das nächste Ergebnis eintragen: { $link }
