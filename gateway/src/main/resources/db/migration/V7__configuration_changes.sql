-- Changes of the cooperation file made in the operator console: who, when, and the file before and
-- after (SHA-256), with what the reload changed. Portable between H2 and PostgreSQL.

CREATE TABLE configuration_change (
    id          VARCHAR(36)   PRIMARY KEY,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    operator    VARCHAR(80)   NOT NULL,
    file        VARCHAR(500)  NOT NULL,
    sha_before  VARCHAR(64)   NOT NULL,
    sha_after   VARCHAR(64)   NOT NULL,
    summary     VARCHAR(2000) NOT NULL
);

CREATE INDEX configuration_change_at ON configuration_change (changed_at);
