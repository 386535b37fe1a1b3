package no.samnav.mappers.core;

import java.util.List;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/** Writes focus resources of a canonical message Bundle as one KITH document of a fixed version. */
public interface DocumentWriter {

    /** True when these focus resources form a message of this writer's kind. */
    boolean canWrite(List<Resource> focus);

    /**
     * Writes the document. Content of the focus resources that this version cannot hold is reported
     * to {@link WriteContext#loss}.
     */
    void write(List<Resource> focus, WriteContext ctx, XmlOut out);

    /**
     * The MsgHead message type (Volven 8279) to send for this content; a version translation may
     * have to change it (e.g. DIALOG_HELSEFAGLIG exists only with Dialogmelding 1.1).
     */
    default Coding messageType(List<Resource> focus, Coding original, WriteContext ctx) {
        return original;
    }

    /**
     * True when a bare document of this kind carries the message's attachment documents itself
     * (Henvisning 1.1 ServReq/RefDoc): the writer then writes them, and a bare write does not
     * report them as lost.
     */
    default boolean writesAttachments() {
        return false;
    }
}
