-- Claims on outbox files when several gateway nodes read the same folders (samnav.cluster.enabled):
-- the table of Camel's JdbcOrphanLockAwareIdempotentRepository (its column names), keyed so that
-- two nodes cannot both insert the claim on one file. messageid is the file's absolute path.
CREATE TABLE file_claim (
    processorname VARCHAR(255) NOT NULL,
    messageid VARCHAR(1024) NOT NULL,
    createdat TIMESTAMP NOT NULL,
    PRIMARY KEY (processorname, messageid)
);
