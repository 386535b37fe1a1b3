package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashHarnessTest {

    @TempDir
    Path dataDir;

    @Test
    void reportsTheFirstWarningOfEachKindFromTheGatewayLogsAndLeavesOutTheExpectedOnes() throws Exception {
        Path logs = Files.createDirectories(dataDir.resolve("gateway-logs"));
        String prefix = "2026-12-04T17:21:56.292Z  WARN 7481 --- [samnav-gateway] ";
        Files.write(logs.resolve("gateway-1.log"), List.of(
                "2026-12-04T17:21:35.824Z  INFO 7481 --- [samnav-gateway] [           main] [msg=] o.s.b.w.TomcatWebServer  : Tomcat initialized",
                prefix + "[.1-46347-exec-8] [msg=] a.h.r.CamelReadinessStateHealthIndicator : Probe in group 'camel' failed",
                prefix + "[           main] [msg=] n.s.g.store.EmbeddedStoreCompactor       : embedded message store not compacted"
                        + " at start: the gateway did not stop cleanly last time"));
        Files.write(logs.resolve("gateway-2.log"), List.of(
                prefix + "[r.storsteinnes]] [msg=dc34] o.a.c.p.errorhandler.DeadLetterChannel   : Failed delivery for"
                        + " (MessageId: ID:1). On delivery attempt: 0 caught: Timeout trying to lock table",
                prefix + "[r.storsteinnes]] [msg=dc34] o.a.c.p.errorhandler.DeadLetterChannel   : Failed delivery for"
                        + " (MessageId: ID:1). On delivery attempt: 1 caught: Timeout trying to lock table",
                "2026-12-04T17:22:21.397Z ERROR 7481 --- [samnav-gateway] [r[samnav.route]] [msg=0f84] "
                        + "no.samnav.gateway.flow.DeliveryService   : message 0f84 to (routing) dead-lettered: QueryTimeoutException",
                "\tat org.h2.message.DbException.get(DbException.java:223)"));

        List<String> warnings = CrashHarness.gatewayWarnings(dataDir);

        assertThat(warnings).containsExactly(
                "gateway-2.log: WARN o.a.c.p.errorhandler.DeadLetterChannel: Failed delivery for (MessageId: ID:1)."
                        + " On delivery attempt: 0 caught: Timeout trying to lock table",
                "gateway-2.log: ERROR no.samnav.gateway.flow.DeliveryService: message 0f84 to (routing) dead-lettered:"
                        + " QueryTimeoutException");
    }

    @Test
    void saysNothingWithoutLogs() throws Exception {
        assertThat(CrashHarness.gatewayWarnings(dataDir)).isEmpty();
    }
}
