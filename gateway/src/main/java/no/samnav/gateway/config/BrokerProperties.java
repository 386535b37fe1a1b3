package no.samnav.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded broker's TCP acceptor ({@code samnav.broker.*}), through which the journal systems
 * of JMS participants connect (ActiveMQ Artemis core protocol). Only used when the broker is
 * embedded ({@code spring.artemis.mode=embedded}); documented in {@code docs/configuration.md}.
 *
 * @param tcpEnabled whether to open the acceptor
 * @param tcpHost    the address it listens on; {@code localhost} keeps it on this machine
 * @param tcpPort    the port; {@code 0} picks a free one (tests)
 */
@ConfigurationProperties("samnav.broker")
public record BrokerProperties(Boolean tcpEnabled, String tcpHost, Integer tcpPort) {

    public BrokerProperties {
        if (tcpEnabled == null) tcpEnabled = true;
        if (tcpHost == null || tcpHost.isBlank()) tcpHost = "localhost";
        if (tcpPort == null) tcpPort = 61616;
    }
}
