package no.samnav.mappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.error.EncodingException;
import no.samnav.mappers.error.ForbiddenXmlConstructException;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.error.MalformedXmlException;
import no.samnav.mappers.error.MappingException;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.error.PayloadTooLargeException;
import no.samnav.mappers.error.UnsupportedFormatException;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.xml.XmlLimits;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: every case ends in a typed {@link MappingException} with the AppRec
 * code a receiver answers with, the line, column and element path of the problem, and a message a
 * person can act on that never repeats patient identifiers. No DTD or entity is ever resolved.
 */
class BadInputTest {

    private static final String VALID_FNR = "13116900216";
    private static final Mappers MAPPERS = new Mappers();

    /** A small Dialogmelding 1.1 note in a MsgHead, with the patient's FNR and the note as parameters. */
    static String dialogmelding(String fnr, String notat) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">
                  <MsgInfo>
                    <Type V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/>
                    <MIGversion>v1.2 2006-05-24</MIGversion>
                    <GenDate>2025-03-04T10:15:00</GenDate>
                    <MsgId>6f1c2a40-0000-4000-8000-000000000001</MsgId>
                    <Sender><Organisation><OrganisationName>Oteren legekontor</OrganisationName>
                      <Ident><Id>8100001</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident>
                    </Organisation></Sender>
                    <Receiver><Organisation><OrganisationName>Storsteinnes legekontor</OrganisationName>
                      <Ident><Id>8100002</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident>
                    </Organisation></Receiver>
                    <Patient><FamilyName>Nordmann</FamilyName><GivenName>Kari</GivenName>
                      <Ident><Id>%s</Id><TypeId V="FNR" DN="Fødselsnummer" S="2.16.578.1.12.4.1.1.8116"/></Ident>
                    </Patient>
                  </MsgInfo>
                  <Document><RefDoc><MsgType V="XML" DN="XML-instans"/><Content>
                    <Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23">
                      %s
                    </Dialogmelding>
                  </Content></RefDoc></Document>
                </MsgHead>
                """.formatted(fnr, notat);
    }

    static final String NOTAT = """
            <Notat><TemaKodet V="6" DN="Henvendelse om pasient" S="2.16.578.1.12.4.1.1.7322"/>
            <TekstNotatInnhold>Blodtrykket er 150/95.</TekstNotatInnhold></Notat>""";

    private static MappingException failure(String xml) {
        return failure(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static MappingException failure(byte[] xml) {
        try {
            MAPPERS.read(xml);
        } catch (MappingException e) {
            return e;
        }
        throw new AssertionError("the input was accepted");
    }

    @Test
    void theValidBaseMessageIsAccepted() {
        ReadResult read = MAPPERS.read(dialogmelding(VALID_FNR, NOTAT).getBytes(StandardCharsets.UTF_8));
        assertThat(read.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_1);
        assertThat(read.wrapped()).isTrue();
    }

    @Test
    void malformedXmlIsLocated() {
        String broken = dialogmelding(VALID_FNR, NOTAT).replace("</Notat>", "</Note>");
        MappingException e = failure(broken);
        assertThat(e).isInstanceOf(MalformedXmlException.class);
        assertThat(e.appRecCode()).isEqualTo(AppRecErrorCode.T01);
        assertThat(e.location().line()).isEqualTo(lineOf(broken, "</Note>"));
        assertThat(e.location().path()).endsWith("/Dialogmelding/Notat");
        assertThat(e.problem()).contains("not well-formed");
    }

    @Test
    void truncatedDocumentIsMalformed() {
        String whole = dialogmelding(VALID_FNR, NOTAT);
        MappingException e = failure(whole.substring(0, whole.length() / 2));
        assertThat(e).isInstanceOf(MalformedXmlException.class);
        assertThat(e.location().line()).isPositive();
    }

    @Test
    void binaryGarbageAndEmptyInputAreRejected() {
        byte[] garbage = new byte[512];
        new java.util.Random(7).nextBytes(garbage);
        assertThat(failure(garbage)).isInstanceOfAny(MalformedXmlException.class, EncodingException.class);
        MappingException empty = failure(new byte[0]);
        assertThat(empty).isInstanceOf(MalformedXmlException.class);
        assertThat(empty.problem()).isEqualTo("The payload is empty");
    }

    @Test
    void unknownNamespaceNamesTheSupportedVersions() {
        String xml = dialogmelding(VALID_FNR, NOTAT).replace("dialog/2013-01-23", "dialog/2099-01-01");
        MappingException e = failure(xml);
        assertThat(e).isInstanceOf(UnsupportedFormatException.class);
        assertThat(e.appRecCode()).isEqualTo(AppRecErrorCode.T10);
        assertThat(e.problem()).contains("http://www.kith.no/xmlstds/dialog/2099-01-01").contains("Dialogmelding 1.1");
        assertThat(e.location().path()).isEqualTo("/MsgHead/Document/RefDoc/Content/Dialogmelding");
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<Dialogmelding"));
    }

    @Test
    void documentWithoutNamespaceIsRejected() {
        MappingException e = failure("<Dialogmelding><Notat/></Dialogmelding>");
        assertThat(e).isInstanceOf(UnsupportedFormatException.class);
        assertThat(e.problem()).contains("no namespace");
    }

    @Test
    void missingMandatoryElementIsNamed() {
        String xml = dialogmelding(VALID_FNR, "<Notat><TekstNotatInnhold>Uten tema</TekstNotatInnhold></Notat>");
        MappingException e = failure(xml);
        assertThat(e).isInstanceOf(MissingElementException.class);
        assertThat(e.problem()).contains("TemaKodet");
        assertThat(e.location().path()).endsWith("/Dialogmelding/Notat");
    }

    @Test
    void organisationWithoutItsMandatoryNameIsRejected() {
        String xml = dialogmelding(VALID_FNR, NOTAT).replace("<OrganisationName>Storsteinnes legekontor</OrganisationName>", "");
        MappingException e = failure(xml);
        assertThat(e).isInstanceOf(MissingElementException.class);
        assertThat(e.appRecCode()).isEqualTo(AppRecErrorCode.T02);
        assertThat(e.problem()).contains("OrganisationName");
        assertThat(e.location().path()).isEqualTo("/MsgHead/MsgInfo/Receiver/Organisation");
    }

    @Test
    void emptyMsgHeadWithoutDocumentIsRejected() {
        String xml = dialogmelding(VALID_FNR, NOTAT).replaceAll("(?s)<Document>.*</Document>", "");
        MappingException e = failure(xml);
        assertThat(e).isInstanceOf(MissingElementException.class);
        assertThat(e.problem()).contains("Document");
    }

    @Test
    void wrongFnrCheckDigitsAnswerE31WithoutRepeatingTheNumber() {
        String wrong = "13116900217";
        MappingException e = failure(dialogmelding(wrong, NOTAT));
        assertThat(e).isInstanceOf(InvalidValueException.class);
        assertThat(e.appRecCode()).isEqualTo(AppRecErrorCode.E31);
        assertThat(e.location().path()).isEqualTo("/MsgHead/MsgInfo/Patient/Ident/Id");
        assertThat(e.getMessage()).doesNotContain(wrong);
    }

    @Test
    void wrongDNumberCheckDigitsAreRejected() {
        String xml = dialogmelding("53116900216", NOTAT).replace("V=\"FNR\" DN=\"Fødselsnummer\"", "V=\"DNR\" DN=\"D-nummer\"");
        MappingException e = failure(xml);
        assertThat(e).isInstanceOf(InvalidValueException.class);
        assertThat(e.problem()).contains("D-nummer");
        assertThat(e.getMessage()).doesNotContain("53116900216");
    }

    @Test
    void doctypeWithExternalEntityIsRefusedWithoutResolvingIt() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE MsgHead [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">&secret;</MsgHead>
                """;
        MappingException e = failure(xxe);
        assertThat(e).isInstanceOf(ForbiddenXmlConstructException.class);
        assertThat(e.appRecCode()).isEqualTo(AppRecErrorCode.T01);
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.getMessage()).doesNotContain("root:");
    }

    @Test
    void entityExpansionBombIsRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            bomb.append("\">\n");
        }
        bomb.append("]>\n<lolz>&lol9;</lolz>");
        MappingException e = failure(bomb.toString());
        assertThat(e).isInstanceOf(ForbiddenXmlConstructException.class);
        assertThat(e.problem()).contains("DOCTYPE");
    }

    @Test
    void undeclaredEntityReferenceIsRefused() {
        MappingException e = failure(dialogmelding(VALID_FNR, NOTAT.replace("150/95", "&nbsp;150/95")));
        assertThat(e).isInstanceOfAny(ForbiddenXmlConstructException.class, MalformedXmlException.class);
        assertThat(e.location().line()).isPositive();
    }

    @Test
    void payloadOverTheConfiguredLimitIsRejectedBeforeParsing() {
        Mappers small = new Mappers(XmlLimits.DEFAULT.withMaxPayloadBytes(1024));
        byte[] xml = dialogmelding(VALID_FNR, NOTAT).getBytes(StandardCharsets.UTF_8);
        assertThat(xml.length).isGreaterThan(1024);
        assertThatThrownBy(() -> small.read(xml)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> small.read(new java.io.ByteArrayInputStream(xml)))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void tooDeepNestingIsRejected() {
        Mappers shallow = new Mappers(new XmlLimits(1 << 20, 16));
        String deep = "<a xmlns=\"urn:x\">" + "<b>".repeat(40) + "</b>".repeat(40) + "</a>";
        assertThatThrownBy(() -> shallow.read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedXmlException.class).hasMessageContaining("deeper");
    }

    @Test
    void utf8BytesDeclaredAsLatin1AreRejected() {
        String xml = dialogmelding(VALID_FNR, NOTAT).replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        MappingException e = failure(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e).isInstanceOf(EncodingException.class);
        assertThat(e.problem()).contains("declares encoding ISO-8859-1 but its bytes are UTF-8");
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "Fødselsnummer"));
    }

    @Test
    void latin1BytesDeclaredAsUtf8AreRejected() {
        byte[] latin1 = dialogmelding(VALID_FNR, NOTAT).getBytes(StandardCharsets.ISO_8859_1);
        MappingException e = failure(latin1);
        assertThat(e).isInstanceOf(EncodingException.class);
        assertThat(e.problem()).contains("declared character encoding");
    }

    @Test
    void latin1DeclaredAndEncodedIsReadCorrectly() {
        String xml = dialogmelding(VALID_FNR, NOTAT.replace("Blodtrykket", "Blodtrykket på Øvre Ås"))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        ReadResult read = MAPPERS.read(xml.getBytes(StandardCharsets.ISO_8859_1));
        String json = org.hl7.fhir.r4.model.Communication.class.cast(read.bundle().getEntry().stream()
                .map(e -> e.getResource()).filter(r -> r instanceof org.hl7.fhir.r4.model.Communication)
                .findFirst().orElseThrow()).getPayloadFirstRep().getContentStringType().getValue();
        assertThat(json).contains("Øvre Ås");
        WriteResult written = MAPPERS.write(read.bundle(), KithStandard.DIALOGMELDING_1_1, true);
        String out = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(out).startsWith("<?xml version='1.0' encoding='UTF-8'?>").contains("Øvre Ås");
    }

    @Test
    void unsupportedEncodingIsNamed() {
        String xml = dialogmelding(VALID_FNR, NOTAT).replace("encoding=\"UTF-8\"", "encoding=\"X-NO-SUCH\"");
        MappingException e = failure(xml);
        assertThat(e).isInstanceOf(EncodingException.class);
    }

    private static int lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void emptyOrInvalidDateIsRejectedWithoutEchoingTheValue() {
        String withDate = NOTAT.replace("</Notat>", "<DatoNotat>%s</DatoNotat></Notat>");
        MappingException empty = failure(dialogmelding(VALID_FNR, withDate.formatted("")));
        assertThat(empty).isInstanceOf(InvalidValueException.class);
        assertThat(empty.problem()).contains("DatoNotat is empty");
        assertThat(empty.location().path()).endsWith("/Notat/DatoNotat");
        MappingException wrong = failure(dialogmelding(VALID_FNR, withDate.formatted("1992-13-45")));
        assertThat(wrong).isInstanceOf(InvalidValueException.class);
        assertThat(wrong.getMessage()).doesNotContain("1992-13-45");
    }
}
