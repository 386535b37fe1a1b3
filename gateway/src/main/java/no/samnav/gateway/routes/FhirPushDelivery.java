package no.samnav.gateway.routes;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.nio.charset.StandardCharsets;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.Processor;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * Pushes a FHIR message Bundle to a participant's endpoint with HAPI's client
 * ({@code POST [endpoint]/$process-message}); any failure (connection, 4xx, 5xx) throws, so the
 * shared retry and dead-letter policy applies. The bearer token, when the endpoint needs one, comes
 * from the environment variable the participant names, read at each push so a rotated token is used
 * at once; it never appears in configuration or logs.
 */
@Component
public class FhirPushDelivery {

    private final FhirContext fhir;

    public FhirPushDelivery(FhirContext fhir) {
        this.fhir = fhir;
        IRestfulClientFactory factory = fhir.getRestfulClientFactory();
        // a receiver's endpoint is checked by the push itself, not by fetching its CapabilityStatement first
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout(10_000);
        factory.setSocketTimeout(60_000);
    }

    /** The processor for one participant's delivery route: the body is the Bundle's JSON. */
    public Processor to(Participant participant) {
        String base = participant.channel().endpoint().toString();
        String tokenEnv = participant.channel().endpointTokenEnv();
        return exchange -> {
            byte[] json = exchange.getIn().getBody(byte[].class);
            Bundle message = fhir.newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
            IGenericClient client = fhir.newRestfulGenericClient(base);
            String token = tokenEnv == null ? null : System.getenv(tokenEnv);
            if (token != null && !token.isBlank()) client.registerInterceptor(new BearerTokenAuthInterceptor(token));
            client.operation().processMessage().setMessageBundle(message).synchronous(Bundle.class).execute();
        };
    }
}
