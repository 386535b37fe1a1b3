package no.samnav.gateway.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code samnav.data-dir} absolute (against the working directory) before anything reads it.
 * The embedded H2 refuses a file URL relative to the working directory, so the documented
 * {@code SAMNAV_DATA_DIR=data} (and the default, {@code data}) would stop the gateway at start-up;
 * and the broker journal, the store and the participants' folders all derive from this one setting.
 */
public class AbsoluteDataDirectory implements EnvironmentPostProcessor {

    static final String KEY = "samnav.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(KEY);
        if (configured == null || configured.isBlank()) return;
        Path path = Path.of(configured);
        if (path.isAbsolute()) return;
        environment.getPropertySources().addFirst(new MapPropertySource("samnav-absolute-data-dir",
                Map.of(KEY, path.toAbsolutePath().normalize().toString())));
    }
}
