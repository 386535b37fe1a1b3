package no.samnav.gateway.config;

import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded broker's TCP acceptor for the journal systems of JMS participants, and its disk limit. */
@Configuration
@EnableConfigurationProperties(BrokerProperties.class)
public class BrokerConfiguration {

    /** The name of the acceptor in the embedded broker. */
    public static final String TCP_ACCEPTOR = "samnav-tcp";

    @Bean
    ArtemisConfigurationCustomizer diskLimit(BrokerProperties broker) {
        return configuration -> configuration.setMaxDiskUsage(broker.maxDiskUsage());
    }

    @Bean
    ArtemisConfigurationCustomizer tcpAcceptor(BrokerProperties broker) {
        return configuration -> {
            if (!broker.tcpEnabled()) return;
            try {
                configuration.addAcceptorConfiguration(TCP_ACCEPTOR,
                        "tcp://" + broker.tcpHost() + ":" + broker.tcpPort() + "?protocols=CORE");
            } catch (Exception e) {
                throw new IllegalStateException("samnav.broker: cannot configure the TCP acceptor on "
                        + broker.tcpHost() + ":" + broker.tcpPort() + ": " + e.getMessage(), e);
            }
        };
    }
}
