package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * One document in the review queue.
 *
 * @param subjectId   the user (KYC) or the venture (KYB) the document belongs to
 * @param claimedBy   the reviewer holding an unexpired claim, or null
 */
public record QueueItem(UUID documentId, DocumentKind kind, String docType, ReviewStatus status, int riskScore,
                        Instant submittedAt, UUID subjectId, String subjectName, UUID claimedBy, String claimedByName,
                        Instant claimedUntil) {
}
