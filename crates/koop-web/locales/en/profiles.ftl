## Writing cooperation profiles.

profile-new = New cooperation profile
profile-edit = Edit the cooperation profile
profile-lead = Describe one thing your organisation offers or seeks. Other participants find it in the marketplace, and the recommendations use it.
profile-language = Written in (language)
profile-summary = Summary (one paragraph)
profile-countries_sought = Partners sought in (countries; empty = anywhere)
profile-meeting_languages = You can meet in (languages)
profile-deadline = Valid until
profile-save = Save the profile
profile-is_published = This profile is in the marketplace.
profile-is_archived = This profile is not in the marketplace.
profile-archive = Take it off the marketplace
profile-publish = Put it in the marketplace
profile-yours = Your cooperation profiles
profile-none_yet = You have no cooperation profile yet. Without one, nobody finds you in the marketplace and there are no recommendations for you.
profile-add = Add a cooperation profile
profile-edit_link = Edit
flash-profile_saved = Profile saved.
flash-profile_published = The profile is in the marketplace again.
flash-profile_archived = The profile is off the marketplace.
profile-off_market = not in the marketplace
field-summary = Summary
field-language = Language
field-countries_sought = Partners sought in
field-deadline = Valid until
