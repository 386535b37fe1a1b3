-- H2 only (spring.flyway.locations: db/vendor/{vendor}). H2 writes an identity column's next value
-- ahead into its metadata every CACHE values (32 by default), in a commit of its own, and with
-- WRITE_DELAY=0 that commit writes every page changed since the store's last write, an ingest
-- batch's included: 5.8 % of a flight recording's samples at full load, one store write per 32
-- timeline steps (docs/benchmarks.md). H2's cache is one counter for the whole database, so the
-- steps keep their order; a kill skips at most 4,096 ids and never reuses one. Not on PostgreSQL,
-- where each connection would cache its own range and a timeline's steps, ordered by id, could
-- come out of order.
ALTER TABLE message_event ALTER COLUMN id SET CACHE 4096;
ALTER TABLE audit_event ALTER COLUMN seq SET CACHE 4096;
ALTER TABLE pregnancy_resource ALTER COLUMN seq SET CACHE 4096;
