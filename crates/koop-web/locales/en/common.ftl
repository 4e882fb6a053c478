## Navigation, fields, login and error pages.

app-tagline = Cooperation across borders: from the first contact to the signed contract.
nav-home = Home
nav-organisations = Organisations
nav-networks = Networks
nav-clusters = Clusters
nav-agreements = Agreements
nav-partner_cities = Partner cities
nav-events = Events
nav-activities = Activities
nav-outcomes = Outcomes
nav-agencies = Agencies
nav-audit = Audit log
nav-login = Log in
nav-logout = Log out
home-title = Overview
home-intro = koop connects agencies, cities, networks, clusters and companies – and keeps track of what comes of every contact.
home-upcoming = Events
home-directory = Directory
home-work = Cooperation
field-name = Name
field-kind = Kind
field-country = Country
field-city = City
field-nace = NACE
field-languages = Languages
field-website = Website
field-description = Description
field-since = since
field-role = Role
field-members = Members
field-member_of = Member of
field-parties = Parties
field-contribution = Contribution
field-signed_on = signed
field-valid = valid
field-scope = Scope
field-sectors = Sectors
field-date = Date
field-place = Place
field-value = Value
field-title = Title
field-organisers = Organisers
field-venues = Venues and stations
field-sessions = Programme
field-participants = Participants
field-profiles = Cooperation profiles
field-meetings = Meetings
field-requests = Meeting requests
field-visits = Company visits
field-capacity = Seats
field-booked = booked
field-waitlist = waiting list
field-status = Status
field-time = Time
field-table = Table
field-who = Who
field-people = Contacts
field-instrument = Instrument
field-instruments = Instruments
field-goals = Goals
field-partner_city = Partner city
field-keywords = Keywords
field-seeks = seeks partners in
field-organisations = Organisations
field-overlaps = Overlaps between clusters
field-ideas = Cross-cluster project ideas
field-all = all
field-search = Search
field-email = E-mail
field-password = Password
field-action = Action
field-count = Count
field-none = – none –
field-published = public
field-internal = internal
field-agency = Agency
login-title = Log in
login-failed = Wrong e-mail or password.
login-demo_hint = Demo logins: see the output of `koop demo` (password koop-demo).

## How this language writes dates, times and numbers (chrono format strings).

format-date = %Y-%m-%d
format-day-time = %d %b, %H:%M
format-thousands = ,
language-name = English

## Forms.

form-save = Save
form-refused = Please check the marked fields.
flash-saved = Saved.
org-new = New organisation
org-nace_hint = several, separated by commas
org-publish = publish (visible to everyone)
nav-new_organisation = Add an organisation
field-size = Size
event-yours = Your participation
home-to_answer = { $count ->
    [one] One meeting request waits for your answer
   *[other] { $count } meeting requests wait for your answer
  }
home-no_profile = Your cooperation profile is missing: without one, nobody finds you.
home-next_meeting = Your next meeting
home-meetings = { $count ->
    [one] one meeting
   *[other] { $count } meetings
  }
account-title = My account
account-data = My data
account-data_intro = Everything koop holds about you – registration, profile, meeting requests, meetings and ratings – as one file (JSON).
account-download = Download my data
account-erase = Delete the account
account-erase_intro = Your login and your personal data are erased. Your organisation's meetings stay in the event's statistics, without your name.
account-erase_button = Delete the account for good
flash-erased = Your account and your personal data are erased.
