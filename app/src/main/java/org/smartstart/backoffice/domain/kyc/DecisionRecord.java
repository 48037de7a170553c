package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in a document's review history.
 *
 * @param step    decision, first_approval, confirm or overturn
 * @param outcome approve, reject_final, reject_resubmit, confirm or overturn
 */
public record DecisionRecord(String step, String outcome, UUID reviewerId, String reviewerName, Instant decidedAt,
                             String reasonCode, String internalComment, String applicantComment, String reviewedSha256) {
}
