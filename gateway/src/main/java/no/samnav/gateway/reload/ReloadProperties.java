package no.samnav.gateway.reload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Automatic reload ({@code samnav.reload.*}, documented in {@code docs/configuration.md}).
 *
 * @param watch       reload when a YAML file in the cooperation file's folder changes
 * @param quietPeriod how long the files must stay unchanged before the reload
 */
@ConfigurationProperties("samnav.reload")
public record ReloadProperties(Boolean watch, Duration quietPeriod) {

    public ReloadProperties {
        if (watch == null) watch = false;
        if (quietPeriod == null) quietPeriod = Duration.ofSeconds(2);
    }
}
