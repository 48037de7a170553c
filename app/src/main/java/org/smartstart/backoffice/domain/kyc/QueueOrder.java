package org.smartstart.backoffice.domain.kyc;

/**
 * How the review queue is sorted: the longest waiting first, the riskiest first (then the oldest), or the
 * earliest review deadline first (then the oldest).
 */
public enum QueueOrder {
    OLDEST_FIRST, HIGHEST_RISK_FIRST, DUE_FIRST
}
