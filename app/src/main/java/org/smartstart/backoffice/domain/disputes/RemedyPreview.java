package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.util.List;
import java.util.UUID;

/**
 * What a remedy would write if the dispute were resolved now (DS-4), shown before the decider confirms.
 *
 * @param description   the write in words, e.g. "Credit 40 BUZ of Helios Grid to Ada Brown's wallet (earn)"
 * @param balanceBefore the wallet's spendable BUZ now
 * @param balanceAfter  the same after the remedy
 * @param refusals      the rules that would refuse it now (empty: it would be written); the decision
 *                      checks them again in its own transaction
 */
public record RemedyPreview(UUID disputeId, String description, UUID userId, String userName, long balanceBefore,
                            long balanceAfter, List<Rejection> refusals) {
    public RemedyPreview {
        refusals = List.copyOf(refusals);
    }
}
