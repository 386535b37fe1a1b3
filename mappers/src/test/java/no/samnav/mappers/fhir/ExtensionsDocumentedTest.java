package no.samnav.mappers.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every extension URL the mappers define under {@link Extensions#BASE} is documented in
 * {@code docs/mapping/}: receivers of our FHIR need to know what each one means.
 */
class ExtensionsDocumentedTest {

    private static final List<Class<?>> HOLDERS = List.of(Extensions.class,
            no.samnav.mappers.dialogmelding.DialogmeldingExtensions.class,
            no.samnav.mappers.henvisning.HenvisningExtensions.class,
            no.samnav.mappers.epikrise.EpikriseExtensions.class,
            no.samnav.mappers.svarrapport.SvarrapportExtensions.class,
            no.samnav.mappers.journal.JournalExtensions.class,
            no.samnav.mappers.pregnancy.PregnancyCodes.class);

    @Test
    void everyExtensionUrlIsDocumented() throws IOException, IllegalAccessException {
        StringBuilder docs = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("..", "docs", "mapping"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                docs.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        List<String> undocumented = new ArrayList<>();
        int count = 0;
        for (Class<?> holder : HOLDERS) {
            for (Field f : holder.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) continue;
                f.setAccessible(true);
                String value = (String) f.get(null);
                if (value == null || !value.startsWith(Extensions.BASE) || value.equals(Extensions.BASE)) continue;
                count++;
                String name = value.substring(Extensions.BASE.length());
                if (!docs.toString().contains(name)) undocumented.add(holder.getSimpleName() + "." + f.getName() + " = " + value);
            }
        }
        assertThat(count).isGreaterThan(20);
        assertThat(undocumented).as("extension URLs missing from docs/mapping/*.md").isEmpty();
    }
}
