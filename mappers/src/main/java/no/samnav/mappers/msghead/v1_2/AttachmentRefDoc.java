package no.samnav.mappers.msghead.v1_2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * The part of a RefDoc that describes an attachment (vedlegg, HIS 1036) after its MsgType: Id,
 * MimeType, Description, Compression and the bytes in a Base64Container, or a FileReference.
 * MsgHead and Henvisning 1.1 share this RefDoc shape, each in its own namespace.
 */
public final class AttachmentRefDoc {

    private AttachmentRefDoc() {
    }

    /** Writes the attachment fields into the RefDoc element that is open in {@code out}. */
    public static void write(XmlOut out, String ns, DocumentReference doc, Attachment attachment, Coding compression) {
        out.leaf("Id", doc.hasMasterIdentifier() ? doc.getMasterIdentifier().getValue() : null);
        out.leaf("MimeType", attachment.getContentType());
        out.leaf("Description", doc.getDescription());
        KithCodes.writeCs(out, ns, "Compression", compression);
        if (attachment.hasData()) {
            out.start("Content");
            out.start(MsgHeadV1_2.BASE64_NS, "Base64Container");
            // MIME line length, as the examples of HIS 1036 write it
            out.text(new String(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encode(attachment.getData()), StandardCharsets.US_ASCII));
            out.end();
            out.end();
        } else if (attachment.hasUrl()) {
            out.leaf("FileReference", attachment.getUrl());
        }
    }
}
