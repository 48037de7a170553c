package org.smartstart.backoffice.domain.kyc;

/**
 * Where a document stands in review (KY-1, KY-4). A pending document approved at risk ≥ 70 waits for a
 * second compliance officer; it is still pending in the database until confirmed.
 */
public enum ReviewStatus {
    PENDING, AWAITING_SECOND_APPROVAL, VERIFIED, REJECTED;

    /** The status of a stored document: its doc_status and its second_approval_status. */
    public static ReviewStatus of(String docStatus, String secondApprovalStatus) {
        return switch (docStatus) {
            case "verified" -> VERIFIED;
            case "rejected" -> REJECTED;
            default -> "awaiting".equals(secondApprovalStatus) ? AWAITING_SECOND_APPROVAL : PENDING;
        };
    }
}
