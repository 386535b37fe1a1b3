package no.samnav.gateway.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import no.samnav.gateway.security.ApiCaller;
import no.samnav.gateway.security.Scopes;
import no.samnav.gateway.store.MessageQuery;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The status of messages as {@link Task}s ({@link MessageTasks}): read by the gateway's id, search
 * by sender, receiver, patient, status and date. A client sees only the messages of the
 * participants it acts for; another's message is "not found", so its existence is not revealed.
 */
@Component
public class MessageTaskProvider implements IResourceProvider {

    private final MessageStore store;
    private final ApiAccess access;

    public MessageTaskProvider(MessageStore store, ApiAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        ApiCaller caller = access.require(Scopes.MESSAGE_READ);
        MessageQuery query = new MessageQuery(null, null, null, null, null, null, null, null, 1, null, null)
                .withId(id.getIdPart()).fromChannels(access.participantIdsOf(caller));
        List<StoredMessage> found = store.find(query);
        if (found.isEmpty() || !found.get(0).id().equals(id.getIdPart())) {
            throw new ResourceNotFoundException(id);
        }
        return task(found.get(0));
    }

    /**
     * Searches the caller's messages, newest first.
     *
     * @param sender         the sender's HER-id ({@code [system|]value})
     * @param receiver       the receiver's HER-id
     * @param patient        the patient's fødselsnummer or D-number
     * @param status         the Task status (received, in-progress, completed, rejected, failed)
     * @param businessStatus the gateway's status (RECEIVED, ROUTED, DELIVERED, ACKNOWLEDGED, ...)
     * @param identifier     the message's own id (MsgId / Bundle.identifier) or the gateway's
     * @param authoredOn     when the gateway received it
     */
    @Search
    public List<Task> search(@OptionalParam(name = "sender") TokenParam sender,
            @OptionalParam(name = "receiver") TokenParam receiver,
            @OptionalParam(name = "patient") TokenParam patient,
            @OptionalParam(name = Task.SP_STATUS) TokenParam status,
            @OptionalParam(name = Task.SP_BUSINESS_STATUS) TokenParam businessStatus,
            @OptionalParam(name = Task.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Task.SP_AUTHORED_ON) DateRangeParam authoredOn,
            @Count Integer count) {
        ApiCaller caller = access.require(Scopes.MESSAGE_READ);
        MessageQuery query;
        try {
            query = MessageQuery.parse(value(patient, null), value(sender, Systems.HER), value(receiver, Systems.HER),
                    value(businessStatus, MessageTasks.STATUS_SYSTEM),
                    authoredOn == null || authoredOn.getLowerBoundAsInstant() == null ? null
                            : authoredOn.getLowerBoundAsInstant().toInstant().toString(),
                    authoredOn == null || authoredOn.getUpperBoundAsInstant() == null ? null
                            : authoredOn.getUpperBoundAsInstant().toInstant().plusMillis(1).toString(),
                    count == null ? MessageQuery.DEFAULT_LIMIT : Math.min(count, MessageQuery.MAX_LIMIT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        if (status != null) {
            Task.TaskStatus wanted;
            try {
                wanted = Task.TaskStatus.fromCode(status.getValue());
            } catch (Exception e) {
                throw new InvalidRequestException("status must be a Task status code (received, in-progress,"
                        + " completed, rejected, failed)");
            }
            List<MessageStatus> states = MessageTasks.statusesOf(wanted);
            if (!query.statuses().isEmpty()) states = states.stream().filter(query.statuses()::contains).toList();
            // a Task status the gateway never uses matches nothing
            query = query.withStatuses(states.isEmpty() ? List.of() : states);
            if (states.isEmpty()) return List.of();
        }
        if (identifier != null) query = query.withId(identifier.getValue());
        query = query.fromChannels(access.participantIdsOf(caller));
        return store.find(query).stream().map(this::task).toList();
    }

    private Task task(StoredMessage m) {
        return MessageTasks.toTask(m, store.patientOf(m.id()), store.events(m.id()), store.deliveries(m.id()));
    }

    /** The value of a token, whose system (when given) must be {@code system}. */
    private static String value(TokenParam token, String system) {
        if (token == null) return null;
        if (system != null && token.getSystem() != null && !token.getSystem().isEmpty() && !system.equals(token.getSystem())) {
            throw new InvalidRequestException("Expected the system " + system + ", not " + token.getSystem());
        }
        return token.getValue();
    }
}
