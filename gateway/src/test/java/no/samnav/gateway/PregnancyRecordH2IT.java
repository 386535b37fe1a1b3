package no.samnav.gateway;

/** {@link PregnancyRecordScenarios} on the embedded H2 database (the default). */
class PregnancyRecordH2IT extends PregnancyRecordScenarios {
}
