package org.smartstart.backoffice.domain.captable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Puts a holding under a vesting policy from a date. Rows are never rewritten (EQ-5), so the open row
 * {@code rowId} ends the day before {@code from} and a new row of the same holder and percent vests
 * by the policy from {@code from} (EQ-6 counts from a row's effective_from).
 *
 * @param basedOnRevision the cap table revision the owner saw ({@link CapTable#revision()}), for optimistic concurrency
 */
public record VestingAttachment(UUID rowId, UUID vestingPolicyId, LocalDate from, String basedOnRevision) {
}
