package no.samnav.mappers.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Loss;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.dialogmelding.DialogmeldingExtensions;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.Sex;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A notice the gateway originates: its Bundle must pass as a message read from KITH XML, be
 * written as schema-valid Dialogmelding 1.0 and 1.1, and come back with the same note and parties.
 */
class ClinicalNoticeTest {

    private static final String FNR = "12059248241";
    private static final String BODY = """
            Svangerskapsuke 30+2, kontroll hos jordmor.
            Blodtrykk 148/96 (forrige kontroll 132/84).
            Urin-stix: protein 1+.
            Pasienten har ikke hodepine eller synsforstyrrelser.""";
    private static final NoticeParty SENDER = NoticeParty.sender(
            new NoticeParty.Unit("8100200", "Balsfjord kommune (fiktiv)"),
            new NoticeParty.Unit("8100242", "Jordmortjenesten, kontor Storsteinnes helsestasjon"),
            NoticeParty.Professional.author("9144911", "Lyngmo", "Hanne", "JO", "Jordmor"));
    private static final NoticeParty RECEIVER = NoticeParty.receiver(
            new NoticeParty.Unit("8100100", "Storfjord kommune (fiktiv)"),
            new NoticeParty.Unit("8100110", "Oteren legekontor"),
            NoticeParty.Professional.gp("8100111", "Haugen", "Per"));
    private static final NoticePatient PATIENT = new NoticePatient(FNR, "Nordmann", "Kari", LocalDate.of(1992, 5, 12), Sex.KVINNE);

    private static Schema schema;
    private final Mappers mappers = new Mappers();

    @BeforeAll
    static void loadSchemas() throws Exception {
        // the official XSDs, read in place from the shared standards directory as the journal tests read its examples
        String dir = System.getProperty("samnav.shared.dir");
        Path xsd = (dir != null ? Path.of(dir) : Path.of("..", "..", "shared")).resolve("standards").resolve("xsd");
        if (!Files.isDirectory(xsd)) throw new IllegalStateException("The official XSDs were not found at " + xsd.toAbsolutePath());
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<Source> sources = new ArrayList<>();
        for (KithStandard s : List.of(KithStandard.MSGHEAD_1_2, KithStandard.DIALOGMELDING_1_0, KithStandard.DIALOGMELDING_1_1)) {
            sources.add(new StreamSource(xsd.resolve(s.schemaFile()).toFile()));
        }
        schema = factory.newSchema(sources.toArray(new Source[0]));
    }

    private static NoticeNote note(String body) {
        return new NoticeNote("Svangerskapskontroll: funn som bør vurderes av fastlege", body,
                OffsetDateTime.parse("2026-03-09T23:40:00+01:00"), "3f6c2a10-8e4b-4d7a-9b1c-5e2f7a8d9c01",
                "a7d1e4b2-0c3f-4e5a-8b6d-9f0e1a2b3c4d");
    }

    private static Bundle bundle(String body) {
        return new ClinicalNotice(SENDER, RECEIVER, PATIENT, note(body)).toBundle();
    }

    @Test
    void isTakenAsAReadDialogmeldingInsideAMsgHead() {
        ReadResult read = mappers.readBundle(bundle(BODY));
        assertThat(read.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_1);
        assertThat(read.wrapped()).isTrue();
        MessageHeader header = (MessageHeader) read.bundle().getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo("DIALOG_HELSEFAGLIG");
        assertThat(header.getSource().getEndpoint()).isEqualTo("urn:samnav:her:8100242");
        assertThat(header.getDestinationFirstRep().getEndpoint()).isEqualTo("urn:samnav:her:8100111");
        assertThat(read.bundle().getIdentifier().getValue()).isEqualTo("3f6c2a10-8e4b-4d7a-9b1c-5e2f7a8d9c01");
    }

    @ParameterizedTest
    @EnumSource(value = KithStandard.class, names = {"DIALOGMELDING_1_0", "DIALOGMELDING_1_1"})
    void isWrittenAsValidDialogmeldingAndReadBackIntact(KithStandard target) {
        WriteResult written = mappers.write(bundle(BODY), target);
        String xml = Fixtures.utf8(written.xml());
        assertThat(written.wrapped()).isTrue();
        assertThat(validate(written.xml())).as(xml).isEmpty();
        assertThat(xml).contains("<MsgId>3f6c2a10-8e4b-4d7a-9b1c-5e2f7a8d9c01</MsgId>")
                .contains("<GenDate>2026-03-09T23:40:00</GenDate>").contains("<DatoNotat>2026-03-09</DatoNotat>")
                .contains("<TypeHealthcareProfessional V=\"JO\" DN=\"Jordmor\"/>");
        // 1.0 has no DIALOG_HELSEFAGLIG: the writer sends DIALOG_NOTAT and says so; nothing else is lost
        assertThat(written.losses().losses()).extracting(Loss::path)
                .containsExactlyElementsOf(target == KithStandard.DIALOGMELDING_1_0 ? List.of("/MsgHead/MsgInfo/Type") : List.of());

        ReadResult back = mappers.read(written.xml());
        assertThat(back.standard()).isEqualTo(target);
        Bundle b = back.bundle();
        Communication c = Fixtures.one(b, Communication.class);
        assertThat(c.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo(BODY);
        assertThat(Extensions.string(c, DialogmeldingExtensions.TEMA)).isEqualTo("Svangerskapskontroll: funn som bør vurderes av fastlege");
        assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo("a7d1e4b2-0c3f-4e5a-8b6d-9f0e1a2b3c4d");
        assertThat(c.getTopic().getCodingFirstRep().getCode()).isEqualTo("6");

        Patient patient = Fixtures.one(b, Patient.class);
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.FNR);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(FNR);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Nordmann");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1992-05-12");

        MessageHeader header = (MessageHeader) b.getEntryFirstRep().getResource();
        assertThat(b.getIdentifier().getValue()).isEqualTo("3f6c2a10-8e4b-4d7a-9b1c-5e2f7a8d9c01");
        assertThat(herIds(b, header.getSender())).containsExactly("8100242", "8100200");
        assertThat(herIds(b, header.getDestinationFirstRep().getReceiver())).containsExactly("8100111", "8100110", "8100100");
        PractitionerRole author = (PractitionerRole) Fixtures.resolve(b, header.getSender());
        Practitioner midwife = (Practitioner) Fixtures.resolve(b, author.getPractitioner());
        assertThat(midwife.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.HPR);
        assertThat(midwife.getIdentifierFirstRep().getValue()).isEqualTo("9144911");
        assertThat(author.getCodeFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Jordmor");
    }

    @ParameterizedTest
    @EnumSource(value = KithStandard.class, names = {"DIALOGMELDING_1_0", "DIALOGMELDING_1_1"})
    void xmlSpecialCharactersInTheBodyAreEscapedAndSurvive(KithStandard target) {
        String body = "Blodtrykk <140/90 & >130/80 ved \"hvile\" og 'aktivitet'.\nSe ]]> og <b>ikke markup</b>.";
        WriteResult written = mappers.write(bundle(body), target);
        String xml = Fixtures.utf8(written.xml());
        assertThat(validate(written.xml())).as(xml).isEmpty();
        assertThat(xml).contains("&lt;140/90 &amp; ").contains("&lt;b>ikke markup&lt;/b>").doesNotContain("<b>");
        Communication c = Fixtures.one(mappers.read(written.xml()).bundle(), Communication.class);
        assertThat(c.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo(body);
    }

    @Test
    void withoutSubUnitsOrGpThePartiesAreTheOrganisations() {
        NoticeParty sender = NoticeParty.sender(new NoticeParty.Unit("8100200", "Balsfjord kommune (fiktiv)"), null,
                NoticeParty.Professional.author("9144911", "Lyngmo", "Hanne", null, "Jordmor"));
        NoticeParty receiver = NoticeParty.receiver(new NoticeParty.Unit("8100110", "Oteren legekontor"), null, null);
        Bundle bundle = new ClinicalNotice(sender, receiver, PATIENT, note(BODY)).toBundle();
        WriteResult written = mappers.write(bundle, KithStandard.DIALOGMELDING_1_1);
        assertThat(validate(written.xml())).isEmpty();
        Bundle back = mappers.read(written.xml()).bundle();
        MessageHeader header = (MessageHeader) back.getEntryFirstRep().getResource();
        assertThat(herIds(back, header.getSender())).containsExactly("8100200");
        assertThat(herIds(back, header.getDestinationFirstRep().getReceiver())).containsExactly("8100110");
    }

    @Test
    void theSameInputGivesTheSameBundle() {
        assertThat(bundle(BODY).equalsDeep(bundle(BODY))).isTrue();
    }

    @Test
    void missingOrInvalidInputIsRefusedWithoutPatientData() {
        NoticeParty noAuthor = NoticeParty.sender(SENDER.organisation(), SENDER.subUnit(), null);
        NoticeParty.Professional nameOnlyGp = new NoticeParty.Professional(null, null, "Haugen", "Per", null, null);
        List<Supplier<Object>> cases = List.of(
                () -> new ClinicalNotice(SENDER, RECEIVER, PATIENT, null),
                () -> new ClinicalNotice(noAuthor, RECEIVER, PATIENT, note(BODY)),
                () -> new ClinicalNotice(SENDER, NoticeParty.receiver(RECEIVER.organisation(), null, nameOnlyGp), PATIENT, note(BODY)),
                () -> new NoticePatient(FNR, "Nordmann", "Kari", null, null),
                () -> new NoticePatient(FNR, "  ", "Kari", LocalDate.of(1992, 5, 12), null),
                () -> new NoticePatient("12059248242", "Nordmann", "Kari", LocalDate.of(1992, 5, 12), null),
                () -> new NoticePatient(null, "Nordmann", "Kari", LocalDate.of(1992, 5, 12), null),
                () -> note(""),
                () -> note("Blodtrykk\u0000148/96"),
                () -> new NoticeNote("Tema", BODY, OffsetDateTime.now(), FNR, "doc-1"),
                () -> new NoticeParty.Unit("81-00200", "Balsfjord kommune"),
                () -> NoticeParty.Professional.author(null, "Lyngmo", "Hanne", null, "Jordmor"));
        for (Supplier<Object> c : cases) {
            assertThatThrownBy(c::get).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).isNotBlank()
                            .doesNotContain(FNR).doesNotContain("12059248242").doesNotContain("Nordmann"));
        }
        assertThatThrownBy(() -> new ClinicalNotice(noAuthor, RECEIVER, PATIENT, note(BODY)))
                .hasMessage("sender.person (the author of the note) is required");
        assertThatThrownBy(() -> new NoticePatient("12059248242", "Nordmann", "Kari", LocalDate.of(1992, 5, 12), null))
                .hasMessageContaining("patient.fnr");
        assertThat(PATIENT.toString()).doesNotContain(FNR).doesNotContain("Nordmann");
    }

    /** HER-ids of a party, the person's first, then each unit up the partOf chain. */
    private static List<String> herIds(Bundle bundle, Reference party) {
        List<String> result = new ArrayList<>();
        Resource r = Fixtures.resolve(bundle, party);
        if (r instanceof PractitionerRole role) {
            her(((Practitioner) Fixtures.resolve(bundle, role.getPractitioner())).getIdentifier(), result);
            r = Fixtures.resolve(bundle, role.getOrganization());
        }
        while (r instanceof org.hl7.fhir.r4.model.Organization o) {
            her(o.getIdentifier(), result);
            r = o.hasPartOf() ? Fixtures.resolve(bundle, o.getPartOf()) : null;
        }
        return result;
    }

    private static void her(List<Identifier> identifiers, List<String> into) {
        for (Identifier i : identifiers) if (Systems.HER.equals(i.getSystem())) into.add(i.getValue());
    }

    private static List<String> validate(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
