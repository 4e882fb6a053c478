## Navigation, fields, login and error pages.

app-tagline = Kooperation über Grenzen: vom ersten Kontakt bis zum unterschriebenen Vertrag.
nav-home = Start
nav-organisations = Organisationen
nav-networks = Netzwerke
nav-clusters = Cluster
nav-agreements = Vereinbarungen
nav-partner_cities = Partnerstädte
nav-events = Veranstaltungen
nav-activities = Aktivitäten
nav-outcomes = Ergebnisse
nav-agencies = Agenturen
nav-audit = Protokoll
nav-login = Anmelden
nav-logout = Abmelden
home-title = Überblick
home-intro = koop verbindet Agenturen, Städte, Netzwerke, Cluster und Unternehmen – und hält fest, was aus jedem Kontakt wird.
home-upcoming = Veranstaltungen
home-directory = Verzeichnis
home-work = Zusammenarbeit
field-name = Name
field-kind = Art
field-country = Land
field-city = Ort
field-nace = NACE
field-languages = Sprachen
field-website = Webseite
field-description = Beschreibung
field-since = seit
field-role = Rolle
field-members = Mitglieder
field-member_of = Mitglied in
field-parties = Partner
field-contribution = Beitrag
field-signed_on = unterzeichnet
field-valid = gültig
field-scope = Gegenstand
field-sectors = Branchen
field-date = Datum
field-place = Ort
field-value = Wert
field-title = Titel
field-organisers = Veranstalter
field-venues = Orte und Stationen
field-sessions = Programm
field-participants = Teilnehmende
field-profiles = Kooperationsprofile
field-meetings = Termine
field-requests = Gesprächswünsche
field-visits = Firmenbesuche
field-capacity = Plätze
field-booked = gebucht
field-waitlist = Warteliste
field-status = Status
field-time = Zeit
field-table = Tisch
field-who = Wer
field-people = Ansprechpersonen
field-instrument = Instrument
field-instruments = Instrumente
field-goals = Ziele
field-partner_city = Partnerstadt
field-keywords = Schlagworte
field-seeks = sucht Partner in
field-organisations = Organisationen
field-overlaps = Überschneidungen zwischen Clustern
field-ideas = Clusterübergreifende Projektideen
field-all = alle
field-search = Suchen
field-email = E-Mail
field-password = Passwort
field-action = Aktion
field-count = Anzahl
field-none = – keine –
field-published = öffentlich
field-internal = intern
field-agency = Agentur
login-title = Anmelden
login-failed = E-Mail oder Passwort ist falsch.
login-demo_hint = Demo-Zugänge: siehe Ausgabe von „koop demo“ (Passwort koop-demo).

## How this language writes dates, times and numbers (chrono format strings).

format-date = %d.%m.%Y
format-day-time = %d.%m. %H:%M
format-thousands = .
language-name = Deutsch

## Forms.

form-save = Speichern
form-refused = Bitte die markierten Angaben prüfen.
flash-saved = Gespeichert.
org-new = Neue Organisation
org-nace_hint = mehrere durch Komma getrennt
org-publish = veröffentlichen (für alle sichtbar)
nav-new_organisation = Organisation anlegen
field-size = Größe
event-yours = Ihre Teilnahme
home-to_answer = { $count ->
    [one] Ein Gesprächswunsch wartet auf Ihre Antwort
   *[other] { $count } Gesprächswünsche warten auf Ihre Antwort
  }
home-no_profile = Ihr Kooperationsprofil fehlt noch: ohne Profil findet Sie niemand.
home-next_meeting = Ihr nächster Termin
home-meetings = { $count ->
    [one] ein Termin
   *[other] { $count } Termine
  }
account-title = Mein Konto
account-data = Meine Daten
account-data_intro = Alles, was koop über Sie gespeichert hat – Anmeldung, Profil, Gesprächswünsche, Termine und Bewertungen – als eine Datei (JSON).
account-download = Meine Daten herunterladen
account-erase = Konto löschen
account-erase_intro = Ihr Zugang und Ihre persönlichen Daten werden gelöscht. Die Termine Ihrer Organisation bleiben für die Statistik der Veranstaltung erhalten, ohne Ihren Namen.
account-erase_button = Konto endgültig löschen
flash-erased = Ihr Konto und Ihre persönlichen Daten sind gelöscht.
