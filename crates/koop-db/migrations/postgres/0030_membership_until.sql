-- A membership can end: the day the organisation left the network or cluster.
ALTER TABLE membership ADD COLUMN until TEXT;
