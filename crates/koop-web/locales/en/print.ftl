
changes-title = Changed since printed
changes-since_label = Since the table plan was printed:
changes-since = Since the table plan was printed: { $when }
changes-never_printed = The table plan has not been printed yet. Print it first; this list then shows what changed since.
changes-none = Nothing has changed at the tables since.
changes-added = new
changes-moved = moved (was { $when }, table { $table })
changes-cancelled = cancelled
changes-what = Change
changes-pdf = The changes as PDF
changes-print_again = Print the table plan again
print-title = Printouts
