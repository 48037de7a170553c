package org.smartstart.backoffice.domain.disputes;

import java.util.UUID;

/**
 * Which disputes to list; every criterion is optional (null: any).
 *
 * @param assignee disputes assigned to this user
 * @param overdue  true: undecided disputes past a deadline (DS-3) now; false: the others
 */
public record DisputeFilter(DisputeStatus status, DisputeObjectType objectType, UUID assignee, Boolean overdue) {

    public static DisputeFilter all() {
        return new DisputeFilter(null, null, null, null);
    }
}
