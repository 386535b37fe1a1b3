package no.samnav.conformance.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import no.samnav.conformance.generator.Generators;
import no.samnav.conformance.generator.MessageGenerator;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.validation.FhirValidation;
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

/**
 * What validating a message costs the FHIR API ({@code samnav.fhir.validate-messages}): HAPI's
 * instance validator against FHIR R4 on the canonical Bundles of generated messages, one thread,
 * next to a baseline from the same run: parsing the same Bundle's JSON, which {@code $process-message}
 * does for every message anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
public class FhirValidationBenchmark {

    private static final int SAMPLE = 16;

    @Param({"dialogmelding-1.1", "henvisning-2.0"})
    public String standard;

    private FhirValidation validation;
    private IParser json;
    private Bundle[] bundles;
    private String[] encoded;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        MessageGenerator generator = Generators.all().stream().filter(g -> g.standard().id().equals(standard))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no generator for " + standard));
        FhirContext fhir = FhirContext.forR4Cached();
        validation = new FhirValidation(fhir);
        json = fhir.newJsonParser();
        Mappers mappers = new Mappers();
        bundles = new Bundle[SAMPLE];
        encoded = new String[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            bundles[i] = mappers.read(generator.generate(new SplittableRandom(2_000 + i))).bundle();
            encoded[i] = json.encodeResourceToString(bundles[i]);
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) % SAMPLE;
        return i;
    }

    /** HAPI's instance validator, FHIR R4, on one message Bundle. */
    @Benchmark
    public Object validate() {
        return validation.result(bundles[nextIndex()]);
    }

    /** Baseline: parsing the same Bundle from its JSON. */
    @Benchmark
    public Object parse() {
        return json.parseResource(Bundle.class, encoded[nextIndex()]);
    }
}
