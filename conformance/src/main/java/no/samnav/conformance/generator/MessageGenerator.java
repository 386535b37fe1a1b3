package no.samnav.conformance.generator;

import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;

/**
 * Produces varied, schema-valid messages of one standard and version from a seed: realistic
 * synthetic content (Norwegian names, valid FNR/HPR/HER-id formats, ICD-10 and ICPC-2 codes, long
 * texts, attachments) with optional elements present or absent. The same seed gives the same bytes.
 */
public interface MessageGenerator {

    /** The standard and version of the document the generator writes. */
    KithStandard standard();

    /** One message; {@code random} decides every choice. */
    byte[] generate(SplittableRandom random);
}
