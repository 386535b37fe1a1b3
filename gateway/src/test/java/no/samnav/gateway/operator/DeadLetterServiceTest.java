package no.samnav.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterServiceTest {

    @Test
    void theSelectorTakesOnlyTheDeadLettersOfOneMessageAndParticipant() {
        assertThat(DeadLetterService.selector("3c2b9f0e", "oteren"))
                .isEqualTo("SamnavMessageId = '3c2b9f0e' AND SamnavParticipant = 'oteren'");
        assertThat(DeadLetterService.selector("3c2b9f0e", null))
                .isEqualTo("SamnavMessageId = '3c2b9f0e' AND SamnavParticipant IS NULL");
        assertThat(DeadLetterService.selector("a'b", "x")).isEqualTo("SamnavMessageId = 'a''b' AND SamnavParticipant = 'x'");
    }
}
