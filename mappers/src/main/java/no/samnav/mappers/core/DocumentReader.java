package no.samnav.mappers.core;

import java.util.List;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** Reads one KITH document (the content of a MsgHead RefDoc, or a bare document) into FHIR. */
public interface DocumentReader {

    /**
     * Adds the resources of this document to the bundle under construction and returns references to
     * its focus resources, in document order (one or more).
     */
    List<Reference> read(XmlElement document, ReadContext ctx);

    /** The message type (Volven 8279) a bare document of this kind stands for. */
    Coding messageType(XmlElement document);
}
