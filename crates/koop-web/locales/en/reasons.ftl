## Why a partner is recommended: the matching engine's reasons, by code.

reason-offers_what_you_seek = offers what you seek
reason-seeks_what_you_offer = seeks what you offer
reason-research_partners = looks for research partners, as you do
reason-investor_for_you = wants to invest
reason-seeks_investment = seeks an investor
reason-offers_location = offers a location for your settlement
reason-wants_to_settle = wants to settle
reason-same_sector = { $level ->
    [class] same NACE class
    [group] same NACE group
    [division] same NACE division
   *[section] same NACE section
  } { $nace }
reason-shared_keywords = shared keywords: { $keywords }
reason-similar_text = similar topic: { $words }
reason-similar_text-none = similar topic
reason-similar_meaning = a profile with a similar meaning
reason-in_country_you_seek = based in { $country }, where you seek partners
reason-seeks_partners_in_your_country = seeks partners in { $country }
reason-shared_language = both speak { $language }
reason-shared_partners = co-operated with { $count } of your partners
reason-worked_together = you worked together in { $count ->
    [one] one project
   *[other] { $count } projects
  } before
reason-met_before = you met before
reason-cross_cluster = complements your cluster { $yours } from the cluster { $theirs }
reason-fits_complement = fits the stated complement: { $words }
