package no.samnav.mappers.pregnancy;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** A code-list value of the pregnancy record: SNOMED CT code and display, Norwegian text for the card. */
public interface CodedValue {

    /** The SNOMED CT code. */
    String code();

    /** The SNOMED CT display. */
    String display();

    /** What the card and the web form show (bokmål, or the +/++ notation midwives write). */
    String text();

    default String system() {
        return PregnancyCodes.SNOMED;
    }

    /** The Observation value: the coding plus the Norwegian text. */
    default CodeableConcept concept() {
        return new CodeableConcept(new Coding(system(), code(), display())).setText(text());
    }

    /** The member of a code list whose code occurs in the concept, or null. */
    static <E extends Enum<E> & CodedValue> E of(Class<E> codeList, CodeableConcept concept) {
        if (concept == null) return null;
        for (Coding c : concept.getCoding()) {
            for (E member : codeList.getEnumConstants()) {
                if (member.system().equals(c.getSystem()) && member.code().equals(c.getCode())) return member;
            }
        }
        return null;
    }
}
