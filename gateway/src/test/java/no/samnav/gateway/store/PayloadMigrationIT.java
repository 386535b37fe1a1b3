package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a store with messages in it: V3 moves the payloads out of the message and delivery rows
 * and keeps every byte (an installed gateway upgrades with queued messages whose payloads it still
 * has to deliver). On an embedded H2 in the gateway's compatibility mode; the PostgreSQL integration
 * tests run the same migrations from an empty schema.
 */
class PayloadMigrationIT {

    private static final String URL = "jdbc:h2:mem:payload-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void theOriginalTheCanonicalFhirAndPendingPayloadsSurviveTheUpgrade() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            try (PreparedStatement m = c.prepareStatement("INSERT INTO message (id, msg_id, kind, standard, channel, status,"
                    + " received_at, original, fhir_json) VALUES ('m1', 'msg-1', 'message', 'dialogmelding-1.1', 'oteren',"
                    + " 'ROUTED', CURRENT_TIMESTAMP, ?, '{\"resourceType\":\"Bundle\"}')")) {
                m.setBytes(1, "<MsgHead>æøå</MsgHead>".getBytes(StandardCharsets.UTF_8));
                m.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement("INSERT INTO delivery (message_id, participant, file_name, standard,"
                    + " payload) VALUES ('m1', 'storsteinnes', 'msg-1.xml', 'dialogmelding-1.1', ?)")) {
                d.setBytes(1, "<translated/>".getBytes(StandardCharsets.UTF_8));
                d.executeUpdate();
            }
        }

        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT original, fhir_json FROM message_content WHERE message_id = 'm1'")) {
                assertThat(r.next()).isTrue();
                assertThat(new String(r.getBytes(1), StandardCharsets.UTF_8)).isEqualTo("<MsgHead>æøå</MsgHead>");
                assertThat(r.getString(2)).isEqualTo("{\"resourceType\":\"Bundle\"}");
            }
            try (ResultSet r = s.executeQuery("SELECT c.payload, d.delivered_at FROM delivery d JOIN delivery_content c"
                    + " ON c.message_id = d.message_id AND c.participant = d.participant")) {
                assertThat(r.next()).isTrue();
                assertThat(new String(r.getBytes(1), StandardCharsets.UTF_8)).isEqualTo("<translated/>");
                assertThat(r.getTimestamp(2)).isNull();
                assertThat(r.next()).isFalse();
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE table_name IN ('message', 'delivery') AND column_name IN ('original', 'fhir_json', 'payload')")) {
                r.next();
                assertThat(r.getInt(1)).as("payload columns left in the rows whose status changes").isZero();
            }
        }
    }
}
