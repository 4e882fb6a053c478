
changes-title = Geändert seit dem Druck
changes-since_label = Seit der Tischplan gedruckt wurde:
changes-since = Seit der Tischplan gedruckt wurde: { $when }
changes-never_printed = Der Tischplan ist noch nicht gedruckt. Drucken Sie ihn zuerst; diese Liste zeigt dann, was sich seitdem geändert hat.
changes-none = An den Tischen hat sich seitdem nichts geändert.
changes-added = neu
changes-moved = verlegt (war { $when }, Tisch { $table })
changes-cancelled = abgesagt
changes-what = Änderung
changes-pdf = Die Änderungen als PDF
changes-print_again = Tischplan neu drucken
print-title = Ausdrucke
