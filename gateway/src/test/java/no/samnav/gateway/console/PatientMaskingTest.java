package no.samnav.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientMaskingTest {

    @Test
    void validPersonNumbersAreMaskedToTheirBirthDateAndOtherNumbersStay() {
        String xml = "<OffId>12059248241</OffId><Id>8100210</Id><Ref>12059248242</Ref><Tel>004712345678901</Tel>";
        assertThat(PatientMasking.maskAll(xml))
                .isEqualTo("<OffId>120592*****</OffId><Id>8100210</Id><Ref>12059248242</Ref><Tel>004712345678901</Tel>");
        assertThat(PatientMasking.mask("03038512314")).isEqualTo("030385*****");
    }
}
