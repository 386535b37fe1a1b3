package no.samnav.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import no.samnav.conformance.generator.EpikriseV1_1Generator;
import no.samnav.conformance.validation.FhirValidation;
import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Epikrise 1.1 is read only: generated 1.1 messages (property {@code samnav.translation.size},
 * default 250) must translate to schema-valid Epikrise 1.2 with every value kept or named in the
 * loss report, and read to valid FHIR.
 */
@Tag("conformance")
class EpikriseTranslationCorpusTest {

    private static final int SIZE = Integer.getInteger("samnav.translation.size", 250);
    private static final int FHIR_EVERY = Integer.getInteger("samnav.corpus.fhir-every", 1);

    @Test
    void generatedVersion11MessagesTranslateToValidVersion12() {
        KithSchemas schemas = new KithSchemas(SharedStandards.xsdDir(SharedStandards.require()));
        FhirValidation fhir = new FhirValidation(FhirContext.forR4Cached());
        Mappers mappers = new Mappers();
        EpikriseV1_1Generator generator = new EpikriseV1_1Generator();
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < SIZE && failures.size() < 5; seed++) {
            byte[] xml = generator.generate(new SplittableRandom(seed));
            String what = "epikrise-1.1 seed " + seed;
            List<String> inputProblems = schemas.validate(xml);
            if (!inputProblems.isEmpty()) {
                failures.add(what + ": the generator wrote an invalid message " + inputProblems);
                continue;
            }
            try {
                ReadResult read = mappers.read(xml);
                assertThat(read.standard()).isEqualTo(KithStandard.EPIKRISE_1_1);
                WriteResult written = mappers.write(read.bundle(), KithStandard.EPIKRISE_1_2, read.wrapped());
                List<String> outputProblems = schemas.validate(written.xml());
                if (!outputProblems.isEmpty()) failures.add(what + ": translated XML invalid " + outputProblems);
                List<String> missing = KeyContent.missing(xml, written.xml(), written.losses());
                if (!missing.isEmpty()) failures.add(what + ": lost without report " + missing);
                if (seed % FHIR_EVERY == 0) {
                    List<String> fhirErrors = fhir.errors(read.bundle());
                    if (!fhirErrors.isEmpty()) failures.add(what + ": FHIR errors " + fhirErrors);
                }
            } catch (RuntimeException e) {
                failures.add(what + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
    }
}
