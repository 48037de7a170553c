package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document as a reviewer sees it: what it is, whose, the stored sha256 of its bytes (KY-7), who holds
 * it (KY-3), the latest decision and the whole review history.
 *
 * @param claimedBy      the holder of an unexpired claim, or null
 * @param rejectionFinal null unless rejected
 */
public record DocumentDetail(UUID documentId, DocumentKind kind, String docType, ReviewStatus status, UUID subjectId,
                             String subjectName, int riskScore, Instant submittedAt, String originalFilename, String mediaType,
                             String sha256, UUID claimedBy, Instant claimedUntil, UUID firstApprovedBy, UUID reviewedBy,
                             Instant decidedAt, String reasonCode, String internalComment, String applicantComment,
                             Boolean rejectionFinal, List<DecisionRecord> history) {
    public DocumentDetail {
        history = List.copyOf(history);
    }
}
