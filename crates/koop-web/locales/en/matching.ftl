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
inbox-title = Meeting requests
inbox-received = Received
inbox-sent = Sent
inbox-none_received = No requests to you yet.
inbox-none_sent = You have not asked anyone yet.
inbox-accept = Accept
inbox-decline = Decline
inbox-withdraw = Withdraw
flash-request_accepted = Accepted. The meeting will be scheduled.
flash-request_declined = Declined.
flash-request_withdrawn = Withdrawn.
agenda-title = Meetings
agenda-empty = No meetings scheduled yet.
rec-message = Message (optional)
agenda-feed = Subscribe to the calendar
agenda-feed_hint = Add this address to your calendar app: changes to the schedule appear there by themselves.
ical-summary = Meeting: { $partners }
market-title = Marketplace
market-words = Search
market-words_hint = e.g. packaging, металл, Batterie
market-count = { $found } of { $total } { $total ->
    [one] profile
   *[other] profiles
  }
rating-question = How useful was this meeting? (1 = not at all, 5 = very)
rating-comment = Comment (optional)
rating-send = Rate
rating-change = Change the rating
flash-thanks = Thank you for your rating.
inbox-pick_time = Time
inbox-propose = Propose this time
inbox-other_time = Another time
inbox-accept_proposal = Accept at the proposed time
inbox-you_proposed = You proposed { $time }; the other side may accept it or propose another.
inbox-they_proposed = { $org } proposes { $time }.
flash-time_proposed = Time proposed. The other side has been told.
inbox-accept_at = Accept at this time
inbox-slot = { $time } · table { $table }
flash-meeting_placed = Accepted. The meeting is on both agendas.
