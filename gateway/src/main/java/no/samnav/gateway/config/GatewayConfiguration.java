package no.samnav.gateway.config;

import ca.uhn.fhir.context.FhirContext;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.InvalidCooperationException;
import no.samnav.gateway.reload.CooperationLoader;
import no.samnav.gateway.routes.Queues;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.xml.XmlLimits;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The gateway's beans: mappers, registry, JMS component and broker policy. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(SamnavProperties.class)
public class GatewayConfiguration {

    /** Broker-side dead letters (a consumer that fails ten times in a row), apart from the gateway's own. */
    public static final String BROKER_DEAD_LETTER_QUEUE = "samnav.broker-dead-letter";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    Mappers mappers(SamnavProperties properties) {
        return new Mappers(XmlLimits.DEFAULT.withMaxPayloadBytes(properties.maxPayloadBytes()));
    }

    @Bean
    RegistryHolder registry(SamnavProperties properties) {
        try {
            return new RegistryHolder(CooperationLoader.load(properties));
        } catch (InvalidCooperationException e) {
            throw new IllegalStateException("Cooperation file " + CooperationLoader.describe(properties) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The Camel JMS component on the gateway's broker; persistent delivery, so a sent message is journaled. */
    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.setDeliveryPersistent(true);
        // transacted consumers use the listener container's own local transaction, which the
        // route's sends join (the listener session is exposed to the thread): a consumed order and
        // the orders it sends commit together. With a lazily created JmsTransactionManager and a
        // cached consumer, the receive committed on its own first, and a gateway killed in between
        // lost the sent orders (found by the crash harness).
        jms.setLazyCreateTransactionManager(false);
        // transacted consumers would otherwise open a new consumer for every receive
        jms.setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }

    /**
     * The embedded broker's address settings. An external broker needs the same ones: they are in
     * {@code docker/artemis/broker.properties}, and {@code docs/operations.md} explains them.
     */
    @Bean
    ArtemisConfigurationCustomizer brokerPolicy() {
        return configuration -> {
            configuration.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BROKER_DEAD_LETTER_QUEUE))
                    .setExpiryAddress(org.apache.activemq.artemis.api.core.SimpleString.of("samnav.expired"))
                    .setMaxDeliveryAttempts(10)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true));
            // one consumer at a time on a receiver's deliveries and a sender's JMS input, whichever
            // gateway node it runs on: each receiver gets its messages in the order they were routed,
            // and when that node dies the broker hands the queue to another
            for (String inOrder : new String[] {Queues.DELIVER_PREFIX + "#", Queues.IN_PREFIX + "#"}) {
                configuration.addAddressSetting(inOrder, new AddressSettings().setDefaultExclusiveQueue(true));
            }
        };
    }
}
