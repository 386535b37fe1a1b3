package no.samnav.gateway.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.AppRecStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * A message's status as a FHIR {@link Task}: {@code focus} is the message (by its identifier),
 * {@code requester} the sender and {@code owner} the receiver (by HER-id), {@code for} the patient,
 * {@code businessStatus} the gateway's status, one {@value #STEP} extension per step of the
 * timeline, and an {@code apprec} output once the receiver's AppRec has come back.
 */
public final class MessageTasks {

    private MessageTasks() {
    }

    /** The gateway's own message ids. */
    public static final String GATEWAY_ID = "http://samnav.no/fhir/NamingSystem/gateway-message-id";
    /** The gateway's message states ({@link MessageStatus} names). */
    public static final String STATUS_SYSTEM = "http://samnav.no/fhir/CodeSystem/message-status";
    /** One step of the status timeline: status, at, participant, detail. */
    public static final String STEP = "http://samnav.no/fhir/StructureDefinition/message-status-step";
    /** Task.output types. */
    public static final String OUTPUT_SYSTEM = "http://samnav.no/fhir/CodeSystem/message-output";

    /** The FHIR Task status of each gateway status. */
    public static final Map<MessageStatus, Task.TaskStatus> TASK_STATUS = Map.of(
            MessageStatus.RECEIVED, Task.TaskStatus.RECEIVED,
            MessageStatus.ROUTED, Task.TaskStatus.INPROGRESS,
            MessageStatus.DELIVERED, Task.TaskStatus.INPROGRESS,
            MessageStatus.RESENT, Task.TaskStatus.INPROGRESS,
            MessageStatus.ACKNOWLEDGED, Task.TaskStatus.COMPLETED,
            MessageStatus.REJECTED, Task.TaskStatus.REJECTED,
            MessageStatus.DEAD_LETTERED, Task.TaskStatus.FAILED,
            MessageStatus.DISCARDED, Task.TaskStatus.CANCELLED);

    /** The gateway states behind a FHIR Task status (empty for one the gateway never uses). */
    public static List<MessageStatus> statusesOf(Task.TaskStatus status) {
        return TASK_STATUS.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).sorted().toList();
    }

    public static Task toTask(StoredMessage m, String patientId, List<MessageStore.Event> events,
            List<MessageStore.DeliveryRecord> deliveries) {
        Task task = new Task();
        task.setId(m.id());
        task.addIdentifier(new Identifier().setSystem(GATEWAY_ID).setValue(m.id()));
        task.addIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(m.msgId()));
        task.setStatus(TASK_STATUS.get(m.status()));
        task.setBusinessStatus(new CodeableConcept(new Coding(STATUS_SYSTEM, m.status().name(), null)));
        task.setIntent(Task.TaskIntent.ORDER);
        if (m.messageType() != null) task.setCode(new CodeableConcept(new Coding(Systems.MESSAGE_TYPE, m.messageType(), null)));
        task.setFocus(new Reference().setType("Bundle").setIdentifier(
                new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(m.msgId())));
        if (patientId != null) {
            task.setFor(new Reference().setType("Patient").setIdentifier(new Identifier()
                    .setSystem(NorwegianIds.isDNumber(patientId) ? Systems.DNR : Systems.FNR).setValue(patientId)));
        }
        if (m.senderHer() != null) task.setRequester(herReference(m.senderHer()));
        if (m.receiverHer() != null) task.setOwner(herReference(m.receiverHer()));
        task.setAuthoredOn(Date.from(m.receivedAt()));
        task.setLastModified(Date.from(events.isEmpty() ? m.receivedAt() : events.get(events.size() - 1).at()));
        for (MessageStore.Event e : events) {
            Extension step = task.addExtension().setUrl(STEP);
            step.addExtension("status", new Coding(STATUS_SYSTEM, e.status().name(), null));
            step.addExtension("at", new DateTimeType(Date.from(e.at())));
            if (e.participant() != null) step.addExtension("participant", new StringType(e.participant()));
            if (e.detail() != null) step.addExtension("detail", new StringType(e.detail()));
            if (e.status() == MessageStatus.REJECTED && e.detail() != null) task.setStatusReason(new CodeableConcept().setText(e.detail()));
            appRec(e).ifPresent(status -> task.addOutput()
                    .setType(new CodeableConcept(new Coding(OUTPUT_SYSTEM, "apprec", "AppRec from the receiver")))
                    .setValue(new Coding(Systems.URN_OID + AppRecStatus.OID, status.code(), status.displayName())));
        }
        for (MessageStore.DeliveryRecord d : deliveries) {
            task.addOutput().setType(new CodeableConcept(new Coding(OUTPUT_SYSTEM, "delivery", "Delivery to a participant")))
                    .setValue(new StringType(d.participant() + " as " + d.standard()
                            + (d.deliveredAt() == null ? ", not yet delivered" : ", delivered " + d.deliveredAt())));
        }
        return task;
    }

    private static Reference herReference(String her) {
        return new Reference().setType("Organization").setIdentifier(new Identifier().setSystem(Systems.HER).setValue(her));
    }

    /** The AppRec status a receipt step records ("AppRec 1 from the receiver"), if the step is one. */
    private static java.util.Optional<AppRecStatus> appRec(MessageStore.Event e) {
        if ((e.status() != MessageStatus.ACKNOWLEDGED && e.status() != MessageStatus.REJECTED) || e.detail() == null
                || !e.detail().startsWith("AppRec ")) {
            return java.util.Optional.empty();
        }
        String code = e.detail().substring("AppRec ".length()).split(" ", 2)[0];
        return AppRecStatus.fromCode(code);
    }
}
