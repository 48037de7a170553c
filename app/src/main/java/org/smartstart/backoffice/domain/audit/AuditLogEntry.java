package org.smartstart.backoffice.domain.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One sealed entry of the audit trail as a reader sees it (AU-1, AU-2).
 *
 * @param actorUserId      null for the system itself
 * @param actorDisplayName the actor's current display name; null for the system
 * @param ventureId        the venture the change belongs to, if any
 * @param data             the entry's data as stored: canonical JSON text, personal data tokenized
 * @param prevTxHash       tx_hash of the entry before (64 zeros for seq 1)
 * @param txHash           this entry's hash over its columns and prevTxHash
 */
public record AuditLogEntry(long seq, Instant ts, UUID actorUserId, String actorDisplayName, String action, String objectType,
                            UUID objectId, UUID ventureId, String data, String prevTxHash, String txHash) {
}
