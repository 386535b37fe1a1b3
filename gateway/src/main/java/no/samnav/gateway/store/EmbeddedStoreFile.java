package no.samnav.gateway.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The file of an embedded H2 store, named by its JDBC URL. */
public final class EmbeddedStoreFile {

    /** H2's prefixes other than {@code file:} ({@code mem:}, {@code tcp:}, {@code zip:}, {@code split:}, ...). */
    private static final Pattern OTHER_KIND_OF_STORE = Pattern.compile("^[A-Za-z]{2,}:");

    private EmbeddedStoreFile() {
    }

    /**
     * The {@code .mv.db} file of {@code jdbc:h2:file:<path>} (or {@code jdbc:h2:<path>}); empty for
     * any other database and for H2 in memory, over the network or in another of H2's file systems.
     */
    public static Optional<Path> of(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) return Optional.empty();
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int options = name.indexOf(';');
        if (options >= 0) name = name.substring(0, options);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (OTHER_KIND_OF_STORE.matcher(name).find()) {
            return Optional.empty();
        }
        if (name.isBlank()) return Optional.empty();
        if (name.startsWith("~")) name = System.getProperty("user.home") + name.substring(1);
        return Optional.of(Path.of(name + ".mv.db"));
    }
}
