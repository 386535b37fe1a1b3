package no.samnav.mappers.pregnancy;

import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The pregnant woman as the resources reference her: by national identifier, as the shared journal
 * does, so the resources stay valid whatever Patient resource (if any) the store holds.
 *
 * @param system identifier system, {@link Systems#FNR} or {@link Systems#DNR}
 * @param value  the 11 digits
 * @param name   display name, may be null
 */
public record PatientRef(String system, String value, String name) {

    /** By fødselsnummer. */
    public static PatientRef fnr(String fnr, String name) {
        return new PatientRef(Systems.FNR, fnr, name);
    }

    /** The logical reference (type, identifier, display). */
    public Reference reference() {
        return new Reference().setType("Patient").setIdentifier(new Identifier().setSystem(system).setValue(value))
                .setDisplay(name);
    }

    /** The patient of a logical reference written by {@link #reference()}. */
    public static PatientRef of(Reference reference) {
        Identifier id = reference.getIdentifier();
        return new PatientRef(id.getSystem(), id.getValue(), reference.getDisplay());
    }
}
