package no.samnav.conformance.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.samnav.conformance.generator.Generators;
import no.samnav.conformance.generator.MessageGenerator;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Mapper throughput, one thread (messages/s per core), next to a baseline measured in the same
 * run over the same messages: a plain StAX pass over the XML bytes plus HAPI's JSON serialisation of
 * the same FHIR Bundle, i.e. the least any XML-to-FHIR service has to do. The messages are a fixed,
 * seeded sample of the conformance generators, so runs are comparable.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MapperBenchmark {

    /** Messages per standard in the sample; the benchmark cycles through them. */
    private static final int SAMPLE = 64;

    @Param({"dialogmelding-1.1", "henvisning-2.0", "epikrise-1.2"})
    public String standard;

    private final Mappers mappers = new Mappers();
    private final XMLInputFactory stax = new WstxInputFactory();
    private IParser json;
    private byte[][] messages;
    private Bundle[] bundles;
    private boolean[] wrapped;
    private KithStandard kith;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        MessageGenerator generator = Generators.all().stream().filter(g -> g.standard().id().equals(standard))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no generator for " + standard));
        kith = generator.standard();
        json = FhirContext.forR4Cached().newJsonParser();
        messages = new byte[SAMPLE][];
        bundles = new Bundle[SAMPLE];
        wrapped = new boolean[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            messages[i] = generator.generate(new SplittableRandom(1_000 + i));
            ReadResult read = mappers.read(messages[i]);
            bundles[i] = read.bundle();
            wrapped[i] = read.wrapped();
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) % SAMPLE;
        return i;
    }

    /** KITH XML bytes to the canonical FHIR Bundle (parse, check, map). */
    @Benchmark
    public Bundle read() {
        return mappers.read(messages[nextIndex()]).bundle();
    }

    /** The canonical FHIR Bundle to KITH XML bytes of the same version and envelope. */
    @Benchmark
    public byte[] write() {
        int i = nextIndex();
        return mappers.write(bundles[i], kith, wrapped[i]).xml();
    }

    /** Baseline: every StAX event of the same bytes, then HAPI's JSON serialisation of the same Bundle. */
    @Benchmark
    public void baseline(Blackhole bh) throws XMLStreamException {
        int i = nextIndex();
        staxPass(messages[i], bh);
        bh.consume(json.encodeResourceToString(bundles[i]));
    }

    private void staxPass(byte[] xml, Blackhole bh) throws XMLStreamException {
        XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(xml));
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                bh.consume(r.getLocalName());
                for (int a = 0; a < r.getAttributeCount(); a++) bh.consume(r.getAttributeValue(a));
            } else if (event == XMLStreamConstants.CHARACTERS) {
                bh.consume(r.getText());
            }
        }
        r.close();
    }
}
