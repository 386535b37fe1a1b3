package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.flow.RoutingService;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.NewMessage;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway end to end on its real parts (embedded Artemis with a persistent journal, the message
 * store, file channels of the demo cooperation): a Dialogmelding from InfoDoc at Storsteinnes
 * reaches System X at Oteren as Dialogmelding 1.0, Oteren's AppRec 1.0 reaches Storsteinnes as
 * AppRec 1.1, and bad input is answered with AppRec "avvist" while good messages keep flowing.
 * Run against the embedded H2 ({@link FileFlowH2IT}) and PostgreSQL ({@link FileFlowPostgresIT}).
 */
abstract class FileFlowScenarios extends GatewayITSupport {

    @Autowired
    MessageStore store;

    @Autowired
    Mappers mappers;

    @Autowired
    RoutingService routing;

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
        drop("oteren", "apprec.xml", GatewayTestMessages.appRec10(receiptId, msgId, "1", "OK").getBytes(StandardCharsets.UTF_8));
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
        assertThat(receipt).doesNotContain(SAMPLE_PATIENT);

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
    void aMessageStoredAndRoutedWhoseDeliveryNeverReachedItsQueueIsDeliveredWhenItComesAgain() throws IOException {
        // the state a gateway killed between its store commit and its queue send leaves behind:
        // the message stored and routed, its payload prepared, no order on the delivery queue
        String msgId = UUID.randomUUID().toString();
        byte[] note = noteFromStorsteinnesToOteren(msgId).getBytes(StandardCharsets.UTF_8);
        ReadResult read = mappers.read(note);
        MessageStore.Stored stored = store.receive(new NewMessage(msgId, "message", read.standard().id(), "DIALOG_NOTAT",
                "storsteinnes", STORSTEINNES_HER, OTEREN_HER, SAMPLE_PATIENT, null, note, "{}"));
        assertThat(routing.route(stored.message(), read)).singleElement()
                .satisfies(order -> assertThat(order.participant()).isEqualTo("oteren"));
        assertThat(find(inbox("oteren"), msgId)).isNull();

        // the journal system's file stayed in the outbox (it is moved only after the send) and is read again
        drop("storsteinnes", "again-after-crash.xml", note);

        awaitFileContaining(inbox("oteren"), msgId);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.timeline(stored.message().id()).contains("DELIVERED"));
        assertThat(countFilesContaining(inbox("oteren"), msgId)).isEqualTo(1);
        assertThat(store.timeline(stored.message().id())).containsExactly("RECEIVED", "ROUTED", "DELIVERED");
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


}
