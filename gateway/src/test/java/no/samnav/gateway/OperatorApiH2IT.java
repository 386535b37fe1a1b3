package no.samnav.gateway;

/** {@link OperatorApiScenarios} on the embedded H2 message store (the default). */
class OperatorApiH2IT extends OperatorApiScenarios {
}
