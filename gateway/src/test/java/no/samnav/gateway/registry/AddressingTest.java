package no.samnav.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service addressing, the GP who has left the list and "the patient's GP" (all ids synthetic). */
class AddressingTest {

    static final String KARI = "12059248241";      // listed with GP 8100111 at Oteren in the demo
    static final String OLA = "03038512314";       // listed with GP 8100211 at Storsteinnes in the demo
    static final String UNLISTED = "21078845608";  // on no list

    static final String PARTICIPANTS = """
            participants:
              - id: oteren
                her-ids: ["8100110", "8100100"]
                profile: systemx
              - id: storsteinnes
                her-ids: ["8100210"]
                profile: infodoc
              - id: jordmor-oteren
                her-ids: ["8100241"]
                profile: cgm
              - id: jordmor-storsteinnes
                her-ids: ["8100242"]
                profile: infodoc
            """;

    static ParticipantRegistry load(String yaml) {
        return ParticipantRegistry.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Path.of("/data"));
    }

    static Addressing.Resolved resolved(Addressing a) {
        assertThat(a).isInstanceOf(Addressing.Resolved.class);
        return (Addressing.Resolved) a;
    }

    @Test
    void theMidwifeServiceReachesItsCurrentOfficeAndMovesWithTheConfiguration() {
        ParticipantRegistry demo = ParticipantRegistryTest.demo();
        Service jordmor = demo.service("jordmor").orElseThrow();
        assertThat(jordmor.provider()).isEqualTo("Balsfjord");
        assertThat(jordmor.serves()).containsExactly("Balsfjord", "Storfjord");
        assertThat(jordmor.offices()).containsExactly("jordmor-oteren", "jordmor-storsteinnes");

        Addressing.Resolved r = resolved(demo.resolve(List.of("8100240"), KARI));
        assertThat(r.participant().id()).isEqualTo("jordmor-oteren");
        assertThat(r.via()).isEqualTo(Addressing.Via.SERVICE);

        String moved = PARTICIPANTS + """
                services:
                  - id: jordmor
                    provider: Balsfjord
                    serves: [Balsfjord, Storfjord]
                    her-ids: ["8100240"]
                    offices: [jordmor-oteren, jordmor-storsteinnes]
                    current-office: jordmor-storsteinnes
                """;
        assertThat(resolved(load(moved).resolve(List.of("8100240"), null)).participant().id())
                .isEqualTo("jordmor-storsteinnes");
        // an office's own HER-id still reaches that office
        assertThat(resolved(load(moved).resolve(List.of("8100241"), null)).participant().id()).isEqualTo("jordmor-oteren");
    }

    @Test
    void aMessageToAGpWhoHasLeftTheListReachesTheOffice() {
        ParticipantRegistry demo = ParticipantRegistryTest.demo();
        // 8100119 was a GP at Oteren and has left: nobody has the HER-id any more
        Addressing.Resolved r = resolved(demo.resolve(List.of("8100119", "8100110", "8100100"), KARI));
        assertThat(r.participant().id()).isEqualTo("oteren");
        assertThat(r.via()).isEqualTo(Addressing.Via.PARTICIPANT);
        assertThat(r.herId()).isEqualTo("8100110");
        assertThat(r.unknown()).containsExactly("8100119");
        assertThat(r.describe()).contains("8100119 not known").contains("has left the list").contains("office");

        // the person alone, with no office to fall back on, is an unknown receiver
        assertThat(demo.resolve(List.of("8100119"), KARI)).isInstanceOf(Addressing.Unresolved.class);
    }

    @Test
    void aGpOnTheListIsReachedAtTheOfficeEvenWithoutTheOfficeInTheAddress() {
        Addressing.Resolved r = resolved(ParticipantRegistryTest.demo().resolve(List.of("8100211"), null));
        assertThat(r.participant().id()).isEqualTo("storsteinnes");
        assertThat(r.via()).isEqualTo(Addressing.Via.GP_ON_LIST);
    }

    @Test
    void theGpListAddressReachesThePatientsGpsOffice() {
        ParticipantRegistry demo = ParticipantRegistryTest.demo();
        assertThat(demo.gpList().addressHerIds()).containsExactly("8100190");
        Addressing.Resolved kari = resolved(demo.resolve(List.of("8100190"), KARI));
        assertThat(kari.participant().id()).isEqualTo("oteren");
        assertThat(kari.via()).isEqualTo(Addressing.Via.PATIENTS_GP);
        assertThat(kari.describe()).doesNotContain(KARI);
        assertThat(resolved(demo.resolve(List.of("8100190"), OLA)).participant().id()).isEqualTo("storsteinnes");

        Addressing unlisted = demo.resolve(List.of("8100190"), UNLISTED);
        assertThat(unlisted).isInstanceOf(Addressing.Unresolved.class);
        assertThat(((Addressing.Unresolved) unlisted).reason()).contains("står ikke på noen fastlegeliste")
                .doesNotContain(UNLISTED);
        assertThat(((Addressing.Unresolved) demo.resolve(List.of("8100190"), null)).reason())
                .contains("oppgir ikke pasientens fødselsnummer");
        assertThat(demo.gpList().toString()).doesNotContain(KARI).doesNotContain(OLA);
    }

    @Test
    void theGpListCanBeASeparateFileNextToTheCooperationFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("gp-list.yml"), """
                entries:
                  - patient: "%s"
                    gp: "8100112"
                    office: oteren
                """.formatted(OLA));
        String yaml = PARTICIPANTS + """
                gp-list:
                  her-ids: ["8100190"]
                  file: gp-list.yml
                """;
        ParticipantRegistry r = ParticipantRegistry.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                Path.of("/data"), dir);
        assertThat(resolved(r.resolve(List.of("8100190"), OLA)).participant().id()).isEqualTo("oteren");
        assertThat(r.gpList().patients()).isEqualTo(1);
    }

    @Test
    void servicesAndGpListMistakesSayWhatToFixWithoutNamingPatients() {
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                services:
                  - id: jordmor
                    provider: Balsfjord
                    her-ids: ["8100240"]
                    current-office: jordmor-tromso
                """)).hasMessageContaining("office 'jordmor-tromso' is no participant");
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                services:
                  - id: jordmor
                    provider: Balsfjord
                    her-ids: ["8100241"]
                    current-office: jordmor-oteren
                """)).hasMessageContaining("HER-id 8100241 is also given to participant 'jordmor-oteren'");
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                services:
                  - id: jordmor
                    provider: Balsfjord
                    her-ids: ["8100240"]
                    offices: [jordmor-oteren]
                    current-office: jordmor-storsteinnes
                """)).hasMessageContaining("is not one of its offices");
        String badFnr = "12059248242";
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                gp-list:
                  her-ids: ["8100190"]
                  entries:
                    - patient: "%s"
                      gp: "8100111"
                      office: oteren
                """.formatted(badFnr))).hasMessageContaining("gp-list entry 1: patient is not a valid fødselsnummer")
                .message().doesNotContain(badFnr);
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                gp-list:
                  her-ids: ["8100190"]
                  entries:
                    - patient: "%s"
                      gp: "8100111"
                      office: oteren
                    - patient: "%s"
                      gp: "8100111"
                      office: storsteinnes
                """.formatted(KARI, OLA))).hasMessageContaining("GP 8100111 is listed at both 'oteren' and 'storsteinnes'");
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                gp-list:
                  her-ids: ["8100210"]
                """)).hasMessageContaining("address HER-id 8100210 is also a participant's");
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                gp-list:
                  her-ids: ["8100190"]
                  entries:
                    - patient: "%s"
                      gp: "8100190"
                      office: oteren
                """.formatted(KARI))).hasMessageContaining("GP 8100190 is also a service's HER-id or the GP-list address");
        assertThatThrownBy(() -> load(PARTICIPANTS + """
                gp-list:
                  her-ids: ["8100190"]
                  entries:
                    - patient: [%s]
                      gp: "8100111"
                      office: oteren
                """.formatted(KARI))).message().doesNotContain(KARI);
    }
}
