package no.samnav.mappers.fhir;

import no.samnav.mappers.kodeverk.Kodeverk;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * KITH coded values and FHIR. A {@code CV} (V, S, DN, OT) becomes a CodeableConcept with one coding
 * (system {@code urn:oid:S}, code V, display DN) and text OT; a {@code CS} (V, DN) becomes a Coding
 * whose system is the code system the standard fixes for that element. Codes are tokens and are
 * trimmed; display names are kept as written.
 */
public final class KithCodes {

    private KithCodes() {
    }

    /** The CV element as a CodeableConcept, or null when the element is absent. */
    public static CodeableConcept cv(XmlElement e) {
        if (e == null) return null;
        e.markRead();
        CodeableConcept cc = new CodeableConcept();
        String v = token(e.attr("V"));
        String s = token(e.attr("S"));
        String dn = e.attr("DN");
        if (v != null || s != null || dn != null) {
            cc.addCoding(new Coding(Systems.ofOid(s), v, dn));
        }
        String ot = e.attr("OT");
        if (ot != null) cc.setText(ot);
        return cc;
    }

    /** The CS element as a Coding in the given code system, or null when the element is absent. */
    public static Coding cs(XmlElement e, String oid) {
        if (e == null) return null;
        e.markRead();
        return new Coding(Systems.ofOid(oid), token(e.attr("V")), e.attr("DN"));
    }

    /** Writes a CodeableConcept as a CV element; nothing when null or empty. */
    public static void writeCv(XmlOut out, String ns, String name, CodeableConcept cc) {
        if (cc == null || cc.isEmpty()) return;
        Coding c = cc.getCodingFirstRep();
        out.attributesOnly(ns, name,
                "V", c.getCode(),
                "S", Systems.oidOf(c.getSystem()),
                "DN", c.getDisplay(),
                "OT", cc.getText());
    }

    /** Writes a Coding as a CS element (V, DN); nothing when null or empty. */
    public static void writeCs(XmlOut out, String ns, String name, Coding c) {
        if (c == null || c.isEmpty()) return;
        out.attributesOnly(ns, name, "V", c.getCode(), "DN", c.getDisplay());
    }

    /** Writes a Coding as a CV element (V, S, DN). */
    public static void writeCv(XmlOut out, String ns, String name, Coding c) {
        if (c == null || c.isEmpty()) return;
        out.attributesOnly(ns, name, "V", c.getCode(), "S", Systems.oidOf(c.getSystem()), "DN", c.getDisplay());
    }

    /** A coding for a code-list value. */
    public static Coding coding(Kodeverk k) {
        return new Coding(k.system(), k.code(), k.displayName());
    }

    /** A CodeableConcept for a code-list value. */
    public static CodeableConcept concept(Kodeverk k) {
        return new CodeableConcept(coding(k));
    }

    /** XML Schema token normalisation: trim and collapse inner white space; null stays null. */
    public static String token(String v) {
        if (v == null) return null;
        String t = v.trim();
        if (t.indexOf(' ') < 0 && t.indexOf('\t') < 0 && t.indexOf('\n') < 0) return t;
        return t.replaceAll("\\s+", " ");
    }
}
