package no.samnav.mappers.common;

import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.kodeverk.Sex;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient fields that Henvisning 1.1 and Svarrapport 1.4 write alike (the KITH message generation
 * with its own {@code Message} envelope): Sex as a CS and the dates as TS attributes.
 */
public final class PatientFields {

    private PatientFields() {
    }

    /** Writes Sex (the KITH code read, else derived from the gender), DateOfBirth and DateOfDeath. */
    public static void writeSexAndDates(XmlOut out, String ns, Patient p) {
        if (p.hasGender()) {
            Coding sex = (Coding) Extensions.value(p.getGenderElement(), Extensions.KITH_CODE);
            if (sex == null) sex = Sex.fromGender(p.getGender()).map(KithCodes::coding).orElse(null);
            KithCodes.writeCs(out, ns, "Sex", sex);
        }
        if (p.hasBirthDate()) out.attributesOnly(ns, "DateOfBirth", "V", KithDates.toKith(p.getBirthDateElement()));
        if (p.hasDeceasedDateTimeType()) {
            out.attributesOnly(ns, "DateOfDeath", "V", KithDates.toKith(p.getDeceasedDateTimeType()));
        }
    }
}
