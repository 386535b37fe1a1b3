package no.samnav.mappers.epikrise;

import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The code systems (Volven OIDs) the Epikrise standard fixes for its CS elements, and the LOINC
 * document type of a discharge summary.
 */
public final class EpikriseCodes {

    private EpikriseCodes() {
    }

    private static final String P = "2.16.578.1.12.4.1.1.";
    /** 7309 Tjenestetype (ServType: N new, M modified, ...). */
    public static final String SERV_TYPE = P + "7309";
    /** 7306 Status for rapport (F final, ...). */
    public static final String REPORT_STATUS = P + "7306";
    /** 7303 Svarrapporteringsprioritet. */
    public static final String REPORT_PRIORITY = P + "7303";
    /** 7304 Meldingsbekreftelse. */
    public static final String ACK = P + "7304";
    /** 8323 Status på melding (Message/Status, 1.2). */
    public static final String MESSAGE_STATUS = P + "8323";
    /** 8250 Mottaker av ytt tjeneste. */
    public static final String RECIPIENT = P + "8250";
    /** 8304 Intern hastegrad. */
    public static final String EVENT_PRIORITY = P + "8304";
    /** 7300 Ut til (discharge destination). */
    public static final String ADM_OUTCOME = P + "7300";
    /** 8240 Kontakttype (AdmCat). */
    public static final String ADM_CAT = P + "8240";
    /** 8233 Type klinisk opplysning (InfItem/Type: H, B, CAVE, MEDB, FUNN, ANAM, ...). */
    public static final String INF_ITEM_TYPE = P + "8233";
    /** 7307 Status for medisinering. */
    public static final String MEDICATION_STATUS = P + "7307";
    /** 8311 Type tekstsvar (Comment/Heading: AI, FO, VU, OP, ...). */
    public static final String TEXT_HEADING = P + "8311";
    /** 7305 Moderator (Modifier/Name). */
    public static final String MODIFIER = P + "7305";
    /** 8254 Type relasjon tilknyttet tjenesteyter (PatRelHCP/Relation, RelServProvider/Relation). */
    public static final String RELATION = P + "8254";
    /** 7318 Rolle til tjenesteyter (RelHCProvider/Relation). */
    public static final String CLINICAL_RELATION = P + "7318";
    /** 7301 Rolle til helsetjenesteenhet (Role of parties: SPR, REQ, COP, ...). */
    public static final String PARTY_ROLE = P + "7301";
    /** 8279 Meldingstype (CopyDestRole/MsgType). */
    public static final String MESSAGE_TYPE = P + "8279";
    /** 8235 Kommunikasjonsmetode. */
    public static final String COM_METHOD = P + "8235";

    /** The heading code of the follow-up plan ("Planer for videre oppfølging"). */
    public static final String HEADING_FOLLOW_UP = "OP";
    /** Main and secondary diagnosis (InfItem/Type). */
    public static final String MAIN_DIAGNOSIS = "H";
    public static final String SECONDARY_DIAGNOSIS = "B";
    /** The relation code of the patient's regular GP (fastlege) in PatRelHCP. */
    public static final String RELATION_GP = "FLE";
    /** The relation code of the responsible health professional (contact doctor) in RelServProvider. */
    public static final String RELATION_RESPONSIBLE = "AHP";

    /** LOINC 18842-5 Discharge summary, the Composition type of an Epikrise. */
    public static CodeableConcept dischargeSummary() {
        return new CodeableConcept(new Coding("http://loinc.org", "18842-5", "Discharge summary"));
    }

    /** True for the LOINC discharge summary type. */
    public static boolean isDischargeSummary(CodeableConcept type) {
        return type != null && type.getCoding().stream()
                .anyMatch(c -> "http://loinc.org".equals(c.getSystem()) && "18842-5".equals(c.getCode()));
    }

    /** The system URI of an OID above. */
    public static String system(String oid) {
        return Systems.ofOid(oid);
    }
}
