-- A visit wish's rank (1 = first wish); empty for a direct booking.
ALTER TABLE visit_booking ADD COLUMN rank INTEGER;
