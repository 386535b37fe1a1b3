package no.samnav.gateway;

/** {@link SharedJournalScenarios} on the embedded H2 database (the default). */
class SharedJournalH2IT extends SharedJournalScenarios {
}
