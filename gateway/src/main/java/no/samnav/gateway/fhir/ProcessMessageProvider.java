package no.samnav.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.validation.ValidationResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.flow.MessageFacts;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Addressing;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.routes.ApiIngestProcessor;
import no.samnav.gateway.routes.ApiIngestRoute;
import no.samnav.gateway.security.ApiCaller;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.error.MappingException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UrlType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/$process-message}: a FHIR message Bundle enters the same ingest, route,
 * translate and deliver path as the file and JMS channels. Before anything is stored the gateway
 * checks what the client can correct at once, and answers 422 with the FHIRPath of the problem:
 * the Bundle against FHIR R4 and no-basis, its identifier, that the caller may send as its sender,
 * and that the receiver exists and reads the standard in some version.
 * <ul>
 * <li>Synchronous ({@code async=false}, the default): stored and routed, then answered with a
 * response message (MessageHeader.response {@code ok}, details: the Task that follows it).</li>
 * <li>Asynchronous ({@code async=true}): stored and queued for routing, answered 202 with
 * {@code Content-Location} of the Task.</li>
 * </ul>
 * The same Bundle sent again (same identifier and content) gets the first outcome.
 */
@Component
public class ProcessMessageProvider {

    private static final Logger log = LoggerFactory.getLogger(ProcessMessageProvider.class);

    private static final java.util.regex.Pattern UUID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final FhirContext fhir;
    private final ApiAccess access;
    private final RegistryHolder registry;
    private final Mappers mappers;
    private final ProducerTemplate camel;
    private final Optional<BoundedValidation> validation;

    public ProcessMessageProvider(FhirContext fhir, ApiAccess access, RegistryHolder registry, Mappers mappers,
            ProducerTemplate camel, FhirApiSettings settings, BoundedValidation validation) {
        this.fhir = fhir;
        this.access = access;
        this.registry = registry;
        this.mappers = mappers;
        this.camel = camel;
        this.validation = settings.validateMessages() ? Optional.of(validation) : Optional.empty();
    }

    @Operation(name = "$process-message", idempotent = false, manualResponse = true)
    public void processMessage(@ResourceParam Bundle message, RequestDetails request, HttpServletResponse response)
            throws IOException {
        ApiCaller caller = access.require(Scopes.MESSAGE_WRITE);
        boolean async = "true".equals(first(request, "async"));
        if (message == null) throw new InvalidRequestException("The request body must be a FHIR message Bundle");
        Participant sender = senderOf(message, caller);
        check(message);
        Exchange done = camel.send(ApiIngestRoute.ENDPOINT, e -> e.getIn().setBody(
                new ApiIngestProcessor.Submission(sender, message, !async)));
        if (done.getException() instanceof IngestService.DuplicateIdException dup) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.DUPLICATE, "Bundle.identifier", dup.getMessage());
        }
        if (done.getException() != null) {
            log.error("a message from {} could not be taken", sender.id(), done.getException());
            throw new InternalErrorException("The gateway could not store the message; nothing was accepted. Send it"
                    + " again later (the same Bundle is recognised)");
        }
        IngestService.Outcome outcome = done.getProperty(ApiIngestProcessor.OUTCOME_PROPERTY, IngestService.Outcome.class);
        String taskUrl = request.getFhirServerBase() + "/Task/" + outcome.messageId();
        EncodingEnum encoding = RestfulServerUtils.determineResponseEncodingWithDefault(request).getEncoding();
        if (async) {
            OperationOutcome accepted = new OperationOutcome();
            accepted.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("Accepted and stored; follow its status at Task/" + outcome.messageId());
            write(response, HttpServletResponse.SC_ACCEPTED, taskUrl, encoding, accepted);
        } else {
            write(response, HttpServletResponse.SC_OK, taskUrl, encoding, responseMessage(message, outcome, taskUrl, sender));
        }
    }

    /** What the client can correct: 422 with the location; returns the message as read. */
    private ReadResult check(Bundle message) {
        validation.ifPresent(v -> {
            ValidationResult result = v.result(message);
            if (!result.isSuccessful()) {
                throw new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException(fhir, result.toOperationOutcome());
            }
        });
        ReadResult read;
        try {
            read = mappers.readBundle(message);
        } catch (MappingException e) {
            throw FhirErrors.unprocessable(fhir, e);
        }
        MessageHeader header = MessageBundles.header(message);
        if (!header.hasResponse()) {
            MessageFacts facts = MessageFacts.of(message, message.getIdentifier().getValue());
            String where = "Bundle.entry[0].resource.destination[0].receiver";
            if (facts.receiverHerIds().isEmpty()) {
                throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.REQUIRED, where,
                        "The receiver must be an Organization (or PractitionerRole) in the Bundle with a HER-id");
            }
            ParticipantRegistry participants = registry.current();
            Addressing addressing = participants.resolve(facts.receiverHerIds(), facts.patientId());
            if (addressing instanceof Addressing.Unresolved unresolved) {
                throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.NOTFOUND, where, unresolved.reason());
            }
            Participant to = ((Addressing.Resolved) addressing).participant();
            KithStandard standard = read.standard();
            if (to.versionFor(standard.family(), standard).isEmpty()) {
                throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.NOTSUPPORTED, "Bundle.entry[0].resource.focus",
                        to.name() + " does not read " + standard.family() + " in any version");
            }
        }
        return read;
    }

    /** The participant the message is sent as, which must be one the caller acts for (else 403). */
    private Participant senderOf(Bundle message, ApiCaller caller) {
        if (message.getType() != Bundle.BundleType.MESSAGE) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.INVALID, "Bundle.type",
                    "$process-message takes a Bundle of type 'message', not '" + message.getType() + "'");
        }
        if (!message.hasIdentifier() || !message.getIdentifier().hasValue()) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.REQUIRED, "Bundle.identifier",
                    "A message needs Bundle.identifier: the receiver's AppRec and a resubmission refer to it");
        }
        if (!UUID.matcher(message.getIdentifier().getValue()).matches()) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "Bundle.identifier.value",
                    "Bundle.identifier.value must be a UUID: it becomes the MsgId of the Hodemelding that KITH"
                            + " receivers get (HIS 80415)");
        }
        MessageFacts facts;
        try {
            facts = MessageFacts.of(message, message.getIdentifier().getValue());
        } catch (MappingException e) {
            throw FhirErrors.unprocessable(fhir, e);
        }
        if (facts.senderHerIds().isEmpty()) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.REQUIRED, "Bundle.entry[0].resource.sender",
                    "The sender must be an Organization (or PractitionerRole) in the Bundle with a HER-id");
        }
        List<Participant> mine = access.participantsOf(caller);
        Optional<Participant> sender = registry.current().addressedBy(facts.senderHerIds());
        if (sender.isEmpty() || !mine.contains(sender.get())) {
            throw new ForbiddenOperationException("Client " + caller.clientId() + " may not send as HER-id "
                    + facts.senderHerIds().get(facts.senderHerIds().size() - 1) + (mine.isEmpty()
                            ? "; it is registered for no participant (api-clients in the cooperation file)"
                            : "; it sends for " + mine.stream().map(Participant::id).toList()));
        }
        return sender.get();
    }

    private Bundle responseMessage(Bundle request, IngestService.Outcome outcome, String taskUrl, Participant sender) {
        MessageHeader asked = MessageBundles.header(request);
        // routing refused it after all (e.g. it cannot be written in the receiver's version): its only
        // delivery is the AppRec "avvist" to the sender's own channel, and the Task says why
        boolean rejected = outcome instanceof IngestService.Outcome.Routed routed && !routed.resubmission()
                && routed.deliveries().size() == 1 && sender.id().equals(routed.deliveries().get(0).participant());
        Bundle answer = new Bundle().setType(Bundle.BundleType.MESSAGE);
        answer.setTimestamp(new java.util.Date());
        MessageHeader header = new MessageHeader();
        header.setId(java.util.UUID.randomUUID().toString());
        header.setEvent(asked.getEvent());
        header.setSource(new MessageHeader.MessageSourceComponent(new UrlType(taskUrl.substring(0, taskUrl.indexOf("/Task/"))))
                .setName("Samnav"));
        // the id of the MessageHeader answered (an id, so without the urn:uuid: of its fullUrl)
        String askedId = asked.getIdElement().getIdPart();
        if (askedId != null && askedId.startsWith("urn:uuid:")) askedId = askedId.substring("urn:uuid:".length());
        header.getResponse().setIdentifier(askedId != null ? askedId : request.getIdentifier().getValue())
                .setCode(rejected ? MessageHeader.ResponseType.FATALERROR : MessageHeader.ResponseType.OK)
                .setDetails(new Reference(taskUrl).setDisplay(rejected
                        ? "Rejected by the gateway; the Task's statusReason says why" : describe(outcome)));
        answer.addEntry().setFullUrl("urn:uuid:" + header.getId()).setResource(header);
        return answer;
    }

    private static String describe(IngestService.Outcome outcome) {
        if (outcome instanceof IngestService.Outcome.Routed routed) {
            return routed.resubmission() ? "Sent before; its status is in the Task" : "Stored and routed to "
                    + routed.deliveries().stream().map(d -> d.participant() == null ? "routing" : d.participant()).toList();
        }
        return "Stored; routing follows";
    }

    private void write(HttpServletResponse response, int status, String taskUrl, EncodingEnum encoding,
            org.hl7.fhir.instance.model.api.IBaseResource body) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Location", taskUrl);
        response.setContentType(encoding.getResourceContentTypeNonLegacy() + ";charset=UTF-8");
        response.getOutputStream().write(encoding.newParser(fhir).encodeResourceToString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static String first(RequestDetails request, String name) {
        String[] values = request.getParameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
