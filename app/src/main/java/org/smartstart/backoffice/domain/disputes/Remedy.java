package org.smartstart.backoffice.domain.disputes;

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
}
