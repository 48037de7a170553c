package org.smartstart.backoffice.domain.kyc;

import java.util.List;
import java.util.UUID;

/**
 * What a decision or second approval changed.
 *
 * @param kycStatusBefore the applicant's users.kyc_status before (KYC documents; null for KYB)
 * @param kycStatusAfter  after: derived from their documents (KY-2)
 * @param effects         sentences about what follows, e.g. the venture may now be activated (KY-6)
 */
public record DecisionResult(UUID documentId, DocumentKind kind, ReviewStatus status, String kycStatusBefore,
                             String kycStatusAfter, List<String> effects) {
    public DecisionResult {
        effects = List.copyOf(effects);
    }
}
