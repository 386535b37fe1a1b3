package no.samnav.mappers.core;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.apprec.AppRecReading;
import no.samnav.mappers.apprec.AppRecWriting;

/**
 * The reader and writer for each standard and version: the one place that knows which class maps
 * which version. Readers and writers are stateless and shared.
 */
public final class MapperRegistry {

    private MapperRegistry() {
    }

    private static final DocumentReader DIALOGMELDING_1_0_READER = new no.samnav.mappers.dialogmelding.v1_0.DialogmeldingReader();
    private static final DocumentReader DIALOGMELDING_1_1_READER = new no.samnav.mappers.dialogmelding.v1_1.DialogmeldingReader();
    private static final DocumentWriter DIALOGMELDING_1_0_WRITER = new no.samnav.mappers.dialogmelding.v1_0.DialogmeldingWriter();
    private static final DocumentWriter DIALOGMELDING_1_1_WRITER = new no.samnav.mappers.dialogmelding.v1_1.DialogmeldingWriter();
    private static final DocumentReader SVARRAPPORT_1_4_READER = new no.samnav.mappers.svarrapport.v1_4.SvarrapportReader();
    private static final DocumentWriter SVARRAPPORT_1_4_WRITER = new no.samnav.mappers.svarrapport.v1_4.SvarrapportWriter();
    private static final DocumentReader EPIKRISE_1_1_READER = new no.samnav.mappers.epikrise.v1_1.EpikriseReader();
    private static final DocumentReader EPIKRISE_1_2_READER = new no.samnav.mappers.epikrise.v1_2.EpikriseReader();
    private static final DocumentWriter EPIKRISE_1_2_WRITER = new no.samnav.mappers.epikrise.v1_2.EpikriseWriter();
    private static final DocumentReader HENVISNING_1_1_READER = new no.samnav.mappers.henvisning.v1_1.HenvisningReader();
    private static final DocumentReader HENVISNING_2_0_READER = new no.samnav.mappers.henvisning.v2_0.HenvisningReader();
    private static final DocumentWriter HENVISNING_1_1_WRITER = new no.samnav.mappers.henvisning.v1_1.HenvisningWriter();
    private static final DocumentWriter HENVISNING_2_0_WRITER = new no.samnav.mappers.henvisning.v2_0.HenvisningWriter();
    private static final AppRecReading APPREC_1_0_READER = new no.samnav.mappers.apprec.v1_0.AppRecReader();
    private static final AppRecReading APPREC_1_1_READER = new no.samnav.mappers.apprec.v1_1.AppRecReader();
    private static final AppRecWriting APPREC_1_0_WRITER = new no.samnav.mappers.apprec.v1_0.AppRecWriter();
    private static final AppRecWriting APPREC_1_1_WRITER = new no.samnav.mappers.apprec.v1_1.AppRecWriter();

    /** The reader of a document standard, or null when the standard has none (MsgHead, AppRec). */
    public static DocumentReader reader(KithStandard standard) {
        return switch (standard) {
            case DIALOGMELDING_1_0 -> DIALOGMELDING_1_0_READER;
            case DIALOGMELDING_1_1 -> DIALOGMELDING_1_1_READER;
            case SVARRAPPORT_1_4 -> SVARRAPPORT_1_4_READER;
            case EPIKRISE_1_1 -> EPIKRISE_1_1_READER;
            case EPIKRISE_1_2 -> EPIKRISE_1_2_READER;
            case HENVISNING_1_1 -> HENVISNING_1_1_READER;
            case HENVISNING_2_0 -> HENVISNING_2_0_READER;
            default -> null;
        };
    }

    /** The writer of a document standard, or null when there is none for that version. */
    public static DocumentWriter writer(KithStandard standard) {
        return switch (standard) {
            case DIALOGMELDING_1_0 -> DIALOGMELDING_1_0_WRITER;
            case DIALOGMELDING_1_1 -> DIALOGMELDING_1_1_WRITER;
            case SVARRAPPORT_1_4 -> SVARRAPPORT_1_4_WRITER;
            // Epikrise 1.1 is read only: translate it to 1.2 to send it on
            case EPIKRISE_1_2 -> EPIKRISE_1_2_WRITER;
            case HENVISNING_1_1 -> HENVISNING_1_1_WRITER;
            case HENVISNING_2_0 -> HENVISNING_2_0_WRITER;
            default -> null;
        };
    }

    public static AppRecReading appRecReader(KithStandard standard) {
        return switch (standard) {
            case APPREC_1_0 -> APPREC_1_0_READER;
            case APPREC_1_1 -> APPREC_1_1_READER;
            default -> null;
        };
    }

    public static AppRecWriting appRecWriter(KithStandard standard) {
        return switch (standard) {
            case APPREC_1_0 -> APPREC_1_0_WRITER;
            case APPREC_1_1 -> APPREC_1_1_WRITER;
            default -> null;
        };
    }

    /** True when a message can be written in this standard and version. */
    public static boolean canWrite(KithStandard standard) {
        return writer(standard) != null || appRecWriter(standard) != null;
    }

    /** True when documents of this standard and version can be read. */
    public static boolean canRead(KithStandard standard) {
        return standard == KithStandard.MSGHEAD_1_2 || reader(standard) != null || appRecReader(standard) != null;
    }
}
