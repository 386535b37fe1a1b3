package no.samnav.conformance.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * Synthetic, valid-format test data for the generators: Norwegian names, fødselsnummer with correct
 * check digits, HPR numbers, fictional HER-ids (from a range no real party uses), ICD-10 and ICPC-2
 * codes, free text with the characters that break careless XML code, and attachments. Nothing here
 * is a real person or party.
 */
public final class Fake {

    public static final String MSGHEAD = "http://www.kith.no/xmlstds/msghead/2006-05-24";
    public static final String FK1 = "http://www.kith.no/xmlstds/felleskomponent1";
    public static final String BASE64 = "http://www.kith.no/xmlstds/base64container";
    public static final String ID_TYPES = "2.16.578.1.12.4.1.1.8116";
    public static final String HER_TYPE = "2.16.578.1.12.4.1.1.9051";
    public static final String ICD10 = "2.16.578.1.12.4.1.1.7110";
    public static final String ICPC2 = "2.16.578.1.12.4.1.1.7170";

    private static final List<String> GIVEN_F = List.of("Kari", "Ingrid", "Sigrid", "Åse", "Marit", "Solveig",
            "Ragnhild", "Nora", "Emma", "Ølbjørg", "Hege", "Tone");
    private static final List<String> GIVEN_M = List.of("Ola", "Per", "Knut", "Bjørn", "Håkon", "Øystein",
            "Lars", "Jon", "Arne", "Nils", "Eirik", "Tor");
    private static final List<String> FAMILY = List.of("Nordmann", "Hansen", "Johansen", "Olsen", "Larsen",
            "Berg", "Haugen", "Strøm", "Bakke", "Øvrebø", "Lyngen", "Storsteinnes", "Malangsnes", "Aasheim");
    private static final List<String> PLACES = List.of("Storsteinnes", "Oteren", "Malangen", "Nordkjosbotn",
            "Hatteng", "Skibotn", "Tromsø");
    private static final List<String> OFFICES = List.of("Storsteinnes legekontor", "Malangen legekontor",
            "Oteren legekontor", "Balsfjord-Storfjord legevakt", "Jordmortjenesten Balsfjord",
            "Universitetssykehuset Nord-Norge HF", "Hjemmesykepleien Storfjord");

    /** ICD-10 codes with their Norwegian display names. */
    public static final List<String[]> ICD10_CODES = List.of(
            new String[] {"I10", "Essensiell (primær) hypertensjon"},
            new String[] {"E11", "Diabetes mellitus type 2"},
            new String[] {"J45", "Astma"},
            new String[] {"O24.4", "Diabetes mellitus som oppstår under svangerskap"},
            new String[] {"S72.0", "Brudd i lårhals"},
            new String[] {"I21.9", "Akutt hjerteinfarkt, uspesifisert"},
            new String[] {"J18.9", "Uspesifisert pneumoni"},
            new String[] {"F32.1", "Moderat depressiv episode"});
    /** ICPC-2 codes with their Norwegian display names. */
    public static final List<String[]> ICPC2_CODES = List.of(
            new String[] {"K86", "Hypertensjon ukomplisert"},
            new String[] {"T90", "Diabetes type 2"},
            new String[] {"R96", "Astma"},
            new String[] {"W78", "Graviditet"},
            new String[] {"L75", "Brudd lårben"},
            new String[] {"P76", "Depresjon"},
            new String[] {"A04", "Slapphet/tretthet"});
    private static final List<String> SENTENCES = List.of(
            "Pasienten har hatt økende tungpust de siste to ukene.",
            "Blodtrykket er målt til 152/94 ved to kontroller.",
            "Ønsker vurdering av videre behandling & oppfølging i kommunen.",
            "Hb < 10 g/dL ved siste kontroll; ber om ny prøve.",
            "Hun bruker \"Paracet\" ved behov, maks 4 g/døgn.",
            "Fastlegen følger opp med kontroll om tre måneder.",
            "Ingen kjente allergier. Røyker ikke.",
            "Sår på venstre legg, skiftes hver tredje dag av hjemmesykepleien.",
            "Pasienten er informert og samtykker til henvisningen.",
            "Svangerskapet har vært ukomplisert fram til uke 28.");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final SplittableRandom r;

    public Fake(SplittableRandom random) {
        this.r = random;
    }

    public SplittableRandom random() {
        return r;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return r.nextDouble() < p;
    }

    public int between(int fromInclusive, int toInclusive) {
        return r.nextInt(fromInclusive, toInclusive + 1);
    }

    public <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    public String uuid() {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** A person: given and family name, sex (1 man, 2 woman), birth date and a valid fødselsnummer. */
    public record Person(String given, String family, String sex, LocalDate born, String fnr) {
    }

    public Person person() {
        boolean woman = chance(0.55);
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(365 * 90));
        String fnr = null;
        while (fnr == null) {
            int individual = woman ? 2 * r.nextInt(50, 250) : 2 * r.nextInt(50, 250) + 1;
            String nine = String.format("%02d%02d%02d%03d", born.getDayOfMonth(), born.getMonthValue(),
                    born.getYear() % 100, individual);
            fnr = NorwegianIds.withCheckDigits(nine);
        }
        return new Person(pick(woman ? GIVEN_F : GIVEN_M), pick(FAMILY), woman ? "2" : "1", born, fnr);
    }

    /** A fictional HER-id in the range 8,000,000–8,999,999 (not issued to real parties). */
    public String herId() {
        return String.valueOf(r.nextInt(8_000_000, 9_000_000));
    }

    /** A fictional HPR number, 7 to 9 digits. */
    public String hpr() {
        return String.valueOf(r.nextInt(1_000_000, 999_999_999));
    }

    public String office() {
        return pick(OFFICES);
    }

    public String place() {
        return pick(PLACES);
    }

    public String[] icd10() {
        return pick(ICD10_CODES);
    }

    public String[] icpc2() {
        return pick(ICPC2_CODES);
    }

    /** A free text of 1 to {@code maxSentences} sentences; sometimes very long, sometimes with line breaks. */
    public String text(int maxSentences) {
        int n = between(1, maxSentences);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(chance(0.2) ? "\n" : " ");
            sb.append(pick(SENTENCES));
        }
        return sb.toString();
    }

    /** A text of several thousand characters, as in long epicrises. */
    public String longText() {
        return text(between(40, 120));
    }

    /** A recent date-time, to the second, without offset (as the examples write them). */
    public LocalDateTime recent() {
        LocalDateTime t = LocalDateTime.of(2024, 1, 1, 7, 0).plusMinutes(r.nextInt(60 * 24 * 700));
        // 02:00-02:59 does not exist in Norway on the last Sunday of March (summer time starts);
        // such a local time cannot survive a round trip, and no real message carries it.
        return t.getHour() == 2 ? t.plusHours(8) : t;
    }

    public static String dateTime(LocalDateTime t) {
        return t.format(DATE_TIME);
    }

    /** Attachment bytes: a small fake PDF header followed by random bytes, base64-encoded. */
    public String attachmentBase64() {
        byte[] body = new byte[between(200, 20_000)];
        r.nextBytes(body);
        byte[] header = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, body, 0, Math.min(header.length, body.length));
        return Base64.getEncoder().encodeToString(body);
    }

    /** The parties of one message. */
    public record Parties(String senderOrg, String senderHer, String senderDept, String senderDeptHer,
            String receiverOrg, String receiverHer, Person receiverGp, String receiverGpHer, Person patient) {
    }

    public Parties parties() {
        Person gp = person();
        return new Parties(office(), herId(), chance(0.5) ? "Avdeling " + place() : null, herId(),
                office(), herId(), chance(0.6) ? gp : null, herId(), person());
    }

    /**
     * Writes a MsgHead 1.2 around one or more documents. {@code content} writes the XML document(s)
     * of the first Document; with {@code attachment} a second Document carries a PDF vedlegg in a
     * Base64Container.
     */
    public byte[] msgHead(String type, String typeDn, Parties p, boolean withPatient, boolean attachment,
            Consumer<Xml> content) {
        Xml x = new Xml();
        x.root(MSGHEAD, "MsgHead");
        x.start("MsgInfo");
        x.code("Type", type, typeDn, null);
        x.leaf("MIGversion", "v1.2 2006-05-24");
        x.leaf("GenDate", dateTime(recent()));
        x.leaf("MsgId", uuid());
        if (chance(0.5)) x.code("Ack", "J", "Ja", null);
        if (chance(0.3)) {
            x.start("ConversationRef").leaf("RefToParent", uuid()).leaf("RefToConversation", uuid()).end();
        }
        x.start("Sender");
        organisation(x, p.senderOrg(), p.senderHer(), p.senderDept(), p.senderDeptHer(), null, null);
        x.end();
        x.start("Receiver");
        organisation(x, p.receiverOrg(), p.receiverHer(), null, null, p.receiverGp(), p.receiverGpHer());
        x.end();
        if (withPatient) patient(x, p.patient());
        x.end(); // MsgInfo
        x.start("Document");
        x.start("RefDoc");
        x.value("IssueDate", dateTime(recent()));
        x.code("MsgType", "XML", "XML-instans", null);
        x.start("Content");
        content.accept(x);
        x.ns(MSGHEAD);
        x.end().end().end();
        if (attachment) {
            x.start("Document");
            x.start("RefDoc");
            x.value("IssueDate", dateTime(recent()));
            x.code("MsgType", "A", "Vedlegg", null);
            x.leaf("MimeType", "application/pdf");
            x.leaf("Description", "Vedlegg " + between(1, 9) + ": " + pick(List.of("Røntgenbeskrivelse",
                    "Måleskjema", "Bilde av sår")));
            x.start("Content");
            x.start(BASE64, "Base64Container").attr("xmlns", BASE64);
            x.text(attachmentBase64());
            x.end();
            x.end().end().end();
        }
        x.end(); // MsgHead
        return x.bytes();
    }

    /** A MsgHead Organisation with an optional sub-unit and an optional health professional. */
    private void organisation(Xml x, String name, String her, String dept, String deptHer, Person hp, String hpHer) {
        x.start("Organisation");
        x.leaf("OrganisationName", name);
        herIdent(x, her);
        if (dept != null) {
            x.start("Organisation");
            x.leaf("OrganisationName", dept);
            herIdent(x, deptHer);
            x.end();
        }
        if (hp != null) {
            x.start("HealthcareProfessional");
            x.leaf("FamilyName", hp.family());
            x.leaf("GivenName", hp.given());
            herIdent(x, hpHer);
            x.end();
        }
        x.end();
    }

    private void herIdent(Xml x, String her) {
        x.start("Ident").leaf("Id", her).code("TypeId", "HER", "HER-id", HER_TYPE).end();
    }

    /** The MsgHead Patient element. */
    public void patient(Xml x, Person p) {
        x.start("Patient");
        x.leaf("FamilyName", p.family());
        x.leaf("GivenName", p.given());
        if (chance(0.7)) x.leaf("DateOfBirth", p.born().toString());
        x.code("Sex", p.sex(), p.sex().equals("2") ? "Kvinne" : "Mann", null);
        x.start("Ident").leaf("Id", p.fnr()).code("TypeId", "FNR", "Fødselsnummer", ID_TYPES).end();
        if (chance(0.5)) {
            x.start("Address");
            x.code("Type", "H", "Bostedsadresse", null);
            x.leaf("StreetAdr", "Storgata " + between(1, 120));
            x.leaf("PostalCode", "9050");
            x.leaf("City", place());
            x.end();
        }
        x.end();
    }
}
