package no.samnav.gateway;

/** {@link FileFlowScenarios} on the embedded H2 message store (the default). */
class FileFlowH2IT extends FileFlowScenarios {
}
