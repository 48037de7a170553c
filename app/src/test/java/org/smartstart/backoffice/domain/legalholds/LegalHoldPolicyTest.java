package org.smartstart.backoffice.domain.legalholds;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** LH-1 and LH-2 in Java, without a database. */
class LegalHoldPolicyTest {

    static LegalHold hold(Instant releasedAt) {
        return new LegalHold(UUID.randomUUID(), UUID.randomUUID(), "Helios Grid", HoldScope.EQUITY, "Co-founder claim",
                UUID.randomUUID(), "Celia Compliance", Instant.parse("2026-09-10T14:00:00Z"), releasedAt == null, releasedAt,
                releasedAt == null ? null : UUID.randomUUID(), releasedAt == null ? null : "Rosa Release",
                releasedAt == null ? null : "Settled", 1);
    }

    @Test
    void lh1_a_release_needs_a_reason() {
        assertThat(LegalHoldPolicy.checkRelease(hold(null), "  ")).extracting(Rejection::ruleId, Rejection::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("LH-1", "LH-1: Releasing the equity legal hold on Helios Grid imposed 2026-09-10 14:00 UTC "
                        + "needs a release reason; it is recorded with who released it and when."));
        assertThat(LegalHoldPolicy.checkRelease(hold(null), "Claim withdrawn")).isEmpty();
    }

    @Test
    void lh2_a_released_hold_is_never_released_again() {
        assertThat(LegalHoldPolicy.checkRelease(hold(Instant.parse("2026-10-02T08:30:00Z")), "Again")).singleElement()
                .extracting(Rejection::message).isEqualTo("LH-2: The equity legal hold on Helios Grid imposed 2026-09-10 14:00 UTC "
                        + "was released on 2026-10-02 08:30 UTC by Rosa Release and is never edited again.");
    }

    @Test
    void the_scopes_freeze_what_eq7_and_bz6_name() {
        assertThat(HoldScope.EQUITY.freezesEquity()).isTrue();
        assertThat(HoldScope.EQUITY.freezesBuz()).isFalse();
        assertThat(HoldScope.BUZ.freezesEquity()).isFalse();
        assertThat(HoldScope.ALL.freezesEquity() && HoldScope.ALL.freezesBuz()).isTrue();
        assertThat(HoldScope.ofCode("all")).isEqualTo(HoldScope.ALL);
    }
}
