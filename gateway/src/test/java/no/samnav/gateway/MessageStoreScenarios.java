package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.NewMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The message store's promises that exactly-once delivery rests on, on the real database of the
 * concrete class: a MsgId is stored once, a receiver's payload is prepared once, and a delivery is
 * recorded once, so that a second delivery of the same order is told not to publish its write, while
 * the attempt that recorded it recognises its own record.
 */
abstract class MessageStoreScenarios extends GatewayITSupport {

    @Autowired
    MessageStore store;

    static NewMessage message(String msgId, String body) {
        return new NewMessage(msgId, "message", "dialogmelding-1.1", "DIALOG_NOTAT", "oteren", OTEREN_HER,
                STORSTEINNES_HER, SAMPLE_PATIENT, null, body.getBytes(StandardCharsets.UTF_8), "{\"resourceType\":\"Bundle\"}");
    }

    @Test
    void aMsgIdIsStoredOnceWithItsContentApartFromItsStatus() {
        String msgId = UUID.randomUUID().toString();
        MessageStore.Stored first = store.receive(message(msgId, "<first/>"));
        MessageStore.Stored again = store.receive(message(msgId, "<second/>"));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().id()).isEqualTo(first.message().id());
        assertThat(store.byId(first.message().id())).contains(first.message());
        assertThat(store.original(first.message().id())).asString(StandardCharsets.UTF_8).isEqualTo("<first/>");
        assertThat(store.fhirJson(first.message().id())).contains("Bundle");

        store.status(first.message().id(), MessageStatus.ROUTED, "to storsteinnes", "storsteinnes");
        assertThat(store.original(first.message().id())).asString(StandardCharsets.UTF_8).isEqualTo("<first/>");
        assertThat(store.timeline(first.message().id())).containsExactly("RECEIVED", "ROUTED");
    }

    @Test
    void aReceiversPayloadIsPreparedOnceAndItsDeliveryRecordedOnce() {
        String id = store.receive(message(UUID.randomUUID().toString(), "<note/>")).message().id();
        store.prepareDelivery(id, "storsteinnes", "n.xml", "dialogmelding-1.1", "<v1/>".getBytes(StandardCharsets.UTF_8), null);
        store.prepareDelivery(id, "storsteinnes", "n.xml", "dialogmelding-1.1", "<v2/>".getBytes(StandardCharsets.UTF_8), "lost");

        MessageStore.Delivery prepared = store.delivery(id, "storsteinnes").orElseThrow();
        assertThat(prepared.payload()).asString(StandardCharsets.UTF_8).isEqualTo("<v1/>");
        assertThat(prepared.delivered()).isFalse();
        assertThat(store.lossReport(id, "storsteinnes")).isNull();

        assertThat(store.delivered(id, "storsteinnes")).as("the first record of the delivery").isTrue();
        assertThat(store.delivered(id, "storsteinnes")).as("a second delivery of the same order").isFalse();
        assertThat(store.delivery(id, "storsteinnes").orElseThrow().delivered()).isTrue();
        assertThat(store.deliveries(id)).singleElement().satisfies(d -> assertThat(d.deliveredAt()).isNotNull());
    }

    @Test
    void anAttemptWhoseRecordWentThroughRecognisesItWhenItTriesAgain() {
        String id = store.receive(message(UUID.randomUUID().toString(), "<note/>")).message().id();
        store.prepareDelivery(id, "storsteinnes", "n.xml", "dialogmelding-1.1", "<v1/>".getBytes(StandardCharsets.UTF_8), null);

        assertThat(store.delivered(id, "storsteinnes", "attempt-1")).as("the first record").isTrue();
        // its commit went through but the answer was lost: the same attempt asks again
        assertThat(store.delivered(id, "storsteinnes", "attempt-1")).as("the same attempt again").isTrue();
        assertThat(store.delivered(id, "storsteinnes", "attempt-2")).as("another attempt of the same order").isFalse();
        assertThat(store.delivered(id, "storsteinnes")).as("an attempt without an id").isFalse();
    }
}
