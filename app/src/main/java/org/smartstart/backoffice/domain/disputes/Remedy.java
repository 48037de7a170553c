package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.captable.CapTableChange;

import java.util.UUID;

/**
 * DS-4: what upholding a dispute puts right, executed in the decision's own transaction under every rule
 * that would apply to the same write done on its own. If a rule refuses it, nothing is written and the
 * dispute stays in review.
 */
public sealed interface Remedy {

    /**
     * A compensating BUZ transaction of the dispute's venture on {@code userId}'s wallet: a positive
     * {@code amount} credits it (an earn: BZ-2, BZ-3, BZ-6), a negative one debits it (a redemption: BZ-1,
     * BZ-2, BZ-6). It is chained like any other transaction (BZ-5).
     *
     * @param memo why, kept on the chained transaction; null for the default naming the dispute
     */
    record BuzCompensation(UUID userId, long amount, String memo) implements Remedy {
    }

    /**
     * An equity correction of the dispute's venture: a cap table change written through the cap table use
     * cases (EQ-1..EQ-7, the owner floor EQ-2, a hold EQ-7), by the decider in their own name. ID-3 (and the
     * database's t90_id3 trigger) lets only the venture's owner or a global admin write equity rows, so a
     * support user is denied it: see ADR 0016.
     */
    record EquityCorrection(CapTableChange change) implements Remedy {
    }

    /**
     * The disputed task goes back to open (approved or rejected → open), so its work is reviewed again: the
     * task of a dispute over a task, or the reviewed task of a dispute over a review. Only a decided task
     * is reopened; the database lets a decided task go back to open only with a dispute resolved with this
     * remedy in the same transaction (V20).
     *
     * @param taskId the task to reopen; null for the disputed one. When given it must be the disputed one
     *               (a dispute puts right only what it is about).
     */
    record TaskReopen(UUID taskId) implements Remedy {
    }
}
