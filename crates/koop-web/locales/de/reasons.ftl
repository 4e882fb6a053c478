## Why a partner is recommended: the matching engine's reasons, by code.

reason-offers_what_you_seek = bietet, was Sie suchen
reason-seeks_what_you_offer = sucht, was Sie anbieten
reason-research_partners = sucht wie Sie Forschungspartner
reason-investor_for_you = möchte investieren
reason-seeks_investment = sucht einen Investor
reason-offers_location = bietet einen Standort für Ihre Ansiedlung
reason-wants_to_settle = möchte sich ansiedeln
reason-same_sector = { $level ->
    [class] dieselbe NACE-Klasse
    [group] dieselbe NACE-Gruppe
    [division] dieselbe NACE-Abteilung
   *[section] derselbe NACE-Abschnitt
  } { $nace }
reason-shared_keywords = gemeinsame Schlagworte: { $keywords }
reason-similar_text = ähnliches Thema: { $words }
reason-similar_text-none = ähnliches Thema
reason-similar_meaning = inhaltlich ähnliches Profil
reason-in_country_you_seek = sitzt in { $country }, wo Sie Partner suchen
reason-seeks_partners_in_your_country = sucht Partner in { $country }
reason-shared_language = beide sprechen { $language }
reason-shared_partners = hat mit { $count } Ihrer Partner zusammengearbeitet
reason-worked_together = Sie haben schon in { $count ->
    [one] einem Projekt
   *[other] { $count } Projekten
  } zusammengearbeitet
reason-met_before = Sie haben sich schon einmal getroffen
reason-cross_cluster = ergänzt Ihr Cluster { $yours } aus dem Cluster { $theirs }
reason-fits_complement = passt zur benannten Ergänzung: { $words }
