package no.samnav.mappers.kodeverk;

import java.util.Optional;

/** General AppRec error codes, Volven 8221 (HIS 80415 §6.3). */
public enum AppRecErrorCode implements Kodeverk {
    T01("T01", "Ikke XML / ikke 'well formed' / uleselig"),
    T02("T02", "XML validerer ikke"),
    T10("T10", "Støtter ikke meldingsformatet"),
    T99("T99", "Annen feil på format"),
    S01("S01", "Feil på signatur"),
    S02("S02", "Ugyldig sertifikat"),
    S03("S03", "Tilbaketrukket sertifikat"),
    S99("S99", "Annen feil på signatur eller sertifikat"),
    E10("E10", "Ugyldig meldingsidentifikator"),
    E20("E20", "Lege finnes ikke"),
    E21("E21", "Mottaker finnes ikke"),
    E30("E30", "Pasientens fødselsnummer mangler"),
    E31("E31", "Pasientens fødselsnummer er feil"),
    E32("E32", "Pasientens navn mangler"),
    E35("E35", "Pasienten finnes ikke i mottakersystemet"),
    E36("E36", "Pasientopplysninger er utilstrekkelig"),
    E53("E53", "Pasientens fødselsnummer eller D-nummer finnes ikke registrert i Folkeregisteret"),
    E54("E54", "Pasientens fødselsnummer er ikke registrert i mottagersystemet"),
    X99("X99", "Annen feil");

    public static final String OID = "2.16.578.1.12.4.1.1.8221";

    private final String code;
    private final String displayName;

    AppRecErrorCode(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return OID; }

    public static Optional<AppRecErrorCode> fromCode(String code) {
        return Kodeverk.byCode(AppRecErrorCode.class, code);
    }
}
