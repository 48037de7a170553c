package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document as a reviewer sees it: what it is, whose, the stored sha256 of its bytes (KY-7), who holds
 * it (KY-3), the latest decision, the decision history, the subject beside it (applicant or venture, their
 * other documents) and the audit trail of every step taken on it.
 *
 * @param dueAt          the review deadline (24 hours after submission at risk ≥ 70, else 72 hours)
 * @param claimedBy      the holder of an unexpired claim, or null
 * @param rejectionFinal null unless rejected
 * @param objectType     how the audit trail names the document: kyc_document or kyb_document
 * @param trail          submission, claims, releases, decisions and second approvals with their audit entries, oldest first
 */
public record DocumentDetail(UUID documentId, DocumentKind kind, String docType, ReviewStatus status, UUID subjectId,
                             String subjectName, int riskScore, Instant submittedAt, Instant dueAt, String originalFilename,
                             String mediaType, String sha256, UUID claimedBy, Instant claimedUntil, UUID firstApprovedBy,
                             UUID reviewedBy, Instant decidedAt, String reasonCode, String internalComment,
                             String applicantComment, Boolean rejectionFinal, List<DecisionRecord> history,
                             ReviewSubject subject, String objectType, List<ReviewEvent> trail) {
    public DocumentDetail {
        history = List.copyOf(history);
        trail = List.copyOf(trail);
    }
}
