package no.samnav.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.journal.Publication;
import no.samnav.mappers.journal.SharedDocument;
import no.samnav.mappers.journal.SharedDocuments;
import ca.uhn.fhir.context.FhirContext;

/**
 * The shared journal at scale: loads {@code documents} DocumentReferences (with their original XML
 * and HTML content) for {@code patients} synthetic patients into PostgreSQL, in the packaged
 * gateway's own schema (Flyway-made), then measures through the running gateway's FHIR API ITI-67
 * "all current documents of one patient" and ITI-68 "retrieve one document", each next to its
 * baseline from the same run: the same query as plain SQL on the same database. The reader is a
 * legevakt doctor on duty, so every request goes through the whole access policy and is audited.
 * Figures only; correctness is checked (every search finds the patient's documents).
 */
public final class JournalScaleBenchmark {

    /** What one run measured. */
    public record Figures(int documents, int patients, double loadedPerSecond, Latencies find, Latencies findSql,
            Latencies retrieve, Latencies retrieveSql, List<String> problems) {
    }

    private static final String TEMPLATE_DOC = "00000000-0000-4000-8000-00000000d0c0";
    private static final String TEMPLATE_XML = "00000000-0000-4000-8000-0000000000a1";
    private static final String TEMPLATE_HTML = "00000000-0000-4000-8000-0000000000b2";
    private static final String FIND_SQL = "SELECT id, master_id, patient_id, type_code, category, doc_date, author_her,"
            + " author_hpr, status, publisher, source_message_id, replaces_id, version, last_updated, resource_json"
            + " FROM journal_document WHERE patient_id = ? AND status IN (?) ORDER BY doc_date DESC, id LIMIT ?";

    private final Path workDir;
    private final Path jar;
    private final Path sample;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int documents;
    private final int patients;
    private final int queries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public JournalScaleBenchmark(Path workDir, Path jar, Path sample, String jdbcUrl, String user, String password,
            int documents, int patients, int queries) {
        this.workDir = workDir;
        this.jar = jar;
        this.sample = sample;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.documents = documents;
        this.patients = patients;
        this.queries = queries;
    }

    public Figures run() throws Exception {
        String schema = "samnav_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String schemaUrl = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password);
                Statement st = admin.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        try (GatewayProcess gateway = new GatewayProcess(jar, Files.createDirectories(workDir.resolve("gateway")),
                List.of("-Xmx1g"), List.of("--spring.datasource.url=" + schemaUrl, "--spring.datasource.username=" + user,
                "--spring.flyway.schemas=" + schema, "--samnav.cooperation-file=" + cooperationFile()),
                Duration.ofMinutes(3)).withEnvironment(Map.of("SPRING_DATASOURCE_PASSWORD", password))) {
            gateway.start();
            List<String> fnrs = patientNumbers(patients);
            double loaded = load(schemaUrl, fnrs);
            return measure(gateway, schemaUrl, fnrs, loaded);
        } finally {
            if (!Boolean.getBoolean("samnav.journal-bench.keep")) {
                try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password);
                        Statement st = admin.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /** One legevakt, on duty all the time, and an office: the reader passes every rule of the policy. */
    private Path cooperationFile() throws IOException {
        Path file = workDir.resolve("bench-cooperation.yml");
        Files.writeString(file, """
                name: Journal benchmark (fictional)
                participants:
                  - id: legevakt
                    name: Legevakt (fiktiv)
                    municipality: Balsfjord
                    her-ids: ["8100230"]
                    profile: infodoc
                    api-clients: [bench-legevakt]
                  - id: oteren
                    name: Oteren legekontor (fiktiv)
                    municipality: Storfjord
                    her-ids: ["8100110"]
                    profile: systemx
                shared-journal:
                  members: [legevakt, oteren]
                  on-duty:
                    - participant: legevakt
                      weekdays: "00:00-24:00"
                      weekends: "00:00-24:00"
                """);
        return file;
    }

    /** Synthetic fødselsnummer (valid check digits) for {@code n} patients born 1940 to 2005. */
    static List<String> patientNumbers(int n) {
        List<String> result = new ArrayList<>(n);
        DateTimeFormatter ddmmyy = DateTimeFormatter.ofPattern("ddMMyy");
        LocalDate day = LocalDate.of(1940, 1, 1);
        while (result.size() < n) {
            for (int individual = 100; individual < 500 && result.size() < n; individual += 7) {
                String fnr = NorwegianIds.withCheckDigits(day.format(ddmmyy) + individual);
                if (fnr != null && NorwegianIds.isValidPersonNumber(fnr)) result.add(fnr);
            }
            day = day.plusDays(1);
        }
        return result;
    }

    static String uuid(int kind, long i) {
        return new UUID(0x5a4e415600004000L | kind, 0x8000000000000000L | i).toString();
    }

    /** Loads the documents with JDBC batches; returns documents per second. */
    private double load(String schemaUrl, List<String> fnrs) throws Exception {
        byte[] original = Files.readAllBytes(sample);
        ReadResult read = new Mappers().read(original);
        String samplePatient = read.bundle().getEntry().stream()
                .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient)
                .map(e -> ((org.hl7.fhir.r4.model.Patient) e.getResource()).getIdentifierFirstRep().getValue())
                .findFirst().orElseThrow();
        SharedDocument template = SharedDocuments.publish(read, original, new Publication(TEMPLATE_DOC, TEMPLATE_XML,
                TEMPLATE_HTML, "Balsfjord", "8100230", "Legevakt", Instant.now()));
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(template.reference());
        byte[] html = template.htmlBytes();
        Instant newest = Instant.now();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(schemaUrl + "&reWriteBatchedInserts=true", user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement doc = c.prepareStatement("INSERT INTO journal_document (id, master_id, patient_id,"
                    + " type_code, category, doc_date, author_her, author_hpr, status, publisher, source_message_id,"
                    + " replaces_id, version, last_updated, resource_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'current',"
                    + " 'legevakt', NULL, NULL, 1, ?, ?)");
                    PreparedStatement bin = c.prepareStatement("INSERT INTO journal_binary (id, document_id, content_type,"
                            + " data) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < documents; i++) {
                    String fnr = fnrs.get(i % fnrs.size());
                    String id = uuid(1, i);
                    // each patient's documents spread over the years before now
                    Timestamp date = Timestamp.from(newest.minus(Duration.ofHours(1 + (long) (i / fnrs.size()) * 97)));
                    doc.setString(1, id);
                    doc.setString(2, "urn:uuid:" + id);
                    doc.setString(3, fnr);
                    doc.setString(4, template.typeCode());
                    doc.setString(5, template.categoryCode());
                    doc.setTimestamp(6, date);
                    doc.setString(7, template.authorHerId());
                    doc.setString(8, template.authorHpr());
                    doc.setTimestamp(9, date);
                    doc.setString(10, json.replace(TEMPLATE_DOC, id).replace(TEMPLATE_XML, uuid(2, i))
                            .replace(TEMPLATE_HTML, uuid(3, i)).replace(samplePatient, fnr));
                    doc.addBatch();
                    bin.setString(1, uuid(2, i));
                    bin.setString(2, id);
                    bin.setString(3, "application/xml");
                    bin.setBytes(4, original);
                    bin.addBatch();
                    bin.setString(1, uuid(3, i));
                    bin.setString(2, id);
                    bin.setString(3, "text/html; charset=utf-8");
                    bin.setBytes(4, html);
                    bin.addBatch();
                    if ((i + 1) % 1000 == 0 || i == documents - 1) {
                        doc.executeBatch();
                        bin.executeBatch();
                        c.commit();
                    }
                    if ((i + 1) % 100_000 == 0) System.out.printf("  loaded %,d documents%n", i + 1);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE journal_document");
                st.execute("ANALYZE journal_binary");
            }
            c.commit();
        }
        return documents / ((System.nanoTime() - t0) / 1e9);
    }

    private Figures measure(GatewayProcess gateway, String schemaUrl, List<String> fnrs, double loaded) throws Exception {
        String token = token(gateway);
        List<String> problems = new ArrayList<>();
        Random random = new Random(42);
        int perPatient = (documents + fnrs.size() - 1) / fnrs.size();
        long[] find = new long[queries], findSql = new long[queries], retrieve = new long[queries], retrieveSql = new long[queries];
        try (Connection c = DriverManager.getConnection(schemaUrl, user, password);
                PreparedStatement sqlFind = c.prepareStatement(FIND_SQL);
                PreparedStatement sqlBinary = c.prepareStatement("SELECT id, document_id, content_type, data FROM"
                        + " journal_binary WHERE id = ?")) {
            int warmUp = Math.min(200, queries);
            for (int round = 0; round < 2; round++) {
                int n = round == 0 ? warmUp : queries;
                for (int q = 0; q < n; q++) {
                    String fnr = fnrs.get(random.nextInt(fnrs.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> found = get(gateway, "/fhir/DocumentReference?patient.identifier="
                            + URLEncoder.encode("urn:oid:2.16.578.1.12.4.1.4.1|" + fnr, StandardCharsets.UTF_8)
                            + "&status=current", token, "application/fhir+json");
                    long tFind = System.nanoTime() - t;
                    t = System.nanoTime();
                    int rows = sqlRows(sqlFind, fnr);
                    long tFindSql = System.nanoTime() - t;
                    long doc = random.nextInt(documents);
                    t = System.nanoTime();
                    HttpResponse<String> content = get(gateway, "/fhir/Binary/" + uuid(2, doc), token, "*/*");
                    long tRetrieve = System.nanoTime() - t;
                    t = System.nanoTime();
                    sqlBinary.setString(1, uuid(2, doc));
                    try (ResultSet rs = sqlBinary.executeQuery()) {
                        if (!rs.next() || rs.getBytes(4).length == 0) problems.add("binary " + doc + " missing in SQL");
                    }
                    long tRetrieveSql = System.nanoTime() - t;
                    if (round == 1) {
                        find[q] = tFind;
                        findSql[q] = tFindSql;
                        retrieve[q] = tRetrieve;
                        retrieveSql[q] = tRetrieveSql;
                        check(found, content, rows, fnr, problems);
                    }
                }
            }
        }
        if (perPatient < 1) problems.add("no documents per patient");
        return new Figures(documents, fnrs.size(), loaded, Latencies.of(find), Latencies.of(findSql),
                Latencies.of(retrieve), Latencies.of(retrieveSql), problems);
    }

    private static void check(HttpResponse<String> found, HttpResponse<String> content, int rows, String fnr,
            List<String> problems) throws IOException {
        if (problems.size() > 10) return;
        if (found.statusCode() != 200) {
            problems.add("ITI-67 answered " + found.statusCode());
            return;
        }
        JsonNode bundle = new ObjectMapper().readTree(found.body());
        int entries = bundle.path("entry").size();
        if (entries != rows || entries == 0) problems.add("ITI-67 found " + entries + " documents, SQL " + rows);
        for (JsonNode entry : bundle.path("entry")) {
            if (!fnr.equals(entry.path("resource").path("subject").path("identifier").path("value").asText())) {
                problems.add("ITI-67 returned another patient's document");
                break;
            }
        }
        if (content.statusCode() != 200 || !content.body().contains("MsgHead")) {
            problems.add("ITI-68 answered " + content.statusCode());
        }
    }

    private static int sqlRows(PreparedStatement find, String fnr) throws SQLException {
        find.setString(1, fnr);
        find.setString(2, "current");
        find.setInt(3, 500);
        int n = 0;
        try (ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                rs.getString(15);
                n++;
            }
        }
        return n;
    }

    private HttpResponse<String> get(GatewayProcess gateway, String path, String token, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(GatewayProcess gateway) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/dev-auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=bench-legevakt&scope=samnav/journal.read&hpr_number=9144889"
                        + "&expires_in=86400")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("no dev token: " + response.statusCode());
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    /** {@code java -Dsamnav.journal-bench.documents=1000000 -Dsamnav.journal-bench.patients=50000 … JournalScaleBenchmark} */
    public static void main(String[] args) throws Exception {
        String url = System.getenv("SAMNAV_TEST_POSTGRES_URL");
        if (url == null) throw new IllegalStateException("set SAMNAV_TEST_POSTGRES_URL, SAMNAV_TEST_PG_USER, SAMNAV_TEST_PG_PASSWORD");
        int documents = Integer.getInteger("samnav.journal-bench.documents", 1_000_000);
        int patients = Integer.getInteger("samnav.journal-bench.patients", 50_000);
        int queries = Integer.getInteger("samnav.journal-bench.queries", 2_000);
        Path work = Files.createTempDirectory("samnav-journal-bench");
        System.out.printf("shared journal benchmark: %,d documents, %,d patients, %,d queries, %d cores%n", documents,
                patients, queries, Runtime.getRuntime().availableProcessors());
        Figures f = new JournalScaleBenchmark(work, HarnessFiles.gatewayJar(), HarnessFiles.sample(), url,
                System.getenv("SAMNAV_TEST_PG_USER"), System.getenv("SAMNAV_TEST_PG_PASSWORD"), documents, patients,
                queries).run();
        System.out.printf("loaded %,.0f documents/s%n%n", f.loadedPerSecond());
        System.out.println("| | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| ITI-67 all current documents of one patient (FHIR API, policy, audit) | %.1f | %.1f | %.1f |%n",
                f.find().p50Millis(), f.find().p99Millis(), f.find().maxMillis());
        System.out.printf("| baseline: the same query as plain SQL | %.1f | %.1f | %.1f |%n",
                f.findSql().p50Millis(), f.findSql().p99Millis(), f.findSql().maxMillis());
        System.out.printf("| ITI-68 retrieve one document (FHIR API, policy, audit) | %.1f | %.1f | %.1f |%n",
                f.retrieve().p50Millis(), f.retrieve().p99Millis(), f.retrieve().maxMillis());
        System.out.printf("| baseline: the same read as plain SQL | %.1f | %.1f | %.1f |%n",
                f.retrieveSql().p50Millis(), f.retrieveSql().p99Millis(), f.retrieveSql().maxMillis());
        System.out.println(f.problems().isEmpty() ? "every search found the patient's documents" : "PROBLEMS: " + f.problems());
        System.exit(f.problems().isEmpty() ? 0 : 1);
    }
}
