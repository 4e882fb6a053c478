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
