package no.samnav.conformance.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * Synthetic traffic: Dialogmelding 1.1 notes built from the shipped sample
 * ({@code samples/dialogmelding-1.1-notat.xml}) with a fresh MsgId between two demo participants,
 * and the AppRec a receiving journal system answers with, in its own version.
 * <p>
 * Each note is a document of its own (its {@code DokIdNotat} derived from its MsgId) about one of
 * {@value #PATIENTS} synthetic patients (Skatteetaten's test numbers, month + 80, chosen by the
 * MsgId), as a municipality's traffic is: the shared journal publishes every note as a new document,
 * and the store's patient indexes see many patients. With the sample's one document and one patient
 * the journal published the first note and found every later one published already.
 */
public final class HarnessMessages {

    private static final Pattern SENDER = Pattern.compile("(?s)<Sender>.*?</Sender>");
    private static final Pattern RECEIVER = Pattern.compile("(?s)<Receiver>.*?</Receiver>");
    private static final Pattern MSG_ID = Pattern.compile("<(?:\\w+:)?MsgId>\\s*([^<\\s]+)\\s*</");
    private static final Pattern ORIGINAL_ID = Pattern.compile("(?s)<(?:\\w+:)?OriginalMsgId>.*?<(?:\\w+:)?Id>\\s*([^<\\s]+)\\s*</");
    private static final Pattern APPREC_ID = Pattern.compile("(?s)<(?:\\w+:)?GenDate>.*?<(?:\\w+:)?Id>\\s*([^<\\s]+)\\s*</");
    private static final Pattern TYPE = Pattern.compile("<(?:\\w+:)?Type V=\"([A-Z_]+)\"");
    private static final String SAMPLE_MSG_ID = "3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10";
    private static final String SAMPLE_DOCUMENT_ID = "7a0f4c52-1d2e-4f8b-9c3a-5e6d7f8a9b01";
    private static final String SAMPLE_PATIENT = "12059248241";
    /** How many synthetic patients the notes are about. */
    public static final int PATIENTS = 2000;
    private static final String[] PATIENT_NUMBERS = syntheticPatients(PATIENTS);

    private final String sample;

    public HarnessMessages(Path sampleFile) throws IOException {
        this.sample = Files.readString(sampleFile, StandardCharsets.UTF_8);
        if (!sample.contains(SAMPLE_MSG_ID) || !sample.contains(SAMPLE_DOCUMENT_ID) || !sample.contains(SAMPLE_PATIENT)) {
            throw new IllegalArgumentException(sampleFile + " is not the shipped sample note");
        }
    }

    /** A Dialogmelding 1.1 note from {@code from} to {@code to} with message id {@code msgId}. */
    public byte[] note(String msgId, DemoParticipant from, DemoParticipant to) {
        String xml = sample.replace(SAMPLE_MSG_ID, msgId).replace(SAMPLE_DOCUMENT_ID, documentId(msgId))
                .replace(SAMPLE_PATIENT, patient(msgId));
        xml = SENDER.matcher(xml).replaceFirst(Matcher.quoteReplacement("<Sender>" + organisation(from) + "</Sender>"));
        xml = RECEIVER.matcher(xml).replaceFirst(Matcher.quoteReplacement("<Receiver>" + organisation(to) + "</Receiver>"));
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The document id of the note with message id {@code msgId}. */
    public static String documentId(String msgId) {
        return UUID.nameUUIDFromBytes(("document " + msgId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The synthetic fødselsnummer of the patient the note with message id {@code msgId} is about. */
    public static String patient(String msgId) {
        return PATIENT_NUMBERS[Math.floorMod(msgId.hashCode(), PATIENT_NUMBERS.length)];
    }

    /** {@code count} synthetic fødselsnumre: birth dates spread over 1950–2005, month + 80, valid check digits. */
    static String[] syntheticPatients(int count) {
        String[] numbers = new String[count];
        LocalDate first = LocalDate.of(1950, 1, 1);
        int found = 0;
        for (int i = 0; found < count; i++) {
            LocalDate born = first.plusDays(i * 9L % 20_089);
            int individual = 100 + i % 400; // 000–499: born in the 1900s; 2000s numbers use 500–999
            if (born.getYear() >= 2000) individual += 400;
            String nine = String.format("%02d%02d%02d%03d", born.getDayOfMonth(), born.getMonthValue() + 80,
                    born.getYear() % 100, individual);
            String number = NorwegianIds.withCheckDigits(nine);
            if (number != null) numbers[found++] = number;
        }
        return numbers;
    }

    private static String organisation(DemoParticipant p) {
        return "<Organisation><OrganisationName>" + p.name() + "</OrganisationName><Ident><Id>" + p.herId()
                + "</Id><TypeId V=\"HER\" DN=\"HER-id\" S=\"2.16.578.1.12.4.1.1.9051\"/></Ident></Organisation>";
    }

    /**
     * The AppRec "OK" that {@code receiver}'s journal system writes for the message it got from
     * {@code sender}, in the receiver's AppRec version.
     */
    public static byte[] appRec(String appRecId, String originalMsgId, String originalType, DemoParticipant receiver,
            DemoParticipant sender) {
        String typeName = "DIALOG_NOTAT".equals(originalType) ? "Notat" : "Helsefaglig dialog";
        String xml = receiver.appRec10() ? """
                <?xml version="1.0" encoding="UTF-8"?>
                <AppRec xmlns="http://www.kith.no/xmlstds/apprec/2004-11-21">
                  <MsgType V="APPREC" DN="Applikasjonskvittering"/>
                  <MIGversion>1.0 2004-11-21</MIGversion>
                  <GenDate>2026-03-04T10:20:00</GenDate>
                  <Id>%1$s</Id>
                  <Sender><HCP><Inst><Name>%2$s</Name><Id>%3$s</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP></Sender>
                  <Receiver><HCP><Inst><Name>%4$s</Name><Id>%5$s</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP></Receiver>
                  <Status V="1" DN="OK"/>
                  <OriginalMsgId>
                    <MsgType V="%6$s" DN="%7$s"/>
                    <IssueDate>2026-03-04T10:15:00</IssueDate>
                    <Id>%8$s</Id>
                  </OriginalMsgId>
                </AppRec>
                """ : """
                <?xml version="1.0" encoding="UTF-8"?>
                <AppRec xmlns="http://www.kith.no/xmlstds/apprec/2012-02-15">
                  <MsgType V="APPREC" DN="Applikasjonskvittering"/>
                  <MIGversion>v1.1 2012-02-15</MIGversion>
                  <GenDate>2026-03-04T10:20:00</GenDate>
                  <Id>%1$s</Id>
                  <Sender><Role V="PRIM" DN="Primærmottaker"/><HCP><Inst><Name>%2$s</Name><Id>%3$s</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP></Sender>
                  <Receiver><Role V="AVS" DN="Avsender"/><HCP><Inst><Name>%4$s</Name><Id>%5$s</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP></Receiver>
                  <Status V="1" DN="OK"/>
                  <OriginalMsgId>
                    <MsgType V="%6$s" DN="%7$s"/>
                    <IssueDate>2026-03-04T10:15:00</IssueDate>
                    <Id>%8$s</Id>
                  </OriginalMsgId>
                </AppRec>
                """;
        return xml.formatted(appRecId, receiver.name(), receiver.herId(), sender.name(), sender.herId(), originalType,
                typeName, originalMsgId).getBytes(StandardCharsets.UTF_8);
    }

    static boolean isAppRec(String xml) {
        return xml.contains("<AppRec") || xml.contains(":AppRec");
    }

    /** The MsgId of a message in a MsgHead. */
    static String msgId(String xml) {
        Matcher m = MSG_ID.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The id of the message an AppRec answers. */
    static String originalMsgId(String xml) {
        Matcher m = ORIGINAL_ID.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The AppRec's own id. */
    static String appRecId(String xml) {
        Matcher m = APPREC_ID.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The message type code (MsgInfo/Type). */
    static String messageType(String xml) {
        Matcher m = TYPE.matcher(xml);
        return m.find() ? m.group(1) : "DIALOG_HELSEFAGLIG";
    }
}
