package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * One document in the review queue.
 *
 * @param subjectId   the user (KYC) or the venture (KYB) the document belongs to
 * @param country     the applicant's (KYC) or the venture owner's (KYB) country, ISO 3166 alpha-2, or null
 * @param dueAt       the review deadline: 24 hours after submission at risk ≥ 70, else 72 hours
 * @param claimedBy   the reviewer holding an unexpired claim, or null
 */
public record QueueItem(UUID documentId, DocumentKind kind, String docType, ReviewStatus status, int riskScore,
                        Instant submittedAt, Instant dueAt, UUID subjectId, String subjectName, String country,
                        UUID claimedBy, String claimedByName, Instant claimedUntil) {

    /** Still undecided after its review deadline at {@code now}. */
    public boolean overdueAt(Instant now) {
        return dueAt != null && (status == ReviewStatus.PENDING || status == ReviewStatus.AWAITING_SECOND_APPROVAL)
                && dueAt.isBefore(now);
    }
}
