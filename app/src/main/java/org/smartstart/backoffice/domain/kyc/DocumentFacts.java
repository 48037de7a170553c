package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document as the rules need it.
 *
 * @param ownerId    the person the document is about (KYC) or the venture's owner (KYB): they may never review it
 * @param subjectId  the user (KYC) or the venture (KYB)
 * @param ventureId  the venture of a KYB document; null for KYC
 * @param status     doc_status: pending, verified or rejected
 * @param secondApprovalStatus null, awaiting, confirmed or overturned
 * @param country    the applicant's (KYC) or the venture owner's (KYB) country, or null
 * @param dueAt      the review deadline (V19 review_due_at)
 */
public record DocumentFacts(UUID id, DocumentKind kind, String docType, String status, String secondApprovalStatus,
                            UUID subjectId, String subjectName, UUID ventureId, UUID ownerId, int riskScore,
                            Instant submittedAt, String sha256, String mediaType, String originalFilename,
                            UUID claimedBy, String claimedByName, Instant claimedUntil, UUID firstApprovedBy,
                            String firstApprovedByName, UUID reviewedBy, Instant decidedAt, String reasonCode,
                            String reviewerComment, String applicantComment, Boolean rejectionFinal, String country,
                            Instant dueAt) {

    public ReviewStatus reviewStatus() {
        return ReviewStatus.of(status, secondApprovalStatus);
    }

    /** Whether {@code reviewer} holds a claim on it that has not expired at {@code now}. */
    public boolean claimedBy(UUID reviewer, Instant now) {
        return reviewer.equals(claimedBy) && claimActive(now);
    }

    public boolean claimActive(Instant now) {
        return claimedBy != null && claimedUntil != null && claimedUntil.isAfter(now);
    }

    /** "The KYC document 1f…(passport) of Ada Lovelace". */
    public String words() {
        return "The " + kind + " document " + id + " (" + docType + ") of " + subjectName;
    }
}
