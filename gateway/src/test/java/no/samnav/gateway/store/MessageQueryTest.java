package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageQueryTest {

    @Test
    void noCriteriaIsAnUnfilteredSearchWithTheDefaultLimit() {
        MessageQuery q = MessageQuery.parse(null, " ", "", null, null, null, null);
        assertThat(q.limit()).isEqualTo(MessageQuery.DEFAULT_LIMIT);
        assertThat(q.where().sql()).isEmpty();
        assertThat(q.where().args()).isEmpty();
    }

    @Test
    void everyCriterionIsOneConditionInOrder() {
        MessageQuery q = MessageQuery.parse("03078512384", "8100299", "8100110", "dead_lettered", "2026-03-04",
                "2026-03-05T12:00:00+01:00", 5);
        assertThat(q.statuses()).containsExactly(MessageStatus.DEAD_LETTERED);
        assertThat(q.from()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-03-05T11:00:00Z"));
        assertThat(q.where().sql()).isEqualTo(" WHERE patient_id = ? AND sender_her = ? AND receiver_her = ?"
                + " AND status IN (?) AND received_at >= ? AND received_at < ?");
        assertThat(q.where().args()).containsExactly("03078512384", "8100299", "8100110", "DEAD_LETTERED",
                Timestamp.from(Instant.parse("2026-03-04T00:00:00Z")), Timestamp.from(Instant.parse("2026-03-05T11:00:00Z")));
    }

    @Test
    void anApiClientSeesOnlyItsParticipantsMessagesAndNoneWhenItHasNone() {
        MessageQuery base = MessageQuery.parse(null, null, null, null, null, null, null);
        MessageQuery mine = base.withId("abc").fromChannels(java.util.List.of("storsteinnes", "malangen"));
        assertThat(mine.where().sql()).isEqualTo(" WHERE channel IN (?, ?) AND (id = ? OR msg_id = ?)");
        assertThat(mine.where().args()).containsExactly("storsteinnes", "malangen", "abc", "abc");
        MessageQuery nobody = base.fromChannels(java.util.List.of());
        assertThat(nobody.where().sql()).isEqualTo(" WHERE channel IN (?)");
        assertThat(nobody.where().args()).containsExactly("");
    }

    @Test
    void badCriteriaAreRefusedWithoutRepeatingTheValue() {
        assertThatThrownBy(() -> MessageQuery.parse("0307851238", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("patient must be an 11-digit fødselsnummer or D-number");
        assertThatThrownBy(() -> MessageQuery.parse("03078512384x", null, null, null, null, null, null))
                .hasMessageNotContaining("03078512384");
        assertThatThrownBy(() -> MessageQuery.parse(null, "81-00", null, null, null, null, null))
                .hasMessage("sender must be a HER-id of 1 to 9 digits");
        assertThatThrownBy(() -> MessageQuery.parse(null, null, "1234567890", null, null, null, null))
                .hasMessage("receiver must be a HER-id of 1 to 9 digits");
        assertThatThrownBy(() -> MessageQuery.parse(null, null, null, "LOST", null, null, null))
                .hasMessageStartingWith("status must be one of [RECEIVED, ROUTED");
        assertThatThrownBy(() -> MessageQuery.parse(null, null, null, null, "yesterday", null, null))
                .hasMessageStartingWith("from must be a date");
        assertThatThrownBy(() -> MessageQuery.parse(null, null, null, null, "2026-03-05", "2026-03-04", null))
                .hasMessage("from must be before to");
        assertThatThrownBy(() -> MessageQuery.parse(null, null, null, null, null, null, 0))
                .hasMessage("limit must be 1 to 1000");
        assertThatThrownBy(() -> MessageQuery.parse(null, null, null, null, null, null, 1001))
                .hasMessage("limit must be 1 to 1000");
    }
}
