package no.samnav.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Messages of the demo cooperation for gateway tests, made from the shipped sample. */
public final class GatewayTestMessages {

    private GatewayTestMessages() {
    }

    public static final String STORSTEINNES_HER = "8100210";
    public static final String OTEREN_HER = "8100110";
    /** The synthetic patient of the shipped sample. */
    public static final String PATIENT_FNR = "12059248241";

    private static final String SAMPLE;

    static {
        try {
            SAMPLE = Files.readString(Path.of("..", "samples", "dialogmelding-1.1-notat.xml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped sample, turned around: Storsteinnes (InfoDoc) writes to Oteren (System X), with a fresh message id. */
    public static String noteToOteren(String msgId) {
        return SAMPLE.replace("3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10", msgId)
                .replace("<Id>8100110</Id>", "<Id>TMP</Id>")
                .replace("<Id>8100210</Id>", "<Id>" + OTEREN_HER + "</Id>")
                .replace("<Id>TMP</Id>", "<Id>" + STORSTEINNES_HER + "</Id>")
                .replace("<Id>8100100</Id>", "<Id>TMP</Id>")
                .replace("<Id>8100200</Id>", "<Id>8100100</Id>")
                .replace("<Id>TMP</Id>", "<Id>8100200</Id>")
                .replace("<Id>8100111</Id>", "<Id>8100299</Id>");
    }

    /** The shipped sample as sent: Oteren (System X) writes to Storsteinnes, with a fresh message id. */
    public static String noteFromOteren(String msgId) {
        return SAMPLE.replace("3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10", msgId);
    }

    /** The shipped sample addressed from Oteren to UNN (HER-id 8100900) instead of Storsteinnes. */
    public static String noteFromOterenToUnn(String msgId) {
        return noteFromOteren(msgId).replace("<Id>8100210</Id>", "<Id>" + UNN_HER + "</Id>")
                .replace("<Id>8100200</Id>", "<Id>" + UNN_HER + "</Id>");
    }

    public static final String UNN_HER = "8100900";

    /** An AppRec 1.0 from Oteren (System X) to Storsteinnes answering {@code originalMsgId}. */
    public static String appRec10(String id, String originalMsgId, String status, String statusText) {
        return appRec10(id, originalMsgId, status, statusText, OTEREN_HER, STORSTEINNES_HER);
    }

    /** An AppRec 1.0 from the party with HER-id {@code from} to {@code to} answering {@code originalMsgId}. */
    public static String appRec10(String id, String originalMsgId, String status, String statusText, String from,
            String to) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <AppRec xmlns="http://www.kith.no/xmlstds/apprec/2004-11-21">
                  <MsgType V="APPREC" DN="Applikasjonskvittering"/>
                  <MIGversion>1.0 2004-11-21</MIGversion>
                  <GenDate>2026-03-04T10:20:00</GenDate>
                  <Id>%s</Id>
                  <Sender><HCP><Inst><Name>Oteren legekontor</Name><Id>%s</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP></Sender>
                  <Receiver><HCP><Inst><Name>Storsteinnes legekontor</Name><Id>%s</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP></Receiver>
                  <Status V="%s" DN="%s"/>
                  <OriginalMsgId>
                    <MsgType V="DIALOG_NOTAT" DN="Notat"/>
                    <IssueDate>2026-03-04T10:15:00</IssueDate>
                    <Id>%s</Id>
                  </OriginalMsgId>
                </AppRec>
                """.formatted(id, from, to, status, statusText, originalMsgId);
    }
}
