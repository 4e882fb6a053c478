## The meeting scheduler and its runs.

sched-title = Zeitplan
sched-open = letzter Lauf
sched-run = Angenommene Gesprächswünsche einplanen
sched-placed = neu eingeplant
sched-kept = unverändert beibehalten
sched-bound = höchstens einplanbar
sched-breaks = Wartezeiten zwischen Terminen
sched-lower_bound = Untergrenze
sched-none_yet = Für diese Veranstaltung lief der Planer noch nicht.
job-error-internal = Ein interner Fehler; der Lauf wird wiederholt.
job-error-forbidden = Wer den Lauf gestartet hat, darf die Veranstaltung nicht mehr planen.
job-error-not_found = Die Veranstaltung gibt es nicht mehr.
job-error-invalid_input = Die Veranstaltung hat keine B2B-Sitzung mit Zeitfenstern und Tischen.
job-error-conflict = Die Daten änderten sich während des Laufs; bitte erneut starten.
job-error-bad_credentials = Die Anmeldung ist abgelaufen.
sched-unplaced = Nicht eingeplant
