package no.samnav.mappers.core;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/** The Bundle under construction while a message is read, and what readers share. */
public final class ReadContext {

    private final Bundle bundle;
    private final MessageHeader header;
    private final ResourceIds ids;
    private Reference patient;

    public ReadContext(String idSeed) {
        this.bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        this.header = new MessageHeader();
        this.ids = new ResourceIds(idSeed);
        add(header);
    }

    public Bundle bundle() {
        return bundle;
    }

    public MessageHeader header() {
        return header;
    }

    /** Adds a resource as a bundle entry with a fresh id and returns a reference to it. */
    public Reference add(Resource resource) {
        String id = ids.next();
        resource.setId(id);
        String fullUrl = "urn:uuid:" + id;
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        return new Reference(fullUrl);
    }

    /** The patient the message is about (MsgHead MsgInfo/Patient, or the document's own), or null. */
    public Reference patient() {
        return patient == null ? null : patient.copy();
    }

    public void setPatient(Reference patient) {
        this.patient = patient;
    }

    /** The resource a reference created by {@link #add} points to. */
    public Resource resolve(Reference ref) {
        return MessageBundles.resolve(bundle, ref);
    }

    /**
     * Records content of the source that no mapping covered, so it is carried (and reported when
     * written) instead of dropped.
     */
    public void unmapped(String path, String xml) {
        Extension e = header.addExtension().setUrl(Extensions.UNMAPPED);
        e.addExtension("path", new StringType(path));
        if (xml != null) e.addExtension("xml", new StringType(xml));
    }

    /** Records the unread parts of a parsed document (see {@link XmlElement#collectUnread}). */
    public int recordUnread(XmlElement root) {
        int[] count = {0};
        root.collectUnread(e -> {
            count[0]++;
            unmapped(e.path(), e.outerXml());
        }, attributePath -> {
            count[0]++;
            unmapped(attributePath, null);
        });
        return count[0];
    }

    /** The standard a document namespace belongs to, for nested documents. */
    public static KithStandard standardOf(XmlElement document) {
        return KithStandard.fromNamespace(document.namespace(), document.location());
    }
}
