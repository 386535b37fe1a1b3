package no.samnav.gateway;

import static no.samnav.gateway.GatewayTestMessages.noteToOteren;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import jakarta.jms.BytesMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reloading the cooperation file while the gateway runs (the demo cooperation, from a file):
 * Oteren replaces System X with InfoDoc without losing what waits on its delivery queue, an invalid
 * file changes nothing, and participants can be added and removed.
 */
class RegistryReloadIT extends GatewayITSupport {

    static Path cooperationFile() {
        return dataDir.resolve("cooperation.yml");
    }

    static String demo() {
        try (InputStream in = RegistryReloadIT.class.getResourceAsStream("/demo/cooperation.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeCooperation(String yaml) {
        try {
            Path tmp = dataDir.resolve("cooperation.yml.tmp");
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            Files.move(tmp, cooperationFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void cooperationFromAFile(DynamicPropertyRegistry registry) {
        writeCooperation(demo());
        registry.add("samnav.cooperation-file", () -> cooperationFile().toString());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MessageStore store;
    @Autowired
    RegistryHolder registry;
    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;





    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> reload() {
        return http.postForEntity("/api/registry/reload", null, Map.class);
    }

    @BeforeEach
    void theDemoIsInForce() {
        writeCooperation(demo());
        assertThat(reload().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    static final String DIALOG_1_0 = "xmlns=\"http://www.kith.no/xmlstds/dialog/2006-10-11\"";
    static final String DIALOG_1_1 = "xmlns=\"http://www.kith.no/xmlstds/dialog/2013-01-23\"";

    @Test
    @SuppressWarnings("unchecked")
    void oterenMovesFromSystemXToInfoDocWithoutLosingQueuedMessages() throws Exception {
        // Oteren's delivery is held (as when its journal system is down), so notes wait on samnav.deliver.oteren
        camel.getRouteController().stopRoute("deliver-oteren");
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String msgId = UUID.randomUUID().toString();
            queued.add(msgId);
            drop("storsteinnes", "queued-" + i + ".xml", noteToOteren(msgId));
        }
        for (String msgId : queued) {
            await().atMost(Duration.ofSeconds(30)).until(() -> store.byMsgId(msgId)
                    .map(m -> m.status() == MessageStatus.ROUTED).orElse(false));
            assertThat(store.delivery(store.byMsgId(msgId).orElseThrow().id(), "oteren").orElseThrow().standard())
                    .isEqualTo("dialogmelding-1.0");
        }

        writeCooperation(demo().replace("profile: systemx", "profile: infodoc"));
        ResponseEntity<Map> answer = reload();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) answer.getBody().get("changed")).containsExactly("oteren");
        assertThat(camel.getRouteController().getRouteStatus("deliver-oteren")).isEqualTo(ServiceStatus.Started);

        // nothing queued before the reload is lost: delivered as it was translated then
        for (String msgId : queued) {
            assertThat(awaitFileContaining(inbox("oteren"), msgId)).contains(DIALOG_1_0);
            String id = store.byMsgId(msgId).orElseThrow().id();
            await().atMost(Duration.ofSeconds(10)).until(() -> store.byId(id).orElseThrow().status() == MessageStatus.DELIVERED);
        }
        // routed after the reload: in the version InfoDoc reads
        String after = UUID.randomUUID().toString();
        drop("storsteinnes", "after.xml", noteToOteren(after));
        assertThat(awaitFileContaining(inbox("oteren"), after)).contains(DIALOG_1_1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oterenMovesFromFoldersToJmsWithAReload() throws Exception {
        writeCooperation(demo().replace("    profile: systemx\n", "    profile: systemx\n    channel: jms\n"));
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> answer = reload();
        assertThat((List<String>) answer.getBody().get("changed")).containsExactly("oteren");

        String msgId = UUID.randomUUID().toString();
        drop("storsteinnes", "to-jms.xml", noteToOteren(msgId));
        jms.setReceiveTimeout(200);
        String received = await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!(jms.receive("samnav.out.oteren") instanceof BytesMessage m)) return null;
            byte[] body = new byte[(int) m.getBodyLength()];
            m.readBytes(body);
            String text = new String(body, StandardCharsets.UTF_8);
            return text.contains(msgId) ? text : null;
        }, t -> t != null);
        assertThat(received).contains(DIALOG_1_0);
        assertThat(find(inbox("oteren"), msgId)).isNull();
    }

    @Test
    void anInvalidFileIsRefusedWithTheReasonAndTheConfigurationInForceStays() throws IOException {
        ParticipantRegistry before = registry.current();
        writeCooperation(demo().replace("profile: systemx", "profile: pridoc"));
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> answer = reload();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("detail").toString()).contains("participant 'oteren': unknown profile 'pridoc'");
        assertThat(registry.current()).isSameAs(before);

        String msgId = UUID.randomUUID().toString();
        drop("storsteinnes", "still.xml", noteToOteren(msgId));
        assertThat(awaitFileContaining(inbox("oteren"), msgId)).contains(DIALOG_1_0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void participantsAreAddedAndRemovedAndTheMidwifeServiceMoves() throws IOException {
        String changed = demo()
                .replace("""
                          - id: malangen
                            name: Malangen legekontor
                            municipality: Balsfjord
                            her-ids: ["8100220"]
                            profile: infodoc
                            api-clients: [demo-infodoc-malangen]
                        """, """
                          - id: nordkjosbotn
                            name: Nordkjosbotn legekontor
                            municipality: Balsfjord
                            her-ids: ["8100250"]
                            profile: infodoc
                        """)
                // a shared-journal member must be a participant: the new office takes Malangen's place
                .replace("members: [storsteinnes, malangen,", "members: [storsteinnes, nordkjosbotn,")
                .replace("current-office: jordmor-oteren", "current-office: jordmor-storsteinnes");
        assertThat(changed).contains("nordkjosbotn").doesNotContain("malangen").contains("current-office: jordmor-storsteinnes");
        writeCooperation(changed);
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> answer = reload();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) answer.getBody().get("added")).containsExactly("nordkjosbotn");
        assertThat((List<String>) answer.getBody().get("removed")).containsExactly("malangen");
        assertThat((List<String>) answer.getBody().get("changed")).isEmpty();
        assertThat(camel.getRoute("ingest-malangen")).isNull();
        assertThat(camel.getRoute("deliver-malangen")).isNull();
        assertThat(camel.getRouteController().getRouteStatus("ingest-nordkjosbotn")).isEqualTo(ServiceStatus.Started);

        String toNew = UUID.randomUUID().toString();
        drop("storsteinnes", "to-new.xml", noteToOteren(toNew)
                .replace("<Id>" + GatewayTestMessages.OTEREN_HER + "</Id>", "<Id>8100250</Id>")
                .replace("<Id>8100100</Id>", "<Id>8100200</Id>"));
        assertThat(awaitFileContaining(inbox("nordkjosbotn"), toNew)).contains(DIALOG_1_1);

        String toMidwife = UUID.randomUUID().toString();
        drop("storsteinnes", "to-midwife.xml", noteToOteren(toMidwife)
                .replace("<Id>" + GatewayTestMessages.OTEREN_HER + "</Id>", "<Id>8100240</Id>")
                .replace("<Id>8100100</Id>", "<Id>8100200</Id>"));
        assertThat(awaitFileContaining(inbox("jordmor-storsteinnes"), toMidwife)).contains(toMidwife);
    }
}
