package no.samnav.gateway.flow;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.AppRecStatus;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What routing needs from a canonical message Bundle: message id, parties by HER-id (most specific
 * first), patient identifier, message type, and for receipts the answered message and status.
 */
public record MessageFacts(String msgId, Coding messageType, BaseDateTimeType issued, List<String> senderHerIds,
        String senderName, List<String> receiverHerIds, String receiverName, String patientId,
        String answersMsgId, AppRecStatus appRecStatus) {

    /** Reads the facts; {@code fallbackId} identifies a message that carries no id of its own. */
    public static MessageFacts of(Bundle bundle, String fallbackId) {
        MessageHeader header = MessageBundles.header(bundle);
        String msgId = bundle.hasIdentifier() && bundle.getIdentifier().hasValue()
                ? bundle.getIdentifier().getValue() : fallbackId;
        List<String> senderHer = herIds(bundle, header.getSender());
        Reference receiver = header.hasDestination() ? header.getDestinationFirstRep().getReceiver() : null;
        List<String> receiverHer = herIds(bundle, receiver);
        String patient = null;
        for (Patient p : MessageBundles.all(bundle, Patient.class)) {
            for (Identifier i : p.getIdentifier()) {
                if (Systems.FNR.equals(i.getSystem()) || Systems.DNR.equals(i.getSystem())) {
                    patient = i.getValue();
                    break;
                }
            }
            if (patient != null) break;
        }
        String answers = null;
        AppRecStatus status = null;
        if (header.hasResponse()) {
            answers = header.getResponse().getIdentifier();
            // a FHIR receiver names the MessageHeader it got, which HAPI gives as its urn:uuid: fullUrl
            if (answers != null && answers.startsWith("urn:uuid:")) answers = answers.substring("urn:uuid:".length());
            Coding kith = (Coding) Extensions.value(header.getResponse().getCodeElement(), Extensions.KITH_CODE);
            status = kith != null ? AppRecStatus.fromCode(kith.getCode()).orElse(null) : null;
            // a response written in FHIR only: its response code says as much (ok, fatal-error, transient-error)
            if (status == null && header.getResponse().hasCode()) {
                for (AppRecStatus s : AppRecStatus.values()) {
                    if (s.fhirResponse() == header.getResponse().getCode()) status = s;
                }
            }
        }
        BaseDateTimeType issued = bundle.hasTimestamp() ? new DateTimeType(bundle.getTimestamp()) : null;
        return new MessageFacts(msgId, header.getEventCoding(), issued, senderHer, name(bundle, header.getSender()),
                receiverHer, name(bundle, receiver), patient, answers, status);
    }

    /** HER-ids of a party: the person's, then its unit's, then each parent organisation's. */
    static List<String> herIds(Bundle bundle, Reference party) {
        List<String> result = new ArrayList<>();
        Resource r = party == null ? null : MessageBundles.resolve(bundle, party);
        if (r instanceof PractitionerRole role) {
            Resource practitioner = MessageBundles.resolve(bundle, role.getPractitioner());
            if (practitioner instanceof Practitioner p) addHer(p.getIdentifier(), result);
            r = MessageBundles.resolve(bundle, role.getOrganization());
        }
        int guard = 0;
        while (r instanceof Organization o && guard++ < 10) {
            addHer(o.getIdentifier(), result);
            r = o.hasPartOf() ? MessageBundles.resolve(bundle, o.getPartOf()) : null;
        }
        return result;
    }

    private static void addHer(List<Identifier> identifiers, List<String> into) {
        for (Identifier i : identifiers) {
            if (Systems.HER.equals(i.getSystem()) && i.hasValue() && !into.contains(i.getValue())) into.add(i.getValue());
        }
    }

    private static String name(Bundle bundle, Reference party) {
        Resource r = party == null ? null : MessageBundles.resolve(bundle, party);
        if (r instanceof PractitionerRole role) r = MessageBundles.resolve(bundle, role.getOrganization());
        return r instanceof Organization o ? o.getName() : null;
    }

    public boolean isAppRec() {
        return answersMsgId != null;
    }
}
