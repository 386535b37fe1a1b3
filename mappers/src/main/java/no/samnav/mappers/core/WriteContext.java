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

    public WriteContext(Bundle bundle, KithStandard target) {
        this.bundle = bundle;
        this.target = target;
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
