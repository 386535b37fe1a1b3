package no.samnav.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded broker's TCP acceptor ({@code samnav.broker.*}), through which the journal systems
 * of JMS participants connect (ActiveMQ Artemis core protocol), and how full its disk may get. Only used when the broker is
 * embedded ({@code spring.artemis.mode=embedded}); documented in {@code docs/configuration.md}.
 *
 * @param tcpEnabled whether to open the acceptor
 * @param tcpHost    the address it listens on; {@code localhost} keeps it on this machine
 * @param tcpPort    the port; {@code 0} picks a free one (tests)
 * @param maxDiskUsage how full (per cent) the disk of the broker's data folder may be before the
 *                   broker blocks every sender, Artemis' {@code max-disk-usage} (90, its default;
 *                   -1 never blocks)
 */
@ConfigurationProperties("samnav.broker")
public record BrokerProperties(Boolean tcpEnabled, String tcpHost, Integer tcpPort, Integer maxDiskUsage) {

    public BrokerProperties {
        if (tcpEnabled == null) tcpEnabled = true;
        if (tcpHost == null || tcpHost.isBlank()) tcpHost = "localhost";
        if (tcpPort == null) tcpPort = 61616;
        if (maxDiskUsage == null) maxDiskUsage = 90;
        if (maxDiskUsage < -1 || maxDiskUsage > 100) {
            throw new IllegalArgumentException("samnav.broker.max-disk-usage must be a percentage (0-100) or -1, not "
                    + maxDiskUsage);
        }
    }
}
