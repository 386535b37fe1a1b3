package no.samnav.conformance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import no.samnav.mappers.Loss;
import no.samnav.mappers.LossReport;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The content a round trip must keep: every text value and every code attribute (V, S, DN, U, MIME
 * types) of a KITH document, by element path. Two documents are compared value by value, so ids,
 * patient and party identifiers, dates, codes, free texts and attachment bytes are all covered, and
 * a value may only be missing from the output when the loss report names its path.
 */
final class KeyContent {

    /** One value of a document: where it stands (indexes removed) and what it says (normalised). */
    record Fact(String path, String value) {
    }

    private static final Set<String> CARRIED_ATTRIBUTES = Set.of("V", "S", "DN", "U", "OT", "MIME", "MT");

    private KeyContent() {
    }

    static List<Fact> facts(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            List<Fact> facts = new ArrayList<>();
            collect(root, "", facts);
            return facts;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void collect(Element e, String parentPath, List<Fact> facts) {
        String path = parentPath + "/" + e.getLocalName();
        boolean hasChildElements = false;
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                hasChildElements = true;
                collect(child, path, facts);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        if (!hasChildElements && !text.toString().isBlank()) {
            // base64 may be wrapped at any column; the bytes are what must survive
            String value = e.getLocalName().equals("Base64Container")
                    ? text.toString().replaceAll("\\s+", "") : normalise(text.toString());
            facts.add(new Fact(path, value));
        }
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (a.getNamespaceURI() == null && CARRIED_ATTRIBUTES.contains(a.getLocalName())) {
                facts.add(new Fact(path + "/@" + a.getLocalName(), normalise(a.getNodeValue())));
            }
        }
    }

    /**
     * Folds white space (XML does not keep it significant in these standards) and date-times to
     * the minute, since a time without an offset and the same time with Norway's offset are one value.
     */
    static String normalise(String value) {
        String v = value.strip().replaceAll("\\s+", " ");
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}:\\d{2}|Z)?")) {
            v = v.substring(0, 16);
        }
        return v;
    }

    /**
     * The source values the output lacks and no loss explains: each as {@code path = value}. A loss
     * explains a value when its path (indexes removed) is the value's path or an ancestor of it.
     */
    static List<String> missing(byte[] source, byte[] output, LossReport losses) {
        Set<String> present = new TreeSet<>();
        for (Fact f : facts(output)) present.add(f.value());
        List<String> lossPaths = new ArrayList<>();
        for (Loss l : losses.losses()) {
            if (l.path() != null) lossPaths.add(stripIndexes(l.path()));
        }
        List<String> missing = new ArrayList<>();
        for (Fact f : facts(source)) {
            if (present.contains(f.value())) continue;
            String path = f.path();
            boolean explained = lossPaths.stream().anyMatch(lp -> !lp.isEmpty()
                    && (path.equals(lp) || path.startsWith(lp + "/")));
            if (!explained) missing.add(path + " = " + abbreviate(f.value()));
        }
        return missing;
    }

    /**
     * Like {@link #missing} for a translation to another version: element paths differ between
     * versions only above the document, so a loss explains a value when their paths agree below the
     * document element (the MsgHead envelope is compared as it is).
     */
    static List<String> missingAcrossVersions(byte[] source, byte[] output, LossReport losses) {
        Set<String> present = new TreeSet<>();
        for (Fact f : facts(output)) present.add(f.value());
        List<String> lossPaths = new ArrayList<>();
        for (Loss l : losses.losses()) {
            if (l.path() != null) lossPaths.add(belowDocument(stripIndexes(l.path())));
        }
        List<String> missing = new ArrayList<>();
        for (Fact f : facts(source)) {
            // MIGversion names the version itself, like the namespace: a translation must change it
            if (f.path().endsWith("/MIGversion") || carried(f.value(), present)) continue;
            String path = belowDocument(f.path());
            boolean explained = lossPaths.stream().anyMatch(lp -> !lp.isEmpty()
                    && (path.equals(lp) || path.startsWith(lp + "/")));
            if (!explained) missing.add(f.path() + " = " + abbreviate(f.value()));
        }
        return missing;
    }

    /**
     * Whether a value survives a version change: as it is, joined into a longer value (Henvisning 1.1
     * writes a name as one "Family, Given"), or split into parts (2.0 writes FamilyName and
     * GivenName). Values shorter than three characters must match exactly, so a stray "1" or "J"
     * cannot hide in a longer text.
     */
    static boolean carried(String value, Set<String> present) {
        if (present.contains(value)) return true;
        if (value.length() >= 3) {
            for (String p : present) {
                if (p.contains(value)) return true;
            }
        }
        if (value.contains(", ")) {
            for (String part : value.split(", ")) {
                if (!carried(part, present)) return false;
            }
            return true;
        }
        return false;
    }

    /** The part of a path below the KITH document element (below RefDoc/Content/X when wrapped). */
    static String belowDocument(String path) {
        int content = path.indexOf("/Content/");
        String p = content >= 0 ? path.substring(content + "/Content".length()) : path;
        if (p.startsWith("/MsgHead/")) return p; // the envelope itself
        int second = p.indexOf('/', 1);
        return second < 0 ? "" : p.substring(second);
    }

    static String stripIndexes(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
