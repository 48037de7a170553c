package org.smartstart.backoffice.domain.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * One dispute with its workflow state (DS-1), its object (DS-2) and its deadlines (DS-3), the breaches
 * computed at the moment it was read.
 *
 * @param resolution              the latest decision's text; after an appeal, the appealed decision's
 * @param firstRespondedAt        when support first answered (assigned it or started the review)
 * @param firstResponseBreached   DS-3: answered late, or not answered and past the deadline
 * @param resolutionBreached      DS-3: decided late, or undecided and past the deadline
 * @param version                 optimistic-lock version; pass it as {@link Decision#expectedVersion()}
 */
public record Dispute(UUID id, UUID ventureId, String ventureName, DisputeObjectType objectType, UUID objectId,
                      DisputeStatus status, String reason, UUID raisedBy, String raisedByName, Instant raisedAt,
                      UUID assignedTo, String assignedToName,
                      Instant firstResponseDueAt, Instant firstRespondedAt, boolean firstResponseBreached,
                      Instant resolutionDueAt, boolean resolutionBreached,
                      UUID decidedBy, String decidedByName, Instant decidedAt, String resolution,
                      int appealCount, String appealReason, Instant appealedAt, Instant updatedAt, int version) {

    /** The same dispute with its breaches judged at {@code now}. */
    public Dispute at(Instant now) {
        return new Dispute(id, ventureId, ventureName, objectType, objectId, status, reason, raisedBy, raisedByName, raisedAt,
                assignedTo, assignedToName, firstResponseDueAt, firstRespondedAt,
                DisputeDeadlines.firstResponseBreached(firstResponseDueAt, firstRespondedAt, now),
                resolutionDueAt, DisputeDeadlines.resolutionBreached(resolutionDueAt, status, decidedAt, now),
                decidedBy, decidedByName, decidedAt, resolution, appealCount, appealReason, appealedAt, updatedAt, version);
    }
}
