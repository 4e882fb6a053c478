-- The leads each co-exhibitor collected at a joint stand (or each organisation at any
-- activity): how many qualified contacts it brought home.
ALTER TABLE activity_org ADD COLUMN leads INTEGER;
