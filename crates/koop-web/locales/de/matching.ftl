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
