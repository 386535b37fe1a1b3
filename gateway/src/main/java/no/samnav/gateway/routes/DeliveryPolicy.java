package no.samnav.gateway.routes;

import no.samnav.gateway.config.SamnavProperties;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.springframework.stereotype.Component;

/**
 * The one retry and dead-letter policy of the gateway: exponential backoff, then the dead-letter
 * queue with the original message (so a resend starts from the same point) and the reason recorded
 * on the message's timeline.
 */
@Component
public class DeliveryPolicy {

    private final SamnavProperties.Delivery settings;
    private final DeadLetterRecorder recorder;

    public DeliveryPolicy(SamnavProperties properties, DeadLetterRecorder recorder) {
        this.settings = properties.delivery();
        this.recorder = recorder;
    }

    public DeadLetterChannelBuilder deadLetterChannel() {
        DeadLetterChannelBuilder builder = new DeadLetterChannelBuilder("jms:queue:" + Queues.DEAD_LETTER);
        builder.useOriginalMessage();
        builder.maximumRedeliveries(settings.maximumRedeliveries());
        builder.redeliveryDelay(settings.initialDelay().toMillis());
        builder.useExponentialBackOff();
        builder.backOffMultiplier(settings.backoffMultiplier());
        builder.maximumRedeliveryDelay(settings.maximumDelay().toMillis());
        builder.retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN);
        builder.logExhaustedMessageBody(false);
        builder.onPrepareFailure(recorder);
        return builder;
    }
}
