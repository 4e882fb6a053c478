## Kooperationsprofile schreiben.

profile-new = Neues Kooperationsprofil
profile-edit = Kooperationsprofil bearbeiten
profile-lead = Beschreiben Sie eine Sache, die Ihre Organisation anbietet oder sucht. Andere Teilnehmende finden sie auf dem Marktplatz, und die Empfehlungen nutzen sie.
profile-language = Verfasst in (Sprache)
profile-summary = Zusammenfassung (ein Absatz)
profile-countries_sought = Partner gesucht in (Länder; leer = überall)
profile-meeting_languages = Gesprächssprachen
profile-deadline = Gültig bis
profile-save = Profil speichern
profile-is_published = Dieses Profil steht auf dem Marktplatz.
profile-is_archived = Dieses Profil steht nicht auf dem Marktplatz.
profile-archive = Vom Marktplatz nehmen
profile-publish = Auf den Marktplatz stellen
profile-yours = Ihre Kooperationsprofile
profile-none_yet = Sie haben noch kein Kooperationsprofil. Ohne eines findet Sie niemand auf dem Marktplatz, und es gibt keine Empfehlungen für Sie.
profile-add = Kooperationsprofil anlegen
profile-edit_link = Bearbeiten
flash-profile_saved = Profil gespeichert.
flash-profile_published = Das Profil steht wieder auf dem Marktplatz.
flash-profile_archived = Das Profil ist vom Marktplatz genommen.
profile-off_market = nicht auf dem Marktplatz
field-summary = Zusammenfassung
field-language = Sprache
field-countries_sought = Partner gesucht in
field-deadline = Gültig bis
