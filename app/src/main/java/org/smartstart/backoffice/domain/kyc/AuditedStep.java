package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An audit entry about a document as the store reads it: sealed (seq, txHash) or still in the outbox (both null).
 *
 * @param data the entry's data fields as text (null values left out)
 */
public record AuditedStep(String action, UUID actorId, String actorName, Instant at, Long seq, String txHash,
                          Map<String, String> data) {
    public AuditedStep {
        data = Map.copyOf(data);
    }
}
