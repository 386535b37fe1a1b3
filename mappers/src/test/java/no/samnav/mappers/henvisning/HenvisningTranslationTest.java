package no.samnav.mappers.henvisning;

import static no.samnav.mappers.henvisning.HenvisningFixtures.load;
import static no.samnav.mappers.henvisning.HenvisningFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Loss;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.WriteResult;
import org.junit.jupiter.api.Test;

/**
 * Henvisning 2.0 to 1.1 and 1.1 to 2.0 through FHIR ({@link Mappers#translate}): the envelope
 * follows the target version (1.1 bare, 2.0 in a MsgHead), key content survives, and what the
 * target cannot carry is named in the loss report.
 */
class HenvisningTranslationTest {

    private final Mappers mappers = new Mappers();

    @Test
    void twoZeroToOneOneIsABareMessageWithPartiesPatientAndAttachment() {
        WriteResult result = mappers.translate(load("2.0/full-referral"), KithStandard.HENVISNING_1_1);
        assertThat(result.wrapped()).isFalse();
        String out = text(result.xml());
        assertThat(out).contains("<Message xmlns=\"http://www.kith.no/xmlstds/henvisning/2012-02-15\"")
                .doesNotContain("MsgHead")
                .contains("<MsgId>0b7e8d4c-5a6b-4c3d-9e2f-1a2b3c4d5e6f</MsgId>", "<Id>c0ffee00-aaaa-4bbb-8ccc-ddddeeeeffff</Id>",
                        "<OffId>04056112303</OffId>", "<Name>Øvrebø, Tor</Name>", "<Name>Oteren legekontor</Name>",
                        "<Name>Per Olsen</Name>", "<Name>Ortopedisk avdeling</Name>", "<Concept V=\"S72.0\"",
                        "<DrugId V=\"N02BE01\"", "<Type V=\"CAVE\" DN=\"Cave-opplysninger\"/>",
                        "<Priority V=\"0\" DN=\"Øyeblikkelig hjelp\"/>", "<RefDoc>", "JVBERi0xLjQKcm9udGdlbg==",
                        "<Description>Røntgenbeskrivelse</Description>", "<ConsentStatus V=\"1\"");
        // ParorendeForesatt has the same structure in both versions and moves into the 1.1 namespace
        assertThat(out).contains("<ParorendeForesatt xmlns=\"http://www.kith.no/xmlstds/po/poKomponent/2009-06-30\">");
        assertThat(result.losses().losses()).extracting(Loss::path).anySatisfy(p -> assertThat(p).endsWith("/VurderingAvHenvisning"))
                .anySatisfy(p -> assertThat(p).endsWith("/Pakkeforlop"))
                .anySatisfy(p -> assertThat(p).endsWith("/TilleggsopplysningPasient"))
                .anySatisfy(p -> assertThat(p).isEqualTo("/MsgHead/MsgInfo/Type"))
                .noneSatisfy(p -> assertThat(p).endsWith("/ParorendeForesatt"));
    }

    @Test
    void oneOneToTwoZeroIsWrappedInAMsgHeadWithTheAttachmentAsADocument() {
        WriteResult result = mappers.translate(load("1.1/full-referral"), KithStandard.HENVISNING_2_0);
        assertThat(result.wrapped()).isTrue();
        String out = text(result.xml());
        assertThat(out).contains("<MsgHead xmlns=\"http://www.kith.no/xmlstds/msghead/2006-05-24\">",
                        "<Type V=\"HENVISNING_NYTILSTAND\" DN=\"Henvisning ny tilstand\"/>",
                        "<MsgId>6f1f0a52-3c1e-4b7a-9d55-0d7a3c1b2e01</MsgId>", "<OrganisationName>Storsteinnes legekontor</OrganisationName>",
                        "<FamilyName>Bakke</FamilyName>", "<OrganisationName>Lungemedisinsk avdeling</OrganisationName>",
                        "<FamilyName>Storsteinnes</FamilyName>", "<Id>12037849861</Id>",
                        "<Henvisning xmlns=\"http://ehelse.no/xmlstds/henvisning/2017-11-30\"",
                        "<DocumentId>a3d0c9a8-1111-4222-8333-944455556666</DocumentId>", "<ReqDate>2025-03-01</ReqDate>",
                        "<Heading V=\"PROB\" S=\"2.16.578.1.12.4.1.1.8231\" DN=\"Aktuell problemstilling\"/>",
                        "<Type V=\"MEDB\" S=\"2.16.578.1.12.4.1.1.8233\"", "<Concept V=\"R96\"", "<MsgType V=\"A\" DN=\"Vedlegg\"/>",
                        "JVBERi0xLjQKc3Bpcm9tZXRyaQ==", "<ComMethod V=\"EDI\" DN=\"EDI\"/>",
                        "<ParorendeForesatt xmlns=\"http://ehelse.no/xmlstds/po/poKomponent/2017-11-30\">");
        // the attachment Document follows the Henvisning Document
        assertThat(out.indexOf("<Henvisning ")).isLessThan(out.indexOf("JVBERi0xLjQKc3Bpcm9tZXRyaQ=="));
        assertThat(result.losses().losses()).extracting(Loss::path)
                .anySatisfy(p -> assertThat(p).endsWith("/PatRelHCP"))
                .anySatisfy(p -> assertThat(p).endsWith("/Ack"))
                .anySatisfy(p -> assertThat(p).isEqualTo("/Message/Status"))
                .noneSatisfy(p -> assertThat(p).endsWith("/ParorendeForesatt"));
    }

    @Test
    void twoZeroToBareOneOneCarriesTheMsgHeadAckAndReportsWhatOnlyTheMsgHeadHolds() {
        String source = text(load("2.0/full-referral")).replace("<Sender>",
                "<Ack V=\"J\" DN=\"Ja\"/><ConversationRef><RefToParent>parent-1</RefToParent>"
                        + "<RefToConversation>conversation-1</RefToConversation></ConversationRef><Sender>");
        WriteResult result = mappers.translate(source.getBytes(StandardCharsets.UTF_8), KithStandard.HENVISNING_1_1);
        assertThat(result.wrapped()).isFalse();
        // 1.1 has an Ack of its own (ServReq/Ack), so the MsgHead's request for an AppRec is kept
        assertThat(text(result.xml())).contains("<Ack V=\"J\" DN=\"Ja\"/>").doesNotContain("conversation-1");
        assertThat(result.losses().losses()).extracting(Loss::path)
                .contains("/MsgHead/MsgInfo/ConversationRef", "/MsgHead/Document/RefDoc/MsgType",
                        "/MsgHead/MsgInfo/Sender/Organisation/Ident/TypeId/@S",
                        "/MsgHead/MsgInfo/Sender/Organisation/HealthcareProfessional/Ident/TypeId/@S",
                        "/MsgHead/MsgInfo/Receiver/Organisation/Ident/TypeId/@S", "/MsgHead/MsgInfo/Patient/Ident/TypeId/@S",
                        // 2.0 CV codes are written as 1.1 CS, without their code system
                        "/Henvisning/TypeInnholdIMelding/TypeInnhold/@S", "/Henvisning/InfItem/Type/@S")
                .doesNotContain("/MsgHead/MsgInfo/Ack");
    }

    @Test
    void oneOneToTwoZeroReportsPatientRelationsAndNamesWithTheirOneOnePaths() {
        WriteResult result = mappers.translate(load("1.1/full-referral"), KithStandard.HENVISNING_2_0);
        assertThat(result.losses().losses()).extracting(Loss::path)
                .contains("/Message/ServReq/Patient/PatRelHCP", "/Message/ServReq/Ack",
                        "/Message/ServReq/Requester/HCP/Inst/HCPerson/Name");
    }

    @Test
    void aRequesterWithoutInstitutionGetsAValidMsgHeadSenderOrganisation() {
        String source = text(load("1.1/full-referral")).replace("""
                \t\t\t\t<Inst>
                \t\t\t\t\t<Name>Storsteinnes legekontor</Name>
                \t\t\t\t\t<Id>8200001</Id>
                \t\t\t\t\t<TypeId V="HER" DN="HER-id"/>
                \t\t\t\t\t<HCPerson>
                \t\t\t\t\t\t<Name>Ingrid Bakke</Name>
                \t\t\t\t\t\t<Id>8200002</Id>
                \t\t\t\t\t\t<TypeId V="HER" DN="HER-id"/>
                \t\t\t\t\t</HCPerson>
                \t\t\t\t</Inst>""", """
                \t\t\t\t<HCProf>
                \t\t\t\t\t<Name>Ingrid Bakke</Name>
                \t\t\t\t\t<Id>9144900</Id>
                \t\t\t\t\t<TypeId V="HPR" DN="HPR-nummer"/>
                \t\t\t\t</HCProf>""");
        assertThat(source).contains("<HCProf>");
        WriteResult result = mappers.translate(source.getBytes(StandardCharsets.UTF_8), KithStandard.HENVISNING_2_0);
        String out = text(result.xml());
        int sender = out.indexOf("<Sender>");
        assertThat(out.substring(sender, out.indexOf("</Sender>"))).contains("<Organisation>",
                "<OrganisationName>Ingrid Bakke</OrganisationName>", "<Id>9144900</Id>", "<HealthcareProfessional>");
        assertThat(mappers.read(result.xml()).standard()).isEqualTo(KithStandard.HENVISNING_2_0);
        assertThat(result.losses().losses()).extracting(Loss::path)
                .contains("/MsgHead/MsgInfo/Sender/Organisation", "/Message/ServReq/Requester/HCP/HCProf/Name");
    }

    @Test
    void anInstitutionPersonBesideItsDepartmentIsTheMsgHeadHealthcareProfessional() {
        String source = text(load("1.1/full-referral")).replace("\t\t\t\t\t<HCPerson>\n\t\t\t\t\t\t<Name>Ingrid Bakke</Name>",
                "\t\t\t\t\t<Dept><Name>Avdeling X</Name><Id>8200009</Id><TypeId V=\"HER\" DN=\"HER-id\"/></Dept>\n"
                        + "\t\t\t\t\t<HCPerson>\n\t\t\t\t\t\t<Name>Ingrid Bakke</Name>");
        assertThat(source).contains("Avdeling X");
        WriteResult result = mappers.translate(source.getBytes(StandardCharsets.UTF_8), KithStandard.HENVISNING_2_0);
        String out = text(result.xml());
        String sender = out.substring(out.indexOf("<Sender>"), out.indexOf("</Sender>"));
        assertThat(sender).contains("<OrganisationName>Avdeling X</OrganisationName>", "<FamilyName>Bakke</FamilyName>",
                "<Id>8200002</Id>");
        assertThat(sender.indexOf("Avdeling X")).isLessThan(sender.indexOf("<HealthcareProfessional>"));
        assertThat(result.losses().losses()).extracting(Loss::path)
                .contains("/Message/ServReq/Requester/HCP/Inst/HCPerson/Name")
                .doesNotContain("/Message/ServReq/Requester/HCP/Inst/HCPerson");
    }

    @Test
    void aRoundTripThroughTheOtherVersionKeepsTheClinicalCore() {
        byte[] oneOne = mappers.translate(load("2.0/full-referral"), KithStandard.HENVISNING_1_1).xml();
        String back = text(mappers.translate(oneOne, KithStandard.HENVISNING_2_0).xml());
        assertThat(back).contains("<MsgHead", "<Concept V=\"S72.0\"", "<DrugId V=\"N02BE01\"", "<Id>04056112303</Id>",
                "<Priority V=\"0\"", "JVBERi0xLjQKcm9udGdlbg==");
    }
}
