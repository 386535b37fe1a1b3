package no.samnav.gateway.registry;

import java.util.List;

/**
 * Example presets for the journal systems of the cooperation: which standards and versions a
 * system reads, in order of preference. They are presets, not vendor formats: a participant may
 * override {@code accepts} in the cooperation file, and the values here are examples to adjust to
 * the versions a site's system actually has enabled (the address register says which).
 */
public enum SystemProfile {
    /** InfoDoc Plenario (Storsteinnes, Malangen, legevakt). */
    INFODOC(List.of("dialogmelding-1.1", "dialogmelding-1.0", "henvisning-2.0", "henvisning-1.1", "epikrise-1.2",
            "svarrapport-1.4", "apprec-1.1", "apprec-1.0")),
    /** System X (Oteren): reads only the older versions. */
    SYSTEMX(List.of("dialogmelding-1.0", "henvisning-1.1", "epikrise-1.2", "svarrapport-1.4", "apprec-1.0")),
    /** CGM WinMed 3 (the midwife's Oteren office). */
    CGM(List.of("dialogmelding-1.1", "dialogmelding-1.0", "henvisning-2.0", "epikrise-1.2", "svarrapport-1.4",
            "apprec-1.1", "apprec-1.0")),
    /** A hospital EPJ (UNN): newest versions. */
    HOSPITAL(List.of("henvisning-2.0", "epikrise-1.2", "dialogmelding-1.1", "svarrapport-1.4", "apprec-1.1"));

    private final List<String> accepts;

    SystemProfile(List<String> accepts) {
        this.accepts = accepts;
    }

    /** Standard ids such as {@code dialogmelding-1.1}, most preferred first within each standard. */
    public List<String> accepts() {
        return accepts;
    }
}
