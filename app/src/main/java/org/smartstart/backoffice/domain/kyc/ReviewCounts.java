package org.smartstart.backoffice.domain.kyc;

/** How many KYC and KYB documents are in each review status; {@code claimed}: pending ones under an unexpired claim. */
public record ReviewCounts(long pending, long awaitingSecondApproval, long verified, long rejected, long claimed) {
}
