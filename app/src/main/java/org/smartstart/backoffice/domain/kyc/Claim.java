package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/** A reviewer's claim on a document (KY-3): only they may decide it until {@code claimedUntil}. */
public record Claim(UUID documentId, DocumentKind kind, String docType, UUID claimedBy, Instant claimedUntil) {
}
