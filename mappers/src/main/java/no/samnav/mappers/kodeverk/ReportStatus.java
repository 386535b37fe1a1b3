package no.samnav.mappers.kodeverk;

import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;

/**
 * Volven 7306 "Status for rapport" (ServReport/Status in Svarrapport) and its DiagnosticReport
 * status. The codes follow HL7 v2 table 0123 (result status), from which the KITH list is taken; the
 * official examples use F.
 */
public enum ReportStatus implements Kodeverk {
    ENDELIG("F", "Endelig rapport", DiagnosticReportStatus.FINAL),
    FORELOPIG("P", "Foreløpig rapport", DiagnosticReportStatus.PRELIMINARY),
    DELSVAR("A", "Noen resultater foreligger", DiagnosticReportStatus.PARTIAL),
    KORRIGERT("C", "Korrigert rapport", DiagnosticReportStatus.CORRECTED),
    KANSELLERT("X", "Kansellert", DiagnosticReportStatus.CANCELLED);

    public static final String OID = "2.16.578.1.12.4.1.1.7306";

    private final String code;
    private final String displayName;
    private final DiagnosticReportStatus fhirStatus;

    ReportStatus(String code, String displayName, DiagnosticReportStatus fhirStatus) {
        this.code = code;
        this.displayName = displayName;
        this.fhirStatus = fhirStatus;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return OID; }

    public DiagnosticReportStatus fhirStatus() { return fhirStatus; }

    public static Optional<ReportStatus> fromCode(String code) {
        return Kodeverk.byCode(ReportStatus.class, code);
    }

    /** The KITH status for a FHIR status (amended and appended count as corrected). */
    public static ReportStatus fromFhir(DiagnosticReportStatus status) {
        if (status == null) return ENDELIG;
        return switch (status) {
            case PRELIMINARY, REGISTERED -> FORELOPIG;
            case PARTIAL -> DELSVAR;
            case CORRECTED, AMENDED, APPENDED -> KORRIGERT;
            case CANCELLED, ENTEREDINERROR -> KANSELLERT;
            default -> ENDELIG;
        };
    }
}
