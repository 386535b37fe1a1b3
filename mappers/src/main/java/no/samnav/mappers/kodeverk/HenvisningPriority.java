package no.samnav.mappers.kodeverk;

import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;

/**
 * Hastegrad henvisning, Volven 8306 (ReqServ/Priority), with the FHIR request priority it
 * corresponds to. HIS 80517 1.1 names 8304 "Intern hastegrad" for the element, but the official
 * 1.1 example and practice use the 8306 values, so both versions are read and written with 8306.
 */
public enum HenvisningPriority implements Kodeverk {
    OYEBLIKKELIG_HJELP("0", "Øyeblikkelig hjelp", ServiceRequestPriority.STAT),
    HASTER("3", "Haster (elektiv)", ServiceRequestPriority.URGENT),
    ORDINAER("N", "Elektiv/Ordinær (elektiv)", ServiceRequestPriority.ROUTINE),
    PAKKEFORLOP_KREFT("PK", "Pakkeforløp for kreft (elektiv)", ServiceRequestPriority.ASAP);

    public static final String OID = "2.16.578.1.12.4.1.1.8306";

    private final String code;
    private final String displayName;
    private final ServiceRequestPriority priority;

    HenvisningPriority(String code, String displayName, ServiceRequestPriority priority) {
        this.code = code;
        this.displayName = displayName;
        this.priority = priority;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return OID; }

    /** The FHIR priority of this code. */
    public ServiceRequestPriority priority() {
        return priority;
    }

    public static Optional<HenvisningPriority> fromCode(String code) {
        return Kodeverk.byCode(HenvisningPriority.class, code);
    }

    /** The code for a FHIR priority (the first code with that meaning). */
    public static Optional<HenvisningPriority> fromPriority(ServiceRequestPriority priority) {
        for (HenvisningPriority p : values()) {
            if (p.priority == priority) return Optional.of(p);
        }
        return Optional.empty();
    }
}
