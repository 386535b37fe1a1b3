package no.samnav.mappers.apprec;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.AppRecStatus;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;

/**
 * Builds the FHIR response message for an application receipt (AppRec) to a message, in the shape
 * the AppRec readers produce and the writers take: the answering party is the original receiver,
 * the answered party the original sender, {@code response.identifier} the original message id, and
 * one OperationOutcome issue per error code (Volven 8221) with a readable description.
 */
public final class Receipts {

    private Receipts() {
    }

    /** A party of the original message: organisation name and HER-id. */
    public record Party(String name, String herId) {
    }

    /** What a receipt must say about the message it answers. */
    public record Original(String msgId, Coding msgType, BaseDateTimeType issued, Party sender, Party receiver) {
    }

    /** One error: the code and a description a person can act on (no patient data). */
    public record ReceiptError(AppRecErrorCode code, String description) {
    }

    /** A receipt with status {@code status}, answering {@code original}, with a fresh id. */
    public static Bundle receipt(Original original, AppRecStatus status, List<ReceiptError> errors, Date now) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        bundle.setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(UUID.randomUUID().toString()));
        bundle.setTimestampElement(new InstantType(now));
        MessageHeader header = new MessageHeader();
        header.setEvent(new Coding(Systems.MESSAGE_TYPE, "APPREC", "Applikasjonskvittering"));
        add(bundle, header);
        // the receiver of the original answers it; the receipt goes back to the original sender
        header.setSender(add(bundle, organisation(original.receiver())));
        header.getSource().setEndpoint(endpoint(original.receiver()));
        header.addDestination().setReceiver(add(bundle, organisation(original.sender())))
                .setEndpoint(endpoint(original.sender()));
        MessageHeader.MessageHeaderResponseComponent response = header.getResponse();
        response.setIdentifier(original.msgId());
        response.setCode(status.fhirResponse());
        Extensions.add(response.getCodeElement(), Extensions.KITH_CODE, KithCodes.coding(status));
        if (!errors.isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            for (ReceiptError error : errors) {
                CodeableConcept details = KithCodes.concept(error.code()).setText(error.description());
                outcome.addIssue()
                        .setSeverity(status == AppRecStatus.AVVIST ? OperationOutcome.IssueSeverity.ERROR
                                : OperationOutcome.IssueSeverity.WARNING)
                        .setCode(OperationOutcome.IssueType.PROCESSING)
                        .setDetails(details);
            }
            response.setDetails(add(bundle, outcome));
        }
        Extension originalExt = new Extension(Extensions.ORIGINAL_MESSAGE);
        Extensions.addSub(originalExt, "msgType", original.msgType());
        if (original.issued() != null) Extensions.addSub(originalExt, "issueDate", original.issued());
        Extensions.addSubString(originalExt, "id", original.msgId());
        response.addExtension(originalExt);
        return bundle;
    }

    private static Organization organisation(Party party) {
        Organization o = new Organization().setName(party.name() == null ? "Ukjent" : party.name());
        if (party.herId() != null) o.addIdentifier().setSystem(Systems.HER).setValue(party.herId());
        return o;
    }

    private static String endpoint(Party party) {
        return party.herId() == null ? "urn:samnav:her:unknown" : "urn:samnav:her:" + party.herId();
    }

    private static org.hl7.fhir.r4.model.Reference add(Bundle bundle, org.hl7.fhir.r4.model.Resource resource) {
        String id = UUID.randomUUID().toString();
        resource.setId(id);
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
        return new org.hl7.fhir.r4.model.Reference("urn:uuid:" + id);
    }
}
