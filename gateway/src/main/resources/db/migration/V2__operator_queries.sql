-- The operator API: dead letters name the participant whose delivery gave up, and the searches by
-- status and time have indexes. Portable between H2 and PostgreSQL.

ALTER TABLE message_event ADD COLUMN participant VARCHAR(64);

CREATE INDEX message_status ON message (status, received_at);
CREATE INDEX message_received ON message (received_at);
CREATE INDEX message_event_status ON message_event (status, message_id);
