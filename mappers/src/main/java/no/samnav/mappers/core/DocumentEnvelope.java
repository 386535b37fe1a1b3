package no.samnav.mappers.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samnav.mappers.fhir.Extensions;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UriType;

/**
 * The {@value Extensions#DOCUMENT} extension on MessageHeader.focus: which MsgHead Document a focus
 * resource came from (its 1-based index, so several focus resources can share one document), the
 * standard of an XML document, and the Document/RefDoc fields that have no FHIR element.
 */
public final class DocumentEnvelope {

    private DocumentEnvelope() {
    }

    public static final String INDEX = "index";
    public static final String STANDARD = "standard";

    /** Marks a focus reference as (part of) document number {@code index}; returns the extension for more fields. */
    public static Extension mark(Reference focus, int index, String namespace) {
        Extension e = focus.getExtensionByUrl(Extensions.DOCUMENT);
        if (e == null) {
            e = focus.addExtension().setUrl(Extensions.DOCUMENT);
            e.addExtension(INDEX, new IntegerType(index));
            if (namespace != null) e.addExtension(STANDARD, new UriType(namespace));
        }
        return e;
    }

    /** The document index of a focus reference; focus without the extension each form their own document. */
    public static int index(Reference focus, int fallback) {
        Extension e = focus.getExtensionByUrl(Extensions.DOCUMENT);
        if (e == null) return fallback;
        Extension i = e.getExtensionByUrl(INDEX);
        return i == null ? fallback : ((IntegerType) i.getValue()).getValue();
    }

    /** The namespace recorded for an XML document, or null. */
    public static String namespace(Reference focus) {
        return Extensions.subString(focus.getExtensionByUrl(Extensions.DOCUMENT), STANDARD);
    }

    /** The focus references grouped by document, in document order. */
    public static List<List<Reference>> groups(MessageHeader header) {
        Map<Integer, List<Reference>> byIndex = new LinkedHashMap<>();
        int fallback = 10_000;
        for (Reference focus : header.getFocus()) {
            int index = index(focus, fallback++);
            byIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(focus);
        }
        return new ArrayList<>(byIndex.values());
    }
}
