package no.samnav.gateway.flow;

import static no.samnav.gateway.store.MessageStatus.ACKNOWLEDGED;
import static no.samnav.gateway.store.MessageStatus.DEAD_LETTERED;
import static no.samnav.gateway.store.MessageStatus.DELIVERED;
import static no.samnav.gateway.store.MessageStatus.RECEIVED;
import static no.samnav.gateway.store.MessageStatus.REJECTED;
import static no.samnav.gateway.store.MessageStatus.RESENT;
import static no.samnav.gateway.store.MessageStatus.ROUTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryServiceTest {

    @Test
    void aRoutedMessageIsDeliveredWhenWritten() {
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, ROUTED))).hasValue(DELIVERED);
    }

    @Test
    void aResentMessageReturnsToWhereItWasBeforeTheDeadLetter() {
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, ROUTED, DEAD_LETTERED, RESENT))).hasValue(DELIVERED);
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, ROUTED, DEAD_LETTERED, RESENT, DEAD_LETTERED, RESENT)))
                .hasValue(DELIVERED);
        // the AppRec "avvist" to the sender of a rejected message: the message stays rejected
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, REJECTED, DEAD_LETTERED, RESENT))).hasValue(REJECTED);
        // a payload already written before the dead letter (resend of a delivered message)
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, ROUTED, DELIVERED, DEAD_LETTERED, RESENT)))
                .hasValue(DELIVERED);
    }

    @Test
    void otherStatesStay() {
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, ROUTED, DELIVERED))).isEmpty();
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, ROUTED, DELIVERED, ACKNOWLEDGED))).isEmpty();
        assertThat(DeliveryService.afterDelivery(List.of(RECEIVED, REJECTED))).isEmpty();
        assertThat(DeliveryService.afterDelivery(List.of())).isEmpty();
    }
}
