-- The pregnancy record (Helsekort for gravide) of the midwife service: one row per pregnancy, an
-- episode of care of the service; its antenatal checks with the columns the monthly report and the
-- list use; the FHIR resources of the record (Encounter, Observation, Condition, AllergyIntolerance,
-- MedicationStatement, Consent) as the API serves them; and the messages linked to the episode
-- (lab results that followed it, notices to the GP). Portable between H2 and PostgreSQL.

CREATE TABLE pregnancy (
    episode_id             VARCHAR(36)  PRIMARY KEY REFERENCES care_episode (id),
    patient_id             VARCHAR(16)  NOT NULL,
    family_name            VARCHAR(100) NOT NULL,
    given_names            VARCHAR(100) NOT NULL,
    -- where she lives (the municipality served) and the municipality that employs the midwife
    serving_municipality   VARCHAR(64)  NOT NULL,
    employing_municipality VARCHAR(64)  NOT NULL,
    term_date              DATE         NOT NULL,
    -- the woman's consent to share the card beyond the midwife service and her GP:
    -- 'given', 'not-given' or 'withdrawn'
    sharing_consent        VARCHAR(16)  NOT NULL,
    consent_changed_at     TIMESTAMP WITH TIME ZONE,
    -- the current version of the card in the shared journal, when it is shared
    card_document_id       VARCHAR(36),
    card_version           INTEGER      NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX pregnancy_patient ON pregnancy (patient_id);

CREATE TABLE antenatal_check (
    id                   VARCHAR(36) PRIMARY KEY,
    episode_id           VARCHAR(36) NOT NULL REFERENCES pregnancy (episode_id),
    check_date           DATE        NOT NULL,
    office               VARCHAR(64) NOT NULL,
    -- where the check took place decides the refund (DOMAIN.md)
    office_municipality  VARCHAR(64) NOT NULL,
    seen_by_hpr          VARCHAR(16) NOT NULL,
    seen_by_role         VARCHAR(16) NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the Dialogmelding sent to the GP about this check, if one was
    gp_notice_message_id VARCHAR(36)
);

CREATE INDEX antenatal_check_episode ON antenatal_check (episode_id, check_date);
CREATE INDEX antenatal_check_date ON antenatal_check (check_date);

CREATE TABLE pregnancy_resource (
    resource_type VARCHAR(40)  NOT NULL,
    id            VARCHAR(64)  NOT NULL,
    episode_id    VARCHAR(36)  NOT NULL REFERENCES pregnancy (episode_id),
    check_id      VARCHAR(36),
    last_updated  TIMESTAMP WITH TIME ZONE NOT NULL,
    resource_json TEXT         NOT NULL,
    PRIMARY KEY (resource_type, id)
);

CREATE INDEX pregnancy_resource_episode ON pregnancy_resource (episode_id, resource_type);

CREATE TABLE episode_message (
    episode_id VARCHAR(36) NOT NULL REFERENCES care_episode (id),
    message_id VARCHAR(36) NOT NULL,
    -- 'lab-result' (a Svarrapport that followed the episode) or 'gp-notice'
    kind       VARCHAR(16) NOT NULL,
    -- the participant that got the message because of the episode (its current office)
    copy_to    VARCHAR(64),
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (episode_id, message_id)
);
