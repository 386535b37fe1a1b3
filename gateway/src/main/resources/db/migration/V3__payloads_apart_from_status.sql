-- The payloads (original bytes, canonical FHIR, translated payloads) move out of the rows whose
-- status changes with every step. On the embedded H2 each commit rewrites the pages of the rows it
-- touched; with the payloads inline, every status update rewrote several kilobytes of neighbouring
-- payloads (measured with the load harness: the store took 43 % of the gateway's CPU). The content
-- tables are written once and read by id. Portable between H2 and PostgreSQL.

CREATE TABLE message_content (
    message_id VARCHAR(36) PRIMARY KEY REFERENCES message (id),
    original   BYTEA       NOT NULL,
    fhir_json  TEXT        NOT NULL
);

INSERT INTO message_content (message_id, original, fhir_json) SELECT id, original, fhir_json FROM message;

ALTER TABLE message DROP COLUMN original;
ALTER TABLE message DROP COLUMN fhir_json;

CREATE TABLE delivery_content (
    message_id  VARCHAR(36) NOT NULL,
    participant VARCHAR(64) NOT NULL,
    payload     BYTEA       NOT NULL,
    PRIMARY KEY (message_id, participant),
    FOREIGN KEY (message_id, participant) REFERENCES delivery (message_id, participant)
);

INSERT INTO delivery_content (message_id, participant, payload) SELECT message_id, participant, payload FROM delivery;

ALTER TABLE delivery DROP COLUMN payload;
