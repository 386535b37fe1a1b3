package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway end to end on its real parts (embedded Artemis with a persistent journal, the H2
 * message store, file channels of the demo cooperation): a Dialogmelding from InfoDoc at
 * Storsteinnes reaches System X at Oteren as Dialogmelding 1.0, Oteren's AppRec 1.0 reaches
 * Storsteinnes as AppRec 1.1, and bad input is answered with AppRec "avvist" while good messages
 * keep flowing.
 */
// the context lives in the class's @TempDir: close it before JUnit deletes the folder under the broker
@DirtiesContext
@SpringBootTest
class FileFlowIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("samnav.data-dir", () -> dataDir.toString());
        registry.add("samnav.file-poll-interval", () -> "100ms");
        registry.add("samnav.delivery.initial-delay", () -> "50ms");
        registry.add("samnav.delivery.maximum-redeliveries", () -> "2");
    }

    @Autowired
    MessageStore store;

    static final String STORSTEINNES_HER = "8100210";
    static final String OTEREN_HER = "8100110";

    static Path outbox(String participant) {
        return dataDir.resolve("participants").resolve(participant).resolve("outbox");
    }

    static Path inbox(String participant) {
        return dataDir.resolve("participants").resolve(participant).resolve("inbox");
    }

    /** The shipped sample, turned around: Storsteinnes writes to Oteren, with a fresh message id. */
    static String noteFromStorsteinnesToOteren(String msgId) throws IOException {
        String sample = Files.readString(Path.of("..", "samples", "dialogmelding-1.1-notat.xml"), StandardCharsets.UTF_8);
        return sample.replace("3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10", msgId)
                .replace("<Id>8100110</Id>", "<Id>TMP</Id>")
                .replace("<Id>8100210</Id>", "<Id>" + OTEREN_HER + "</Id>")
                .replace("<Id>TMP</Id>", "<Id>" + STORSTEINNES_HER + "</Id>")
                .replace("<Id>8100100</Id>", "<Id>TMP</Id>")
                .replace("<Id>8100200</Id>", "<Id>8100100</Id>")
                .replace("<Id>TMP</Id>", "<Id>8100200</Id>")
                .replace("<Id>8100111</Id>", "<Id>8100299</Id>");
    }

    /** Writes like a well-behaved journal system: under a temporary name, then renamed. */
    static void drop(String participant, String fileName, byte[] content) throws IOException {
        Path tmp = outbox(participant).resolve(fileName + ".part");
        Files.write(tmp, content);
        Files.move(tmp, outbox(participant).resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    static String awaitFileContaining(Path dir, String needle) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(dir, needle), s -> s != null);
    }

    static String find(Path dir, String needle) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                if (content.contains(needle)) return content;
            }
        }
        return null;
    }

    static long countFilesContaining(Path dir, String needle) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8).contains(needle);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
        }
    }

    @Test
    void noteIsTranslatedForSystemXAndItsReceiptReturnsInTheSendersVersion() throws IOException {
        String msgId = UUID.randomUUID().toString();
        drop("storsteinnes", "note.xml", noteFromStorsteinnesToOteren(msgId).getBytes(StandardCharsets.UTF_8));

        String delivered = awaitFileContaining(inbox("oteren"), msgId);
        assertThat(delivered).contains("xmlns=\"http://www.kith.no/xmlstds/dialog/2006-10-11\"")
                .contains("<Type V=\"DIALOG_NOTAT\"").contains("Blodtrykk 146/92 og proteinuri 1+");
        String id = store.byMsgId(msgId).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.byId(id).orElseThrow().status() == MessageStatus.DELIVERED);
        assertThat(store.timeline(id)).containsExactly("RECEIVED", "ROUTED", "DELIVERED");
        assertThat(store.lossReport(id, "oteren")).contains("DIALOG_HELSEFAGLIG");
        try (Stream<Path> left = Files.list(inbox("oteren"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        String receiptId = UUID.randomUUID().toString();
        drop("oteren", "apprec.xml", appRec10(receiptId, msgId, "1", "OK").getBytes(StandardCharsets.UTF_8));
        String receipt = awaitFileContaining(inbox("storsteinnes"), receiptId);
        assertThat(receipt).contains("xmlns=\"http://www.kith.no/xmlstds/apprec/2012-02-15\"")
                .contains("<Id>" + msgId + "</Id>").contains("<Status V=\"1\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.byId(id).orElseThrow().status() == MessageStatus.ACKNOWLEDGED);
    }

    @Test
    void unknownReceiverIsAnsweredWithAvvistE21() throws IOException {
        String msgId = UUID.randomUUID().toString();
        String note = noteFromStorsteinnesToOteren(msgId).replace("<Id>" + OTEREN_HER + "</Id>", "<Id>8199999</Id>")
                .replace("<Id>8100100</Id>", "<Id>8199998</Id>");
        drop("storsteinnes", "unknown.xml", note.getBytes(StandardCharsets.UTF_8));

        String receipt = awaitFileContaining(inbox("storsteinnes"), msgId);
        assertThat(receipt).contains("<Status V=\"2\"").contains("V=\"E21\"").contains("8199999")
                .contains("xmlns=\"http://www.kith.no/xmlstds/apprec/2012-02-15\"");
        assertThat(store.byMsgId(msgId).orElseThrow().status()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void aNoteToTheMidwifeServiceReachesItsCurrentOffice() throws IOException {
        String msgId = UUID.randomUUID().toString();
        String note = noteFromStorsteinnesToOteren(msgId).replace("<Id>" + OTEREN_HER + "</Id>", "<Id>8100240</Id>")
                .replace("<Id>8100100</Id>", "<Id>8100200</Id>");
        drop("storsteinnes", "to-midwife.xml", note.getBytes(StandardCharsets.UTF_8));

        // the midwife's Oteren office runs CGM, which reads Dialogmelding 1.1: no translation needed
        assertThat(awaitFileContaining(inbox("jordmor-oteren"), msgId))
                .contains("xmlns=\"http://www.kith.no/xmlstds/dialog/2013-01-23\"");
        assertThat(inbox("jordmor-storsteinnes")).isEmptyDirectory();
    }

    @Test
    void aNoteToThePatientsGpReachesTheOfficeOfTheGpThePatientIsListedWith() throws IOException {
        String msgId = UUID.randomUUID().toString();
        // the receiver is the cooperation's GP-list address only; the sample's patient is listed at Oteren
        String note = noteFromStorsteinnesToOteren(msgId).replace("<Id>" + OTEREN_HER + "</Id>", "<Id>8100190</Id>")
                .replace("<Id>8100100</Id>", "<Id>8199997</Id>");
        drop("storsteinnes", "to-gp.xml", note.getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFileContaining(inbox("oteren"), msgId)).contains("<Type V=\"DIALOG_NOTAT\"");
        assertThat(store.byMsgId(msgId).orElseThrow().status()).isIn(MessageStatus.ROUTED, MessageStatus.DELIVERED);
    }

    @Test
    void brokenInputIsRejectedAndTheNextMessageStillFlows() throws IOException {
        String brokenId = UUID.randomUUID().toString();
        String broken = noteFromStorsteinnesToOteren(brokenId).replace("</Notat>", "</Nota>");
        drop("storsteinnes", "broken.xml", broken.getBytes(StandardCharsets.UTF_8));
        String receipt = awaitFileContaining(inbox("storsteinnes"), brokenId);
        assertThat(receipt).contains("<Status V=\"2\"").contains("V=\"T01\"").contains("not well-formed");
        assertThat(receipt).doesNotContain("12059248241");

        String goodId = UUID.randomUUID().toString();
        drop("storsteinnes", "good.xml", noteFromStorsteinnesToOteren(goodId).getBytes(StandardCharsets.UTF_8));
        assertThat(awaitFileContaining(inbox("oteren"), goodId)).contains(goodId);
    }

    @Test
    void aResubmittedMessageIsDeliveredOnce() throws IOException {
        String msgId = UUID.randomUUID().toString();
        byte[] note = noteFromStorsteinnesToOteren(msgId).getBytes(StandardCharsets.UTF_8);
        drop("storsteinnes", "first.xml", note);
        awaitFileContaining(inbox("oteren"), msgId);
        drop("storsteinnes", "again.xml", note);
        String marker = UUID.randomUUID().toString();
        drop("storsteinnes", "marker.xml", noteFromStorsteinnesToOteren(marker).getBytes(StandardCharsets.UTF_8));
        awaitFileContaining(inbox("oteren"), marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(outbox("storsteinnes").resolve("again.xml")));

        assertThat(countFilesContaining(inbox("oteren"), msgId)).isEqualTo(1);
        String id = store.byMsgId(msgId).orElseThrow().id();
        assertThat(store.timeline(id)).containsExactly("RECEIVED", "ROUTED", "DELIVERED");
    }

    @Test
    void emptyAndHalfWrittenFilesAreLeftAlone() throws IOException {
        Files.write(outbox("malangen").resolve("empty.xml"), new byte[0]);
        Files.write(outbox("malangen").resolve("writing.xml.part"), "<MsgHead".getBytes(StandardCharsets.UTF_8));
        String marker = UUID.randomUUID().toString();
        drop("storsteinnes", "marker.xml", noteFromStorsteinnesToOteren(marker).getBytes(StandardCharsets.UTF_8));
        awaitFileContaining(inbox("oteren"), marker);
        assertThat(outbox("malangen").resolve("empty.xml")).exists();
        assertThat(outbox("malangen").resolve("writing.xml.part")).exists();
        assertThat(inbox("malangen")).isEmptyDirectory();
    }

    static String appRec10(String id, String originalMsgId, String status, String statusText) {
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
                """.formatted(id, OTEREN_HER, STORSTEINNES_HER, status, statusText, originalMsgId);
    }

}
