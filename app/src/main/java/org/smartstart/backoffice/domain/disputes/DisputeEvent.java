package org.smartstart.backoffice.domain.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry about a dispute, as its timeline shows it (AU-1: one per change).
 *
 * @param seq    the entry's place in the audit chain; null while it waits to be sealed (AU-2)
 * @param txHash the entry's chain hash; null while it waits to be sealed
 * @param what   the change in words, e.g. "Decided: resolved — Credited 40 BUZ"
 */
public record DisputeEvent(Long seq, Instant at, UUID actorUserId, String actorName, String action, String what, String txHash) {
}
