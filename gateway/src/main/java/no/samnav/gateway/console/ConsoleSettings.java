package no.samnav.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator console ({@code samnav.console.*}, documented in {@code docs/configuration.md}).
 *
 * @param devLogin whether the console offers the embedded mode's login (an operator gives her name,
 *                 no password); never in production, where the console needs HelseID or the
 *                 municipality's own login in front of it
 */
@ConfigurationProperties("samnav.console")
public record ConsoleSettings(Boolean devLogin) {

    public ConsoleSettings {
        if (devLogin == null) devLogin = false;
    }
}
