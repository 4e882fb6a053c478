## Recommendations and cluster complements.

rec-title = Empfohlene Partner
rec-for = Empfehlungen für
rec-show = Anzeigen
rec-your_profile = Ihr Profil
rec-no_profile = Für diese Teilnahme gibt es noch kein Kooperationsprofil.
rec-score = Punkte
rec-request = Gespräch anfragen
rec-coverage = Wer braucht Hilfe?
cc-title = Komplementäre Mitglieder
cc-intro = Mitglieder Ihres Clusters und Mitglieder der Cluster, die Ihr Clustermanagement als Ergänzung benannt hat: wer zu wem passt und warum.
cc-declared = Ergänzende Cluster
cc-none_declared = Noch keine ergänzenden Cluster benannt.
cc-rationale = Warum
cc-other = Cluster
cc-declare = Als Ergänzung benennen
cc-pairs = Passende Paare
cc-no_pairs = Keine Paare: Benennen Sie zuerst einen ergänzenden Cluster.
cc-link = Ergänzungen
rec-coverage_intro = Teilnehmende mit wenigen guten Partnern stehen oben: Ihnen hilft ein Hinweis des Organisationsteams am meisten.
rec-good_matches = Gute Partner
flash-request_sent = Gesprächswunsch gesendet.
inbox-title = Gesprächswünsche
inbox-received = Eingegangen
inbox-sent = Gesendet
inbox-none_received = Noch keine Anfragen an Sie.
inbox-none_sent = Sie haben noch niemanden angefragt.
inbox-accept = Annehmen
inbox-decline = Ablehnen
inbox-withdraw = Zurückziehen
flash-request_accepted = Angenommen. Der Termin wird eingeplant.
flash-request_declined = Abgelehnt.
flash-request_withdrawn = Zurückgezogen.
agenda-title = Termine
agenda-empty = Noch keine Termine eingeplant.
rec-message = Nachricht (freiwillig)
agenda-feed = Kalender abonnieren
agenda-feed_hint = Die Adresse in Ihre Kalender-App übernehmen: Änderungen am Zeitplan erscheinen dort von selbst.
ical-summary = Termin: { $partners }
market-title = Marktplatz
market-words = Suche
market-words_hint = z. B. Verpackung, металл, battery
market-count = { $found } von { $total } { $total ->
    [one] Profil
   *[other] Profilen
  }
rating-question = Wie hilfreich war dieses Gespräch? (1 = gar nicht, 5 = sehr)
rating-comment = Anmerkung (freiwillig)
rating-send = Bewerten
rating-change = Bewertung ändern
flash-thanks = Danke für Ihre Bewertung.
inbox-pick_time = Zeit
inbox-propose = Diese Zeit vorschlagen
inbox-other_time = Andere Zeit
inbox-accept_proposal = Zur vorgeschlagenen Zeit annehmen
inbox-you_proposed = Sie haben { $time } vorgeschlagen; die andere Seite kann annehmen oder eine andere Zeit vorschlagen.
inbox-they_proposed = { $org } schlägt { $time } vor.
flash-time_proposed = Zeit vorgeschlagen. Die andere Seite wurde benachrichtigt.
inbox-accept_at = Zu dieser Zeit annehmen
inbox-slot = { $time } · Tisch { $table }
flash-meeting_placed = Angenommen. Das Gespräch steht in beiden Terminplänen.
