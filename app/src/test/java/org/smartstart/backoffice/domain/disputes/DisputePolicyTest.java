package org.smartstart.backoffice.domain.disputes;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** DS-1 and DS-3 in Java, without a database. */
class DisputePolicyTest {

    static final Instant RAISED = Instant.parse("2026-11-03T10:00:00Z");
    static final UUID RAVI = UUID.randomUUID();
    static final UUID SAM = UUID.randomUUID();

    static Dispute dispute(DisputeStatus status, int appeals) {
        return new Dispute(UUID.randomUUID(), UUID.randomUUID(), "Northwind", DisputeObjectType.TASK, UUID.randomUUID(), status,
                "Wrongly closed", RAVI, "Ravi Kumar", RAISED, null, null,
                RAISED.plus(DisputeDeadlines.FIRST_RESPONSE), null, false, RAISED.plus(DisputeDeadlines.RESOLUTION), false,
                null, null, null, null, appeals, null, null, RAISED, 1);
    }

    @Test
    void every_ds1_refusal_of_a_decision_is_named_together() {
        assertThat(DisputePolicy.checkDecide(dispute(DisputeStatus.OPEN, 0), DisputeOutcome.RESOLVED, " ", RAVI, "Ravi Kumar"))
                .extracting(Rejection::message).containsExactly(
                        "DS-1: The dispute on Northwind cannot move from open to resolved; only a dispute in review is decided "
                                + "(open -> in_review -> resolved or rejected)",
                        "DS-1: The dispute on Northwind cannot be resolved without a resolution text",
                        "DS-1: The dispute on Northwind raised by Ravi Kumar cannot be resolved by Ravi Kumar; "
                                + "it needs a decider other than the person who raised it");
        assertThat(DisputePolicy.checkDecide(dispute(DisputeStatus.IN_REVIEW, 0), DisputeOutcome.REJECTED, "No fault", SAM, "Sam")).isEmpty();
    }

    @Test
    void the_workflow_moves_one_step_at_a_time_with_one_appeal() {
        assertThat(DisputePolicy.checkStartReview(dispute(DisputeStatus.OPEN, 0))).isEmpty();
        assertThat(DisputePolicy.checkStartReview(dispute(DisputeStatus.RESOLVED, 0))).extracting(Rejection::ruleId).containsExactly("DS-1");
        assertThat(DisputePolicy.checkAppeal(dispute(DisputeStatus.REJECTED, 0))).isEmpty();
        assertThat(DisputePolicy.checkAppeal(dispute(DisputeStatus.OPEN, 0))).extracting(Rejection::ruleId).containsExactly("DS-1");
        assertThat(DisputePolicy.checkAppeal(dispute(DisputeStatus.RESOLVED, 1))).singleElement()
                .extracting(Rejection::message).asString().contains("allows one appeal; it has had 1");
        assertThat(DisputePolicy.checkAssign(dispute(DisputeStatus.IN_REVIEW, 0))).isEmpty();
        assertThat(DisputePolicy.checkAssign(dispute(DisputeStatus.REJECTED, 0))).extracting(Rejection::ruleId).containsExactly("DS-1");
    }

    @Test
    void ds3_a_deadline_is_breached_when_passed_unanswered_or_answered_late() {
        Instant due = RAISED.plus(Duration.ofHours(24));

        assertThat(DisputeDeadlines.firstResponseBreached(due, null, due)).isFalse();
        assertThat(DisputeDeadlines.firstResponseBreached(due, null, due.plusSeconds(1))).isTrue();
        assertThat(DisputeDeadlines.firstResponseBreached(due, due.minusSeconds(1), due.plus(Duration.ofDays(30)))).isFalse();
        assertThat(DisputeDeadlines.firstResponseBreached(due, due.plusSeconds(1), due.plusSeconds(1))).isTrue();
        assertThat(DisputeDeadlines.resolutionBreached(due, DisputeStatus.IN_REVIEW, null, due.plusSeconds(1))).isTrue();
        assertThat(DisputeDeadlines.resolutionBreached(due, DisputeStatus.RESOLVED, due.minusSeconds(1), due.plus(Duration.ofDays(30)))).isFalse();
        assertThat(dispute(DisputeStatus.OPEN, 0).at(RAISED.plus(Duration.ofDays(8))))
                .extracting(Dispute::firstResponseBreached, Dispute::resolutionBreached).containsExactly(true, true);
    }
}
