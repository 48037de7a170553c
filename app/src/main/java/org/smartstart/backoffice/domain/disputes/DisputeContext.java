package org.smartstart.backoffice.domain.disputes;

import java.util.List;
import java.util.UUID;

/**
 * The disputed object (DS-2) shown among what surrounds it: a task with its reviews, a BUZ transaction
 * with its wallet's recent history, a ledger row with the venture's cap table around it.
 *
 * @param heading     what the object is, in words
 * @param lines       the object and its surroundings, the disputed one marked {@link Line#disputed()}
 * @param taskId      the task a task-reopen remedy would reopen (the task, or the reviewed task); null otherwise
 * @param taskStatus  that task's status now (open, in_review, approved, rejected); null without a task
 * @param walletOwner whose wallet a BUZ transaction belongs to; null otherwise
 */
public record DisputeContext(UUID disputeId, DisputeObjectType objectType, UUID objectId, String heading, List<Line> lines,
                             UUID taskId, String taskStatus, UUID walletOwner, String walletOwnerName) {

    public DisputeContext {
        lines = List.copyOf(lines);
    }

    /**
     * One row around the disputed object.
     *
     * @param objectType as the audit trail spells it (task, review, buz_transaction, equity_ledger), for links
     * @param disputed   this row is the disputed object itself
     */
    public record Line(String objectType, UUID objectId, String text, boolean disputed) {
    }
}
