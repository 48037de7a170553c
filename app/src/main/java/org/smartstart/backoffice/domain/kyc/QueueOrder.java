package org.smartstart.backoffice.domain.kyc;

/** How the review queue is sorted: the longest waiting first, or the riskiest first (then the oldest). */
public enum QueueOrder {
    OLDEST_FIRST, HIGHEST_RISK_FIRST
}
