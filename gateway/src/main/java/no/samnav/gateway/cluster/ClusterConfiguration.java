package no.samnav.gateway.cluster;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claims on outbox files of a cluster: Camel's JDBC idempotent repository that recognises the
 * claims of a dead node ({@link JdbcOrphanLockAwareIdempotentRepository}), on the message store's
 * database, table {@code file_claim} (Flyway V8; its primary key makes a claim taken by two nodes
 * at once fail for one of them).
 */
@Configuration
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    /** The bean name the file consumers refer to ({@code idempotentRepository=#fileClaims}). */
    public static final String FILE_CLAIMS = "fileClaims";

    @Bean(FILE_CLAIMS)
    @ConditionalOnProperty(prefix = "samnav.cluster", name = "enabled", havingValue = "true")
    JdbcOrphanLockAwareIdempotentRepository fileClaims(DataSource dataSource, CamelContext camel, ClusterProperties cluster) {
        var claims = new JdbcOrphanLockAwareIdempotentRepository(dataSource, "samnav-outbox", camel);
        claims.setTableName("file_claim");
        claims.setCreateTableIfNotExists(false);
        claims.setLockMaxAgeMillis(cluster.claimMaxAge().toMillis());
        claims.setLockKeepAliveIntervalMillis(cluster.claimKeepAlive().toMillis());
        return claims;
    }
}
