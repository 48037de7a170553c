package org.smartstart.backoffice.domain.disputes;

import java.time.Duration;
import java.time.Instant;

/**
 * DS-3: the support desk's service levels. The database sets the same deadlines when a dispute is raised
 * or appealed (V13, rules_ds_first_response_within / rules_ds_resolution_within); change both together.
 */
public final class DisputeDeadlines {

    /** A first response (assignment or start of review) within 24 hours of raising. */
    public static final Duration FIRST_RESPONSE = Duration.ofHours(24);

    /** A decision within 7 days of raising, or of the appeal. */
    public static final Duration RESOLUTION = Duration.ofDays(7);

    private DisputeDeadlines() {
    }

    /** Breached when answered after the deadline, or still unanswered once it has passed. */
    public static boolean firstResponseBreached(Instant due, Instant respondedAt, Instant now) {
        return due != null && (respondedAt != null ? respondedAt.isAfter(due) : now.isAfter(due));
    }

    /** Breached when decided after the deadline, or still undecided once it has passed. */
    public static boolean resolutionBreached(Instant due, DisputeStatus status, Instant decidedAt, Instant now) {
        if (due == null) {
            return false;
        }
        if (status.decided()) {
            return decidedAt != null && decidedAt.isAfter(due);
        }
        return now.isAfter(due);
    }
}
