package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * A document a reviewer has just claimed, with what the claim's audit entry names: the venture (KYB) and
 * the claim it replaced, if an expired one was still recorded ({@code previousClaimBy} null otherwise).
 */
public record ClaimedDocument(UUID id, DocumentKind kind, String docType, UUID ventureId, UUID previousClaimBy,
                              Instant previousClaimUntil) {
}
