package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in a document's history — submission, claim, release, decision, second approval — as its audit
 * entry records it (AU-1), with the decision's details when it is one.
 *
 * @param action   the audit action, e.g. KYC_CLAIMED or KYB_DECISION; null for a decision step whose audit entry is missing
 * @param seq      the entry's place in the audit chain; null while the entry awaits sealing (right after commit)
 * @param txHash   the entry's chain hash (AU-2); null while unsealed
 * @param decision the decision, first approval or second approval recorded in that step, or null
 */
public record ReviewEvent(String action, UUID actorId, String actorName, Instant at, Long seq, String txHash,
                          String summary, DecisionRecord decision) {
}
