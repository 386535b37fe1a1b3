package no.samnav.conformance.harness;

import java.util.List;

/**
 * The participants of the bundled demo cooperation ({@code gateway/src/main/resources/demo/cooperation.yml})
 * as the harness's journal systems see them: the HER-id they are addressed by, and the versions
 * their system reads and writes. All HER-ids are fictional.
 *
 * @param dialogNamespace the Dialogmelding namespace the system reads (1.0 for System X, else 1.1)
 * @param appRec10        whether the system reads and writes AppRec 1.0 (System X) rather than 1.1
 */
public record DemoParticipant(String id, String name, String herId, String dialogNamespace, boolean appRec10) {

    static final String DIALOG_1_0 = "http://www.kith.no/xmlstds/dialog/2006-10-11";
    static final String DIALOG_1_1 = "http://www.kith.no/xmlstds/dialog/2013-01-23";
    static final String APPREC_1_0 = "http://www.kith.no/xmlstds/apprec/2004-11-21";
    static final String APPREC_1_1 = "http://www.kith.no/xmlstds/apprec/2012-02-15";

    public static final List<DemoParticipant> ALL = List.of(
            new DemoParticipant("storsteinnes", "Storsteinnes legekontor", "8100210", DIALOG_1_1, false),
            new DemoParticipant("malangen", "Malangen legekontor", "8100220", DIALOG_1_1, false),
            new DemoParticipant("oteren", "Oteren legekontor", "8100110", DIALOG_1_0, true),
            new DemoParticipant("legevakt", "Felles legevakt Balsfjord-Storfjord", "8100230", DIALOG_1_1, false),
            new DemoParticipant("jordmor-oteren", "Jordmortjenesten, kontor Oteren helsehus", "8100241", DIALOG_1_1, false),
            new DemoParticipant("jordmor-storsteinnes", "Jordmortjenesten, kontor Storsteinnes helsestasjon", "8100242",
                    DIALOG_1_1, false),
            new DemoParticipant("unn", "Universitetssykehuset Nord-Norge HF (fiktiv)", "8100900", DIALOG_1_1, false));

    /** The AppRec namespace this system reads and writes. */
    public String appRecNamespace() {
        return appRec10 ? APPREC_1_0 : APPREC_1_1;
    }
}
