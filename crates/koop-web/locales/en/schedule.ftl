## The meeting scheduler and its runs.

sched-title = Schedule
sched-open = latest run
sched-run = Schedule the accepted meeting requests
sched-placed = newly placed
sched-kept = kept in place
sched-bound = placeable at most
sched-breaks = Idle gaps between meetings
sched-lower_bound = lower bound
sched-none_yet = The scheduler has not run for this event yet.
job-error-internal = An internal error; the run will be retried.
job-error-forbidden = Whoever started the run may no longer plan this event.
job-error-not_found = The event no longer exists.
job-error-invalid_input = The event has no B2B session with slots and tables.
job-error-conflict = The data changed during the run; please start it again.
job-error-bad_credentials = The login has expired.
sched-unplaced = Not placed

## Why the scheduler could not place a meeting, by code.

unplaced-fixed_slot_unavailable = Its fixed slot is blocked or outside a participant's availability.
unplaced-no_common_slot = No slot is free for all of its participants.
unplaced-tables_full = Every table in the participants' common free slots is taken.
unplaced-slots_full = The participants' common free slots are full: someone has another meeting, or no table is left.
unplaced-infeasible = No schedule keeps every hard rule (proven).
unplaced-rules_or_priority = It would break a precedence or the fairness bound, or displace a meeting of higher priority.
unplaced-participant_inactive = A participant no longer takes part.
unplaced-slot_taken_meanwhile = The slot was given to another meeting meanwhile.
job-error-too_many_requests = Too many runs in a short time.
sched-run_label = Run
kind-solver-optimal = proven best schedule
kind-solver-feasible = valid schedule, not proven best
kind-solver-infeasible = no schedule keeps every rule
kind-solver-unknown = stopped before a schedule was found
day-title = On the day
day-open = Check in and tick off meetings
day-meetings = Meetings of the day
day-arrivals = Arrivals
day-check_in = Check in
day-held = Held
day-no_show = No-show
flash-checked_in = Checked in.
stats-title = Statistics
stats-requests = Meeting requests
stats-meetings = Meetings
stats-per_participant = Participants by number of their meetings
stats-held_by_sector = Meetings held by sector
stats-by_country = By country
stats-requests_sent = requests sent
stats-meetings_held = meetings held
stats-no_sector = no NACE code
stats-ratings = Ratings of the meetings
