package no.samnav.mappers.core;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Navigation in a canonical FHIR message Bundle. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** The MessageHeader, which a message Bundle has as its first entry. */
    public static MessageHeader header(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.MESSAGE || bundle.getEntry().isEmpty()
                || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader mh)) {
            throw new UnsupportedContentException(Location.ofPath("Bundle"),
                    "Not a FHIR message: the Bundle must have type 'message' and a MessageHeader as first entry");
        }
        return mh;
    }

    /** The resource a reference points to, by fullUrl, Type/id or contained id; null when unresolved. */
    public static Resource resolve(Bundle bundle, Reference ref) {
        if (ref == null || ref.getReference() == null) {
            return ref != null && ref.getResource() instanceof Resource r ? r : null;
        }
        String target = ref.getReference();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (target.equals(e.getFullUrl())) return e.getResource();
        }
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r != null && r.getIdElement().hasIdPart()
                    && target.equals(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
                return r;
            }
        }
        return null;
    }

    /** All resources of a type, in entry order. */
    public static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (type.isInstance(e.getResource())) result.add(type.cast(e.getResource()));
        }
        return result;
    }

    /** The FHIRPath of a bundle entry's resource, for loss reports. */
    public static String pathOf(Bundle bundle, Resource resource) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() == resource) {
                return "Bundle.entry[" + i + "].resource.ofType(" + resource.fhirType() + ")";
            }
        }
        return resource.fhirType();
    }
}
