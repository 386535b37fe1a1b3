-- message_event_status (status, message_id) serves no query: every query of the timeline names the
-- message, and reaches its events through message_event_message (the dead letters' too, as H2's
-- EXPLAIN shows). Every step on every timeline paid for it, and on the embedded H2 every commit
-- that adds a step rewrote its pages (docs/benchmarks.md). Portable between H2 and PostgreSQL.

DROP INDEX message_event_status;
