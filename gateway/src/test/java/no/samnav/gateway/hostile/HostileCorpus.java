package no.samnav.gateway.hostile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * A generated corpus of bad inputs from one sender's journal system, each with the AppRec error
 * code the gateway must answer it with. Built from one good note (Storsteinnes to Oteren) so that
 * every case differs from a good message in exactly the way its name says. Seeded: the same corpus
 * every run.
 */
public final class HostileCorpus {

    /** One bad input; {@code msgId} is set when the gateway can still read the message's own id. */
    public record BadInput(String name, byte[] bytes, String expectedCode, String msgId) {
    }

    private final Random random;
    private final java.util.function.Function<String, String> goodNote;

    /**
     * @param seed     the corpus's random seed
     * @param goodNote a good note to Oteren with the given MsgId
     */
    public HostileCorpus(long seed, java.util.function.Function<String, String> goodNote) {
        this.random = new Random(seed);
        this.goodNote = goodNote;
    }

    private String note() {
        return goodNote.apply(UUID.randomUUID().toString());
    }

    private static BadInput bad(String name, String xml, String code) {
        return new BadInput(name, xml.getBytes(StandardCharsets.UTF_8), code, null);
    }

    /** Every case; sizes are kept small except the one oversized file (see {@link #oversized}). */
    public List<BadInput> all() {
        List<BadInput> corpus = new ArrayList<>();
        truncated(corpus);
        mismatchedTags(corpus);
        doctypes(corpus);
        entityBombs(corpus);
        binaryGarbage(corpus);
        wrongEncodings(corpus);
        unknownNamespaces(corpus);
        invalidPatientIdentifiers(corpus);
        missingMandatoryElements(corpus);
        invalidMessageIds(corpus);
        deepNesting(corpus);
        unknownReceivers(corpus);
        return corpus;
    }

    /** Cut off at 60 points: a transfer that stopped half way. */
    void truncated(List<BadInput> corpus) {
        for (int i = 0; i < 60; i++) {
            String xml = note();
            int cut = 60 + random.nextInt(xml.length() - 200);
            corpus.add(bad("truncated at " + cut, xml.substring(0, cut), "T01"));
        }
    }

    void mismatchedTags(List<BadInput> corpus) {
        String[] closers = {"</Notat>", "</Tema>", "</TekstNotatInnhold>", "</MsgInfo>", "</Sender>", "</Receiver>",
                "</Patient>", "</Content>", "</RefDoc>", "</Document>", "</MsgHead>", "</GenDate>", "</MsgId>",
                "</Dialogmelding>", "</OrganisationName>", "</FamilyName>", "</GivenName>", "</DokIdNotat>",
                "</DatoNotat>", "</HealthcareProfessional>"};
        for (String closer : closers) {
            corpus.add(bad("mismatched " + closer, note().replaceFirst(closer, closer.replace("</", "</X")), "T01"));
        }
        corpus.add(bad("unescaped ampersand", note().replace("proteinuri 1+", "proteinuri 1+ & ødem"), "T01"));
        corpus.add(bad("unescaped less-than", note().replace("146/92", "146/92 < 150"), "T01"));
        corpus.add(bad("two root elements", note() + "<MsgHead/>", "T01"));
        corpus.add(bad("text before the root", "tekst " + note().substring(note().indexOf("<MsgHead")), "T01"));
        corpus.add(bad("attribute without quotes", note().replace("V=\"6\"", "V=6"), "T01"));
    }

    /** DOCTYPE in every form: external entities (file, http, parameter entities, external DTD), XInclude-style. */
    void doctypes(List<BadInput> corpus) {
        String[] doctypes = {
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"file:///etc/shadow\">]>",
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"http://127.0.0.1:1/xxe\">]>",
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"https://example.invalid/xxe\">]>",
            "<!DOCTYPE MsgHead [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p.dtd\"> %p;]>",
            "<!DOCTYPE MsgHead [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>",
            "<!DOCTYPE MsgHead SYSTEM \"http://127.0.0.1:1/msghead.dtd\">",
            "<!DOCTYPE MsgHead SYSTEM \"file:///etc/passwd\">",
            "<!DOCTYPE MsgHead PUBLIC \"-//X//DTD X//EN\" \"http://127.0.0.1:1/x.dtd\">",
            "<!DOCTYPE MsgHead [<!ENTITY x \"harmless\">]>",
            "<!DOCTYPE MsgHead [<!ELEMENT MsgHead ANY>]>",
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"jar:file:///tmp/x.jar!/x\">]>",
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"netdoc:///etc/passwd\">]>",
            "<!DOCTYPE MsgHead [<!ENTITY x SYSTEM \"ftp://127.0.0.1:1/x\">]>",
            "<!DOCTYPE MsgHead [<!ATTLIST MsgHead a CDATA \"x\">]>",
        };
        for (String doctype : doctypes) {
            String xml = note().replaceFirst("<MsgHead ", doctype + "\n<MsgHead ")
                    .replace("Blodtrykk 146/92", doctype.contains("ENTITY x") ? "&x; Blodtrykk 146/92" : "Blodtrykk 146/92");
            corpus.add(bad("doctype " + doctype, xml, "T01"));
        }
    }

    /** Billion laughs at several depths, and the quadratic blow-up of one large entity used many times. */
    void entityBombs(List<BadInput> corpus) {
        for (int depth = 3; depth <= 10; depth++) {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE MsgHead [<!ENTITY l0 \"lol\">");
            for (int i = 1; i <= depth; i++) {
                dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
            }
            dtd.append("]>");
            String xml = note().replaceFirst("<MsgHead ", dtd + "\n<MsgHead ").replace("Blodtrykk", "&l" + depth + "; Blodtrykk");
            corpus.add(bad("billion laughs depth " + depth, xml, "T01"));
        }
        String big = "A".repeat(50_000);
        corpus.add(bad("quadratic blow-up", note().replaceFirst("<MsgHead ", "<!DOCTYPE MsgHead [<!ENTITY a \"" + big
                + "\">]>\n<MsgHead ").replace("Blodtrykk", "&a;".repeat(2_000)), "T01"));
        corpus.add(bad("undeclared entity", note().replace("Blodtrykk", "&bomb; Blodtrykk"), "T01"));
    }

    void binaryGarbage(List<BadInput> corpus) {
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + random.nextInt(20_000)];
            random.nextBytes(garbage);
            corpus.add(new BadInput("binary garbage " + i, garbage, "T01", null));
        }
        byte[] zipHeader = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00};
        corpus.add(new BadInput("zip file", zipHeader, "T01", null));
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        corpus.add(new BadInput("pdf file", pdf, "T01", null));
        corpus.add(bad("plain text", "Hei, her er notatet om Kari. Blodtrykk 146/92.", "T01"));
        corpus.add(bad("json instead of xml", "{\"resourceType\":\"Bundle\",\"type\":\"message\"}", "T01"));
    }

    void wrongEncodings(List<BadInput> corpus) {
        for (int i = 0; i < 6; i++) {
            // UTF-8 bytes (æøå as two bytes) under an ISO-8859-1 declaration
            String xml = note().replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").replace("Ber fastlegen",
                    "Ber fastlegen (" + "æøå".repeat(i + 1) + ")");
            corpus.add(bad("utf-8 declared iso-8859-1 " + i, xml, "T01"));
        }
        for (int i = 0; i < 6; i++) {
            // ISO-8859-1 bytes under a UTF-8 declaration
            String xml = note().replace("Ber fastlegen", "Ber fastlegen (" + "æøå".repeat(i + 1) + ")");
            corpus.add(new BadInput("iso-8859-1 declared utf-8 " + i, xml.getBytes(StandardCharsets.ISO_8859_1), "T01", null));
        }
        String[] unknown = {"KOI8-X", "UTF-9", "latin-42", "EBCDIC-XYZ"};
        for (String name : unknown) {
            corpus.add(bad("unknown encoding " + name, note().replace("encoding=\"UTF-8\"", "encoding=\"" + name + "\""), "T01"));
        }
        corpus.add(new BadInput("utf-16 bytes declared utf-8", note().getBytes(Charset.forName("UTF-16LE")), "T01", null));
    }

    void unknownNamespaces(List<BadInput> corpus) {
        String[] msgHeads = {"http://www.kith.no/xmlstds/msghead/2099-01-01", "http://www.kith.no/xmlstds/msghead/2006-05-25",
            "http://example.org/msghead", "urn:msghead"};
        for (String ns : msgHeads) {
            corpus.add(bad("msghead namespace " + ns, note().replace("http://www.kith.no/xmlstds/msghead/2006-05-24", ns), "T10"));
        }
        String[] dialogs = {"http://www.kith.no/xmlstds/dialog/2099-01-01", "http://www.kith.no/xmlstds/dialog/2013-01-24",
            "http://www.kith.no/xmlstds/henvisning/2099-01-01", "http://example.org/dialog", "urn:dialog",
            "http://www.kith.no/xmlstds/dialog/2006-10-12"};
        for (String ns : dialogs) {
            corpus.add(bad("document namespace " + ns, note().replace("http://www.kith.no/xmlstds/dialog/2013-01-23", ns), "T10"));
        }
        corpus.add(bad("no namespace", note().replace(" xmlns=\"http://www.kith.no/xmlstds/msghead/2006-05-24\"", ""), "T10"));
        corpus.add(bad("other root element", "<?xml version=\"1.0\"?><Faktura xmlns=\"urn:faktura\"><Id>1</Id></Faktura>", "T10"));
    }

    /** Fødselsnumre and D-numbers whose check digits are wrong: E31, and the number is never echoed. */
    void invalidPatientIdentifiers(List<BadInput> corpus) {
        int made = 0;
        while (made < 20) {
            String nine = String.format("%02d%02d%02d%03d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                    random.nextInt(100), random.nextInt(1000));
            if (made % 4 == 3) nine = (char) (nine.charAt(0) + 4) + nine.substring(1); // a D-number
            String valid = NorwegianIds.withCheckDigits(nine);
            if (valid == null) continue;
            String wrong = nine + ((valid.charAt(9) - '0' + 1 + random.nextInt(8)) % 10) + valid.charAt(10);
            if (NorwegianIds.isValidPersonNumber(wrong)) continue;
            String xml = note().replace("<Id>12059248241</Id>", "<Id>" + wrong + "</Id>");
            if (made % 4 == 3) xml = xml.replace("V=\"FNR\" DN=\"Fødselsnummer\"", "V=\"DNR\" DN=\"D-nummer\"");
            corpus.add(bad("wrong check digits " + made, xml, "E31"));
            made++;
        }
    }

    void missingMandatoryElements(List<BadInput> corpus) {
        String[][] removals = {
            {"<Type V=\"DIALOG_HELSEFAGLIG\" DN=\"Helsefaglig dialog\"/>", "T02"},
            {"<MIGversion>v1.2 2006-05-24</MIGversion>", "T02"},
            {"<GenDate>2026-03-04T10:15:00</GenDate>", "T02"},
        };
        for (String[] removal : removals) {
            corpus.add(bad("missing " + removal[0], note().replace(removal[0], ""), removal[1]));
        }
        String note = note();
        corpus.add(bad("missing Sender", note.substring(0, note.indexOf("<Sender>"))
                + note.substring(note.indexOf("</Sender>") + "</Sender>".length()), "T02"));
        note = note();
        corpus.add(bad("missing Receiver", note.substring(0, note.indexOf("<Receiver>"))
                + note.substring(note.indexOf("</Receiver>") + "</Receiver>".length()), "T02"));
        note = note();
        corpus.add(bad("missing Document", note.substring(0, note.indexOf("<Document>"))
                + note.substring(note.indexOf("</Document>") + "</Document>".length()), "T02"));
        // a RefDoc without Content is a valid envelope, but a bare MsgHead is no format a journal system
        // reads: rejected when routed
        String msgId = UUID.randomUUID().toString();
        corpus.add(new BadInput("missing Content", goodNote.apply(msgId).replaceAll("(?s)<Content>.*</Content>", "")
                .getBytes(StandardCharsets.UTF_8), "T10", msgId));
        corpus.add(bad("empty Dialogmelding", note().replaceAll("(?s)<Notat>.*</Notat>", ""), "T02"));
        corpus.add(bad("missing OrganisationName", note().replaceFirst("<OrganisationName>[^<]*</OrganisationName>", ""), "T02"));
    }

    void invalidMessageIds(List<BadInput> corpus) {
        String[] ids = {"", "not-a-uuid", "12345", "3c2b9f0e-5a77-4c1e-9a61", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"};
        for (String id : ids) {
            String xml = note().replaceFirst("<MsgId>[^<]*</MsgId>", "<MsgId>" + id + "</MsgId>");
            corpus.add(bad("MsgId '" + id + "'", xml, "E10"));
        }
        corpus.add(bad("missing MsgId", note().replaceFirst("<MsgId>[^<]*</MsgId>", ""), "T02"));
    }

    void deepNesting(List<BadInput> corpus) {
        for (int depth : new int[] {100, 1_000, 10_000}) {
            String nested = "<b>".repeat(depth) + "x" + "</b>".repeat(depth);
            corpus.add(bad("nesting " + depth, note().replace("<Tema>Blodtrykk", "<Tema>" + nested + "Blodtrykk"), "T01"));
        }
    }

    /** Well-formed notes to HER-ids no participant owns: the gateway answers E21 after reading them. */
    void unknownReceivers(List<BadInput> corpus) {
        for (int i = 0; i < 15; i++) {
            String msgId = UUID.randomUUID().toString();
            String unit = String.valueOf(8_199_000 + i * 10);
            String xml = goodNote.apply(msgId).replace("<Id>8100110</Id>", "<Id>" + unit + "</Id>")
                    .replace("<Id>8100100</Id>", "<Id>" + (8_198_000 + i) + "</Id>");
            corpus.add(new BadInput("unknown receiver " + unit, xml.getBytes(StandardCharsets.UTF_8), "E21", msgId));
        }
    }

    /** A file of {@code bytes} that starts like a note, far above the gateway's payload limit. */
    public static byte[] oversized(String note, int bytes) {
        String start = note.substring(0, note.indexOf("<TekstNotatInnhold>") + "<TekstNotatInnhold>".length());
        byte[] result = new byte[bytes];
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, result, 0, head.length);
        java.util.Arrays.fill(result, head.length, bytes, (byte) 'a');
        return result;
    }
}
