package no.samnav.mappers;

import java.util.Locale;
import java.util.Optional;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedFormatException;

/**
 * The KITH / Helsedirektoratet message standards and versions the mappers speak. The namespace of
 * a document decides its standard and version; this enum is the one place where that happens.
 */
public enum KithStandard {
    MSGHEAD_1_2("msghead", "1.2", "http://www.kith.no/xmlstds/msghead/2006-05-24", "MsgHead", "MsgHead-v1_2.xsd"),
    DIALOGMELDING_1_0("dialogmelding", "1.0", "http://www.kith.no/xmlstds/dialog/2006-10-11", "Dialogmelding",
            "dialogmelding-v1.0.xsd"),
    DIALOGMELDING_1_1("dialogmelding", "1.1", "http://www.kith.no/xmlstds/dialog/2013-01-23", "Dialogmelding",
            "dialogmelding-v1.1.xsd"),
    HENVISNING_1_1("henvisning", "1.1", "http://www.kith.no/xmlstds/henvisning/2012-02-15", "Message",
            "Henvisning-v1.1.xsd"),
    HENVISNING_2_0("henvisning", "2.0", "http://ehelse.no/xmlstds/henvisning/2017-11-30", "Henvisning",
            "Henvisning-v2.0.xsd"),
    EPIKRISE_1_1("epikrise", "1.1", "http://www.kith.no/xmlstds/epikrise/2006-09-23", "Message",
            "Epikrise-v1.1.xsd"),
    EPIKRISE_1_2("epikrise", "1.2", "http://www.kith.no/xmlstds/epikrise/2012-02-15", "Message",
            "Epikrise-v1.2.xsd"),
    SVARRAPPORT_1_4("svarrapport", "1.4", "http://www.kith.no/xmlstds/labsvar/2012-02-15", "Message", "svar-v1.4.xsd"),
    APPREC_1_0("apprec", "1.0", "http://www.kith.no/xmlstds/apprec/2004-11-21", "AppRec", "AppRec-v1.0.xsd"),
    APPREC_1_1("apprec", "1.1", "http://www.kith.no/xmlstds/apprec/2012-02-15", "AppRec", "AppRec-v1.1.xsd"),
    BASE64_CONTAINER("base64container", "1.0", "http://www.kith.no/xmlstds/base64container", "Base64Container",
            "kith-base64.xsd");

    private final String family;
    private final String version;
    private final String namespace;
    private final String rootElement;
    private final String schemaFile;

    KithStandard(String family, String version, String namespace, String rootElement, String schemaFile) {
        this.family = family;
        this.version = version;
        this.namespace = namespace;
        this.rootElement = rootElement;
        this.schemaFile = schemaFile;
    }

    /** The standard's family, e.g. {@code dialogmelding}. */
    public String family() {
        return family;
    }

    public String version() {
        return version;
    }

    /** The XML namespace of the document element. */
    public String namespace() {
        return namespace;
    }

    /** The local name of the document element. */
    public String rootElement() {
        return rootElement;
    }

    /** The file name of the official XSD (in the directory of official schemas). */
    public String schemaFile() {
        return schemaFile;
    }

    /** The name used on the command line and in configuration, e.g. {@code dialogmelding-1.1}. */
    public String id() {
        return family + "-" + version;
    }

    /**
     * Whether documents of this standard normally travel inside a MsgHead: Dialogmelding and
     * Henvisning 2.0 always do; the older standards with their own Message envelope and AppRec do not.
     */
    public boolean usuallyWrapped() {
        return switch (this) {
            case DIALOGMELDING_1_0, DIALOGMELDING_1_1, HENVISNING_2_0, MSGHEAD_1_2 -> true;
            default -> false;
        };
    }

    /** A readable name, e.g. {@code Dialogmelding 1.1}. */
    public String displayName() {
        return switch (this) {
            case MSGHEAD_1_2 -> "Hodemelding 1.2";
            case APPREC_1_0, APPREC_1_1 -> "AppRec " + version;
            case BASE64_CONTAINER -> "Base64Container";
            default -> Character.toUpperCase(family.charAt(0)) + family.substring(1) + " " + version;
        };
    }

    /** The standard for a namespace, or empty. */
    public static Optional<KithStandard> forNamespace(String namespace) {
        for (KithStandard s : values()) {
            if (s.namespace.equals(namespace)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The standard for a namespace, or an {@link UnsupportedFormatException} located at the element. */
    public static KithStandard fromNamespace(String namespace, Location where) {
        return forNamespace(namespace).orElseThrow(() -> new UnsupportedFormatException(where,
                namespace == null || namespace.isEmpty()
                        ? "The document element has no namespace; KITH messages are namespace-qualified"
                        : "Namespace " + namespace + " is not a supported standard or version (supported: "
                                + supportedList() + ")"));
    }

    /** The standard for a command-line id such as {@code henvisning-2.0}, or empty. */
    public static Optional<KithStandard> forId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (KithStandard s : values()) {
            if (s.id().equals(wanted)) return Optional.of(s);
        }
        return Optional.empty();
    }

    private static String supportedList() {
        StringBuilder sb = new StringBuilder();
        for (KithStandard s : values()) {
            if (s == BASE64_CONTAINER) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(s.displayName());
        }
        return sb.toString();
    }
}
