package no.samnav.mappers.core;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.LossReport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** What a writer needs besides its focus resources: the whole Bundle and the loss report. */
public final class WriteContext {

    private final Bundle bundle;
    private final KithStandard target;
    private final LossReport losses = new LossReport();
    private final boolean inMsgHead;

    public WriteContext(Bundle bundle, KithStandard target) {
        this(bundle, target, false);
    }

    /** @param inMsgHead whether the document is written inside a MsgHead (else it is the message itself) */
    public WriteContext(Bundle bundle, KithStandard target, boolean inMsgHead) {
        this.bundle = bundle;
        this.target = target;
        this.inMsgHead = inMsgHead;
    }

    /** Whether the document is written inside a MsgHead, which carries the message's id. */
    public boolean inMsgHead() {
        return inMsgHead;
    }

    /**
     * The MsgId of a document with an id of its own: written bare, the document is the message, and
     * its id is the message's (Bundle.identifier, as read or as a FHIR sender set it); inside a
     * MsgHead it keeps the id it was read with ({@code documentId}), the MsgHead carries the message's.
     */
    public String documentMsgId(String documentId) {
        String messageId = bundle.hasIdentifier() && bundle.getIdentifier().hasValue() ? bundle.getIdentifier().getValue() : null;
        if (inMsgHead) return documentId != null ? documentId : messageId;
        return messageId != null ? messageId : documentId;
    }

    public Bundle bundle() {
        return bundle;
    }

    public MessageHeader header() {
        return MessageBundles.header(bundle);
    }

    public KithStandard target() {
        return target;
    }

    /** The resource a reference points to, or null. */
    public Resource resolve(Reference ref) {
        return MessageBundles.resolve(bundle, ref);
    }

    /** The resource a reference points to, when it is of the expected type; otherwise null. */
    public <T extends Resource> T resolve(Reference ref, Class<T> type) {
        Resource r = resolve(ref);
        return type.isInstance(r) ? type.cast(r) : null;
    }

    /** Reports content the target cannot carry. */
    public void loss(String path, String fhirPath, String reason) {
        losses.add(path, fhirPath, reason);
    }

    /** Reports content of a resource the target cannot carry. */
    public void loss(String path, Resource resource, String element, String reason) {
        losses.add(path, MessageBundles.pathOf(bundle, resource) + "." + element, reason);
    }

    public LossReport losses() {
        return losses;
    }
}
