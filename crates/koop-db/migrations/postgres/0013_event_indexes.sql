-- Indexes for the pages people read during an event: a participant's agenda, requests
-- and profiles, and an event's meetings and participants. Without them each of these
-- reads every row of its table, which at a thousand participants is most of a page's time.
CREATE INDEX meeting_event ON meeting (event_id, starts_at);
CREATE INDEX meeting_participant_participant ON meeting_participant (participant_id);
CREATE INDEX participant_event ON participant (event_id);
CREATE INDEX meeting_request_requester ON meeting_request (requester_id);
CREATE INDEX meeting_request_receiver ON meeting_request (receiver_id);
CREATE INDEX profile_participant ON profile (participant_id);
CREATE INDEX membership_member ON membership (member_id);
CREATE INDEX event_session_event ON event_session (event_id);
