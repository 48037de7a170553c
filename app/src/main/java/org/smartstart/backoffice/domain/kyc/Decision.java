package org.smartstart.backoffice.domain.kyc;

/**
 * A reviewer's decision on a claimed document (KY-1, KY-7).
 *
 * @param internalComment  for compliance only
 * @param applicantComment what the applicant is told (required for a rejection)
 * @param reviewedSha256   the sha256 of the bytes the reviewer looked at (from {@code content}); must be the stored one
 */
public record Decision(DecisionOutcome outcome, String reasonCode, String internalComment, String applicantComment,
                       String reviewedSha256) {
}
