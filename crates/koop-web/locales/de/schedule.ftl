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

## Why the scheduler could not place a meeting, by code.

unplaced-fixed_slot_unavailable = Das feste Zeitfenster ist gesperrt oder liegt außerhalb der Verfügbarkeit.
unplaced-no_common_slot = Kein Zeitfenster ist für alle Beteiligten frei.
unplaced-tables_full = In den gemeinsamen freien Zeitfenstern sind alle Tische belegt.
unplaced-slots_full = Die gemeinsamen freien Zeitfenster sind voll: jemand hat schon einen Termin, oder kein Tisch ist frei.
unplaced-infeasible = Kein Zeitplan erfüllt alle festen Regeln (bewiesen).
unplaced-rules_or_priority = Der Termin würde eine Reihenfolge oder die Fairness-Grenze verletzen oder einen wichtigeren Termin verdrängen.
unplaced-participant_inactive = Jemand nimmt nicht mehr teil.
unplaced-slot_taken_meanwhile = Das Zeitfenster wurde inzwischen anders vergeben.
job-error-too_many_requests = Zu viele Läufe in kurzer Zeit.
sched-run_label = Lauf
kind-solver-optimal = beweisbar bester Zeitplan
kind-solver-feasible = gültiger Zeitplan, nicht als bester bewiesen
kind-solver-infeasible = kein Zeitplan erfüllt alle Regeln
kind-solver-unknown = abgebrochen, bevor ein Zeitplan gefunden war
day-title = Am Veranstaltungstag
day-open = Einchecken und Termine abhaken
day-meetings = Termine des Tages
day-arrivals = Ankunft
day-check_in = Einchecken
day-held = Stattgefunden
day-no_show = Nicht erschienen
flash-checked_in = Eingecheckt.
stats-title = Statistik
stats-requests = Gesprächswünsche
stats-meetings = Termine
stats-per_participant = Teilnehmende nach Zahl ihrer Termine
stats-held_by_sector = Stattgefundene Termine nach Branche
stats-by_country = Nach Ländern
stats-requests_sent = gesendete Gesprächswünsche
stats-meetings_held = stattgefundene Termine
stats-no_sector = ohne NACE-Code
stats-ratings = Bewertungen der Gespräche
