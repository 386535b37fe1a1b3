package no.samnav.mappers.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The note itself and the ids of the message that carries it.
 *
 * @param theme      the heading (Dialogmelding Notat/Tema), e.g. "Svangerskapskontroll: funn som
 *                   bør vurderes av fastlege"; required
 * @param body       the note as plain text, line breaks kept (Notat/TekstNotatInnhold); required
 * @param issued     when the note was written: the message's GenDate, the document's IssueDate and,
 *                   as an Oslo calendar day, DatoNotat; required
 * @param messageId  the message id, a UUID (Bundle.identifier and MsgHead MsgId); required
 * @param documentId the note's document id (DokIdNotat); required
 */
public record NoticeNote(String theme, String body, OffsetDateTime issued, String messageId, String documentId) {

    /** @throws IllegalArgumentException when a value is missing or the message id is no UUID */
    public NoticeNote {
        theme = Inputs.required("note.theme", theme).strip();
        body = Inputs.required("note.body", body);
        Inputs.present("note.issued", issued);
        messageId = Inputs.required("note.messageId", messageId).strip();
        if (!isUuid(messageId)) {
            // HIS 80415: a receiver answers a MsgId that is not a UUID with an error receipt
            throw new IllegalArgumentException("note.messageId must be a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        documentId = Inputs.required("note.documentId", documentId).strip();
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
