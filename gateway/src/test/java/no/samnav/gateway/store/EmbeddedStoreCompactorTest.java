package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedStoreCompactorTest {

    @Test
    void warnsWhenTheJvmRunsZgc() {
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("ZGC Cycles", "ZGC Pauses")))
                .hasValueSatisfying(warning -> assertThat(warning).contains("ZGC").contains("G1").contains("PostgreSQL"));
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("ZGC Minor Cycles", "ZGC Major Pauses"))).isPresent();
    }

    @Test
    void staysQuietWithG1OrTheSerialCollector() {
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("G1 Young Generation", "G1 Old Generation"))).isEmpty();
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("Copy", "MarkSweepCompact"))).isEmpty();
    }
}
