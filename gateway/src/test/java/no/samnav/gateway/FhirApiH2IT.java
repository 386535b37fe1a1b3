package no.samnav.gateway;

/** {@link FhirApiScenarios} on the embedded H2 message store (the default). */
class FhirApiH2IT extends FhirApiScenarios {
}
