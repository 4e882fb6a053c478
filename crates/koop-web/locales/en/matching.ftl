## Recommendations and cluster complements.

rec-title = Recommended partners
rec-for = Recommendations for
rec-show = Show
rec-your_profile = Your profile
rec-no_profile = There is no cooperation profile for this participant yet.
rec-score = score
rec-request = Request a meeting
rec-coverage = Who needs help?
cc-title = Complementary members
cc-intro = Members of your cluster and members of the clusters your cluster management named as complementary: who fits whom, and why.
cc-declared = Complementary clusters
cc-none_declared = No complementary clusters named yet.
cc-rationale = Why
cc-other = Cluster
cc-declare = Name as complementary
cc-pairs = Matching pairs
cc-no_pairs = No pairs: first name a complementary cluster.
cc-link = Complements
rec-coverage_intro = Participants with few good partners come first: a hint from the organisers helps them most.
rec-good_matches = Good partners
flash-request_sent = Meeting request sent.
