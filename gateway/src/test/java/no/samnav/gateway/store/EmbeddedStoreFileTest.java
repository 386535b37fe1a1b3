package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedStoreFileTest {

    @Test
    void theGatewaysDefaultUrlNamesTheFileUnderTheDataDirectory() {
        assertThat(EmbeddedStoreFile.of("jdbc:h2:file:/srv/samnav/store/samnav;MODE=PostgreSQL;WRITE_DELAY=0"))
                .contains(Path.of("/srv/samnav/store/samnav.mv.db"));
        assertThat(EmbeddedStoreFile.of("jdbc:h2:file:data/store/samnav")).contains(Path.of("data/store/samnav.mv.db"));
        assertThat(EmbeddedStoreFile.of("jdbc:h2:./data/store/samnav;MODE=PostgreSQL"))
                .contains(Path.of("./data/store/samnav.mv.db"));
    }

    @Test
    void otherStoresHaveNoFileToCompact() {
        assertThat(EmbeddedStoreFile.of("jdbc:postgresql://db:5432/samnav")).isEmpty();
        assertThat(EmbeddedStoreFile.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(EmbeddedStoreFile.of("jdbc:h2:tcp://localhost/~/samnav")).isEmpty();
        assertThat(EmbeddedStoreFile.of("jdbc:h2:zip:/backup/samnav.zip!/samnav")).isEmpty();
        assertThat(EmbeddedStoreFile.of(null)).isEmpty();
    }
}
