package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * Another document of the same applicant (KYC) or venture (KYB), with its decision, beside the one under review.
 *
 * @param rejectionFinal null unless rejected
 */
public record RelatedDocument(UUID documentId, DocumentKind kind, String docType, ReviewStatus status, int riskScore,
                              Instant submittedAt, Instant decidedAt, String reviewerName, String reasonCode,
                              Boolean rejectionFinal) {
}
