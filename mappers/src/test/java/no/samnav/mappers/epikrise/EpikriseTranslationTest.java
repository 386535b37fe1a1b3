package no.samnav.mappers.epikrise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Loss;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.WriteResult;
import org.junit.jupiter.api.Test;

/** Epikrise 1.1 to 1.2 through FHIR: key content survives, what 1.2 removed is reported. */
class EpikriseTranslationTest {

    private final Mappers mappers = new Mappers();

    @Test
    void translatesVersion11To12WithLossReport() {
        WriteResult result = mappers.translate(EpikriseFixtures.load("1.1", "utskrivning"), KithStandard.EPIKRISE_1_2);
        assertThat(result.standard()).isEqualTo(KithStandard.EPIKRISE_1_2);
        String xml = new String(result.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("xmlns=\"http://www.kith.no/xmlstds/epikrise/2012-02-15\"",
                "<MIGversion>v1.2 2012-02-15</MIGversion>",
                "<OffId>24068741269</OffId>",
                "V=\"K358\"", "V=\"N02BE01\"", "<DosageText>1 g ved behov, maks 4 g/døgn</DosageText>",
                "Ukomplisert forløp, æøå &amp; &lt;ok",
                // ServReq/MsgDescr was free text in 1.1 and is a code in 1.2: the text moves to DN
                "<MsgDescr DN=\"Utredning av magesmerter\"/>",
                "<Name>Kirurgisk avdeling</Name>", "<Id>8880003</Id>");
        assertThat(xml).doesNotContain("<PartyIdByRequester>", "<Role V=\"PRH\"");
        assertThat(result.losses().losses()).extracting(Loss::path).containsExactlyInAnyOrder(
                "/Message/MIGversion",
                "/Message/ServRprt/Event/Id",
                "/Message/ServRprt/Patient/PatRelHCP/Role",
                "/Message/ServRprt/ServProvider/HCP/Inst/Type",
                "/Message/ServRprt/ServProvider/HCP/PartyIdByRequester");
        assertThat(mappers.read(result.xml()).standard()).isEqualTo(KithStandard.EPIKRISE_1_2);
    }
}
