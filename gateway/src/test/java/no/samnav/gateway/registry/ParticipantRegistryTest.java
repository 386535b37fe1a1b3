package no.samnav.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import no.samnav.mappers.KithStandard;
import org.junit.jupiter.api.Test;

class ParticipantRegistryTest {

    static ParticipantRegistry demo() {
        InputStream in = ParticipantRegistryTest.class.getResourceAsStream("/demo/cooperation.yml");
        return ParticipantRegistry.load(in, Path.of("/data"));
    }

    static ParticipantRegistry load(String yaml) {
        return ParticipantRegistry.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Path.of("/data"));
    }

    @Test
    void theDemoCooperationHasTheOfficesOfBothMunicipalities() {
        ParticipantRegistry registry = demo();
        assertThat(registry.participants()).extracting(Participant::id)
                .containsExactly("storsteinnes", "malangen", "oteren", "legevakt", "jordmor-oteren",
                        "jordmor-storsteinnes", "unn");
        Participant oteren = registry.byId("oteren").orElseThrow();
        assertThat(oteren.profile()).isEqualTo(SystemProfile.SYSTEMX);
        assertThat(oteren.municipality()).isEqualTo("Storfjord");
        assertThat(oteren.channel().outbox()).isEqualTo(Path.of("/data/participants/oteren/outbox"));
        assertThat(registry.byId("jordmor-oteren").orElseThrow().municipality()).isEqualTo("Balsfjord");
    }

    @Test
    void aMessageToAGpWhoLeftReachesTheOffice() {
        ParticipantRegistry registry = demo();
        // 8123456 is no participant (the GP has left); the office's HER-id follows in the receiver tree
        assertThat(registry.addressedBy(List.of("8123456", "8100110", "8100100"))).map(Participant::id).hasValue("oteren");
        assertThat(registry.addressedBy(List.of("8123456"))).isEmpty();
    }

    @Test
    void versionChoiceKeepsTheSourceVersionWhenTheReceiverReadsIt() {
        Participant systemX = demo().byId("oteren").orElseThrow();
        Participant infoDoc = demo().byId("storsteinnes").orElseThrow();
        assertThat(systemX.versionFor("dialogmelding", KithStandard.DIALOGMELDING_1_1)).hasValue(KithStandard.DIALOGMELDING_1_0);
        assertThat(infoDoc.versionFor("dialogmelding", KithStandard.DIALOGMELDING_1_0)).hasValue(KithStandard.DIALOGMELDING_1_0);
        assertThat(systemX.versionFor("henvisning", KithStandard.HENVISNING_2_0)).hasValue(KithStandard.HENVISNING_1_1);
        assertThat(systemX.appRecVersion()).isEqualTo(KithStandard.APPREC_1_0);
        assertThat(infoDoc.appRecVersion()).isEqualTo(KithStandard.APPREC_1_1);
    }

    @Test
    void anExplicitAcceptsListOverridesTheProfile() {
        ParticipantRegistry r = load("""
                participants:
                  - id: oteren
                    her-ids: ["8100110"]
                    profile: systemx
                    accepts: [dialogmelding-1.1, apprec-1.1]
                """);
        assertThat(r.byId("oteren").orElseThrow().accepts())
                .containsExactly(KithStandard.DIALOGMELDING_1_1, KithStandard.APPREC_1_1);
    }

    @Test
    void aJmsParticipantUsesQueuesNotFolders() {
        Participant p = load("participants:\n  - id: oteren\n    her-ids: [\"8100110\"]\n    profile: systemx\n"
                + "    channel: jms\n").byId("oteren").orElseThrow();
        assertThat(p.channel().type()).isEqualTo(Participant.ChannelType.JMS);
        assertThat(p.channel().outbox()).isNull();
        assertThatThrownBy(() -> load("participants:\n  - id: oteren\n    her-ids: [\"8100110\"]\n    profile: systemx\n"
                + "    channel: jms\n    inbox: x\n")).hasMessageContaining("a jms participant has no outbox or inbox");
        assertThatThrownBy(() -> load("participants:\n  - id: oteren\n    her-ids: [\"8100110\"]\n    profile: systemx\n"
                + "    channel: mllp\n")).hasMessageContaining("channel 'mllp' is not supported (file, jms, fhir)");
    }

    @Test
    void aFhirParticipantHasAnEndpointOrFetchesAndTheApiClientsThatSendAsItAreChecked() {
        ParticipantRegistry registry = load("participants:\n  - id: unn\n    her-ids: [\"8100900\"]\n    profile: hospital\n"
                + "    channel: fhir\n    endpoint: https://epj.unn.example/fhir\n    endpoint-token-env: UNN_FHIR_TOKEN\n"
                + "    api-clients: [demo-unn-dips]\n");
        Participant unn = registry.byId("unn").orElseThrow();
        assertThat(unn.readsFhir()).isTrue();
        assertThat(unn.channel().endpoint()).hasToString("https://epj.unn.example/fhir");
        assertThat(unn.channel().endpointTokenEnv()).isEqualTo("UNN_FHIR_TOKEN");
        assertThat(registry.actingFor("demo-unn-dips")).containsExactly(unn);
        assertThat(registry.actingFor("someone-else")).isEmpty();

        String base = "participants:\n  - id: unn\n    her-ids: [\"8100900\"]\n    profile: hospital\n";
        Participant fetching = load(base + "    channel: fhir\n").byId("unn").orElseThrow();
        assertThat(fetching.fetchesFhir()).isTrue();
        assertThat(unn.fetchesFhir()).isFalse();
        assertThatThrownBy(() -> load(base + "    channel: fhir\n    endpoint-token-env: UNN_FHIR_TOKEN\n"))
                .hasMessageContaining("endpoint-token-env needs an endpoint");
        assertThatThrownBy(() -> load(base + "    channel: fhir\n    endpoint: https://user:secret@epj.unn.example/fhir\n"))
                .hasMessageContaining("without credentials");
        assertThatThrownBy(() -> load(base + "    channel: fhir\n    endpoint: ftp://epj.unn.example/\n"))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> load(base + "    endpoint: https://epj.unn.example/fhir\n"))
                .hasMessageContaining("belong to a fhir channel");
        assertThatThrownBy(() -> load(base + "    api-clients: [\"has space\"]\n")).hasMessageContaining("no OAuth2 client id");
    }

    @Test
    void configurationMistakesSayWhatToFix() {
        assertThatThrownBy(() -> load("participants:\n  - id: a\n    her-ids: [\"1\"]\n    profile: pridoc\n"))
                .hasMessageContaining("unknown profile 'pridoc'").hasMessageContaining("infodoc, systemx, cgm, hospital");
        assertThatThrownBy(() -> load("participants:\n  - id: a\n    her-ids: [\"1\"]\n    profile: cgm\n"
                + "  - id: b\n    her-ids: [\"1\"]\n    profile: cgm\n"))
                .hasMessageContaining("HER-id 1 is given to both 'a' and 'b'");
        assertThatThrownBy(() -> load("participants:\n  - id: a\n    her-ids: [\"12a\"]\n    profile: cgm\n"))
                .hasMessageContaining("HER-id '12a' must be 1 to 9 digits");
        assertThatThrownBy(() -> load("participants:\n  - id: a\n    her-ids: [\"1\"]\n    accepts: [epikrise-1.1]\n"))
                .hasMessageContaining("cannot deliver 'epikrise-1.1'");
        assertThatThrownBy(() -> load("participants:\n  - id: A B\n    her-ids: [\"1\"]\n    profile: cgm\n"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> load("participants:\n  - id: a\n    her-ids: [\"1\"]\n    profile: cgm\n    colour: red\n"))
                .hasMessageContaining("colour");
    }
}
