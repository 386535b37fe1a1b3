package no.samnav.gateway.reload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.registry.InvalidCooperationException;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.registry.ParticipantRegistry;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the cooperation file named by {@code samnav.cooperation-file} (or the bundled demo), checks
 * it and creates the folders of its file participants. Used at start-up and by a reload.
 */
public final class CooperationLoader {

    private CooperationLoader() {
    }

    /** The registry of the configured file; throws {@link InvalidCooperationException} saying what to fix. */
    public static ParticipantRegistry load(SamnavProperties properties) {
        String file = properties.cooperationFile();
        boolean demo = file == null || file.isBlank();
        ParticipantRegistry registry;
        try (InputStream in = demo ? new ClassPathResource("demo/cooperation.yml").getInputStream()
                : Files.newInputStream(Path.of(file))) {
            registry = demo ? ParticipantRegistry.load(in, properties.dataDir())
                    : ParticipantRegistry.load(in, properties.dataDir(), Path.of(file).toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InvalidCooperationException("the cooperation file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        try {
            for (Participant p : registry.participants()) {
                if (p.channel().outbox() != null) Files.createDirectories(p.channel().outbox());
                if (p.channel().inbox() != null) Files.createDirectories(p.channel().inbox());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the participants' folders", e);
        }
        return registry;
    }

    /** How the file is named in messages. */
    public static String describe(SamnavProperties properties) {
        String file = properties.cooperationFile();
        return file == null || file.isBlank() ? "(bundled demo)" : file;
    }
}
